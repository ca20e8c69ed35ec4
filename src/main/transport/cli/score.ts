import fs from 'node:fs';
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { MAX_ANSWER_CHARS, questionTypes } from '../../../shared/contract';
import { resolveDataDir } from '../../platform/data-dir';
import {
  createEvaluatorProvider,
  findEmbeddingModel,
  grammarFromEnv,
} from '../../assessment/evaluator-provider';
import type { AnswerEvaluator } from '../../assessment/evaluator';
import { builtinQuestions } from '../../features/bank/builtin-questions';
import type { CliIo } from './cli-io';
import { UsageError } from './cli-io';

const lineSchema = z.object({
  id: z.union([z.string().max(200), z.number()]),
  question: z.string().min(1).max(5_000),
  ideal_answer: z.string().max(20_000),
  answer: z.string().max(MAX_ANSWER_CHARS),
  expected_keywords: z.array(z.string().max(100)).max(50).default([]),
  type: z.enum(questionTypes).default('technical'),
  role: z.string().max(100).optional(),
});

/**
 * `rehearse score --input FILE.jsonl [--output FILE.jsonl]`: scores answers line by line as they
 * stream in; a bad line becomes an error object naming it and the rest still score.
 */
export async function scoreCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      input: { type: 'string' },
      output: { type: 'string' },
      'lexical-only': { type: 'boolean', default: false },
      embedding: { type: 'boolean', default: false },
      grammar: { type: 'string' },
    },
  });
  if (!values.input)
    throw new UsageError('score needs --input FILE.jsonl ("-" reads standard input).');
  const lexicalOnly = values['lexical-only'];
  const grammar =
    values.grammar === undefined
      ? grammarFromEnv(io.env)
      : values.grammar === 'off'
        ? false
        : values.grammar === 'rules' || values.grammar === 'harper'
          ? values.grammar
          : null;
  if (grammar === null)
    throw new UsageError('--grammar takes rules (the default), harper (thorough, slower) or off.');
  const provider = createEvaluatorProvider(
    lexicalOnly
      ? { embeddingModelDir: null, grammar: false, linguistics: false }
      : {
          embeddingModelDir: findEmbeddingModel(resolveDataDir(io.env), io.env),
          grammar,
          linguistics: true,
        },
    async () => builtinQuestions().map((q) => ({ roleId: q.roleId, idealAnswer: q.idealAnswer })),
  );
  const scorer = await provider.get();
  for (const problem of provider.problems()) io.stderr(`warning: ${problem}\n`);
  const withEmbedding = values.embedding;
  const input =
    values.input === '-' ? process.stdin : fs.createReadStream(values.input, { encoding: 'utf8' });
  const inputError = new Promise<never>((_, reject) => input.once('error', reject));
  const out = values.output ? fs.createWriteStream(values.output, { encoding: 'utf8' }) : null;
  const write = (record: unknown) => {
    const text = `${JSON.stringify(record)}\n`;
    if (out) out.write(text);
    else io.stdout(text);
  };

  let lineNumber = 0;
  let scored = 0;
  let failed = 0;
  const lines = readline.createInterface({ input, crlfDelay: Infinity });
  try {
    await Promise.race([
      inputError,
      (async () => {
        for await (const line of lines) {
          lineNumber++;
          if (line.trim() === '') continue;
          const record = await scoreLine(line, lineNumber, scorer, withEmbedding);
          if ('error' in record) failed++;
          else scored++;
          write(record);
        }
      })(),
    ]);
  } catch (error) {
    throw new UsageError(
      `Cannot read ${values.input}: ${(error as NodeJS.ErrnoException).code ?? String(error)}.`,
    );
  } finally {
    if (out) await new Promise((resolve) => out.end(resolve));
    await provider.dispose();
  }
  io.stderr(
    `scored ${scored} answer${scored === 1 ? '' : 's'}${failed ? `, ${failed} line${failed === 1 ? '' : 's'} with errors` : ''} (engines ${scorer.id})\n`,
  );
  return 0;
}

async function scoreLine(
  line: string,
  lineNumber: number,
  scorer: AnswerEvaluator,
  withEmbedding: boolean,
): Promise<Record<string, unknown>> {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return { line: lineNumber, error: `line ${lineNumber} is not valid JSON` };
  }
  const parsed = lineSchema.safeParse(json);
  if (!parsed.success) {
    const id = typeof json === 'object' && json !== null && 'id' in json ? json.id : undefined;
    const problems = parsed.error.issues
      .map((i) => `${i.path.join('.') || 'line'}: ${i.message}`)
      .join('; ');
    return {
      line: lineNumber,
      ...(id !== undefined && { id }),
      error: `line ${lineNumber}: ${problems}`,
    };
  }
  const row = parsed.data;
  const result = await scorer.evaluate({
    question: row.question,
    idealAnswer: row.ideal_answer,
    expectedKeywords: row.expected_keywords,
    type: row.type,
    answer: row.answer,
    timeLimitSeconds: 120,
    overTimeSeconds: 0,
  });
  const { details } = result;
  return {
    id: row.id,
    evaluation: {
      relevance_score: result.scores.relevance,
      keywords: { found: details.keywordsFound, missing: details.keywordsMissing },
      structure: details.structure,
      specificity: details.signals.specificity,
      filler_words: details.signals.fillers,
      hedging: details.signals.hedges,
      vocabulary_richness: details.signals.vocabularyRichness,
      word_count: details.wordCount,
      flags: details.signals.flags,
      // An engine that is not installed reports null rather than a guess.
      semantic_similarity: result.semanticSimilarity,
      semantic_coverage: result.semanticCoverage,
      ideal_words_covered: result.idealWordsCovered,
      sentiment: result.sentiment,
      grammar_issues: result.grammarIssues,
      lemmas_matched: result.lemmasMatched,
      synonyms_matched: result.synonymsMatched.map((s) => ({
        word: s.word,
        ideal_word: s.idealWord,
      })),
    },
    scores: result.scores,
    strengths: result.strengths,
    improvements: result.improvements,
    feedback: result.feedbackText,
    ai_confidence: result.confidence,
    engines: result.engines,
    ...(withEmbedding && { embedding: await answerEmbedding(scorer, row.answer) }),
  };
}

async function answerEmbedding(scorer: AnswerEvaluator, answer: string): Promise<number[] | null> {
  const vector = await scorer.embed?.(answer);
  return vector ? Array.from(vector, (x) => Math.round(x * 1e5) / 1e5) : null;
}
