import type { GrammarChecker, GrammarIssue } from '../engines/language/harper-checker';
import type { Embedder, WordVectors } from '../engines/embeddings/embedder';
import { cosineSimilarity } from '../engines/embeddings/embedder';
import { alignWords } from './word-alignment';
import { contentWords, isScoringStopword, words } from '../engines/language/text';
import { findCopiedSample } from './copied-sample';
import { isNoAttempt } from './signals';
import type { ChanceAlignment } from './calibration';
import type { Linguistics } from '../engines/language/linguistics';
import {
  inProcessLanguage,
  type GrammarEngine,
  type LanguageAnalyser,
} from '../engines/language/language-analyser';
import { clamp } from './combine';
import {
  analyseLexically,
  idealTerms,
  finishScore,
  lexicalConfidence,
  lexicalScorer,
} from './lexical-scorer';
import type { ScoreInput, ScoreOutput } from './scorer';

/** Covering this share of the way from an unrelated answer's alignment to a word-for-word copy
 * earns full semantic marks: like the lexical engine's full-marks similarity, a good answer in
 * its own words never aligns perfectly. */
const FULL_MARKS_SPAN = 0.5;

/** Which engine produced which part of a score: stored with every feedback row. */
export interface EngineProvenance {
  readonly lexical: string;
  readonly embedding: string | null;
  readonly grammar: string | null;
  readonly linguistics: string | null;
  readonly thesaurus: string | null;
}

export interface Evaluation extends ScoreOutput {
  /** What ran on this answer (a failed grammar check is not claimed). */
  readonly engines: EngineProvenance;
  /** The same as one id, e.g. "lexical@3+glove-wordpiece-onnx@ffd79f0feb39+harper.js@2.10.0":
   * stored with the feedback row. */
  readonly engineId: string;
  /** Cosine of answer and ideal answer sentence vectors, when an embedding model is installed. */
  readonly semanticSimilarity: number | null;
  /** Share of the ideal answer's content words the answer matches in meaning, word by word,
   * above what unrelated answers reach (0–1); null without an embedding model. */
  readonly semanticCoverage: number | null;
  /** Ideal-answer words the answer covered in other words (or the same ones). */
  readonly idealWordsCovered: string[];
  readonly grammarIssues: GrammarIssue[] | null;
  readonly sentiment: number | null;
  readonly lemmasMatched: string[];
  /** Answer words counted as the ideal-answer word they are a synonym of (WordNet). */
  readonly synonymsMatched: { word: string; idealWord: string }[];
}

/** Scores answers with every engine that is available; the lexical engine always is. */
export interface AnswerEvaluator {
  /** e.g. "lexical@3+glove-wordpiece-onnx@ffd79f0feb39+harper.js@2.10.0+wink-nlp@2.4.0" */
  readonly id: string;
  evaluate(input: ScoreInput, options?: EvaluateOptions): Promise<Evaluation>;
  /** The answer's sentence vector, when an embedding model is loaded. */
  embed?(text: string): Promise<Float32Array | null>;
  /** The loaded embedding model, for indexes of questions (null: none loaded). */
  readonly embedder: Embedder | null;
}

export interface EvaluateOptions {
  /** Another grammar checker than the default for this answer, e.g. a profile's "thorough"
   * choice ('harper'); ignored when grammar checking is off. */
  readonly grammar?: GrammarEngine;
}

export interface EvaluatorEngines {
  readonly embedder?: Embedder | null;
  readonly grammar?: GrammarChecker | null;
  readonly linguistics?: Linguistics | null;
  /**
   * Grammar and tagging behind one asynchronous call, e.g. in the language worker thread; when
   * given, it replaces `grammar` and `linguistics` (which are then run in-process).
   */
  readonly language?: LanguageAnalyser | null;
  /**
   * What unrelated words align with under this embedding model (see calibration.ts): semantic
   * coverage counts only what lies above it, which makes models comparable without fitting to
   * anyone's grades. Without it, chance is taken as 0.
   */
  readonly chance?: ChanceAlignment;
}

/**
 * Layered evaluation: lexical measures first; an embedding model blends semantic closeness into
 * relevance; lemmas let key points match other word forms; a grammar checker adds a language
 * measure to communication. Each layer is optional and recorded.
 */
export function createEvaluator(engines: EvaluatorEngines = {}): AnswerEvaluator {
  const language =
    engines.language ??
    (engines.grammar || engines.linguistics
      ? inProcessLanguage(engines.grammar ?? null, engines.linguistics ?? null)
      : null);
  const provenance: EngineProvenance = {
    lexical: lexicalScorer.id,
    embedding: engines.embedder?.modelId ?? null,
    grammar: language?.grammarId ?? null,
    linguistics: language?.linguisticsId ?? null,
    thesaurus: language?.thesaurusId ?? null,
  };
  const id = idOf(provenance);
  // Key points repeat across answers to the same question: analyse each wording once.
  const keywordLemmas = new Map<string, string[]>();
  // So do ideal answers: their word vectors are kept (a bounded, insertion-ordered cache).
  const idealWords = new Map<string, Promise<WordVectors>>();
  const wordsOfIdeal = (embedder: Embedder, text: string): Promise<WordVectors> => {
    let cached = idealWords.get(text);
    if (!cached) {
      if (idealWords.size >= 2000) idealWords.delete(idealWords.keys().next().value!);
      cached = embedder.embedWords(text);
      idealWords.set(text, cached);
      cached.catch(() => idealWords.delete(text));
    }
    return cached;
  };

  return {
    id,
    embedder: engines.embedder ?? null,
    embed: async (text) =>
      engines.embedder ? ((await engines.embedder.embed([text]))[0] ?? null) : null,
    async evaluate(input, options = {}) {
      const answerWords = words(input.answer);
      const hasWords = answerWords.length > 0;
      // Grammar and tagging start first: in the language worker they run while this thread
      // embeds the answer, so an evaluation costs the longer of the two, not their sum.
      const forms = input.expectedKeywords.flatMap((k) => [
        k,
        ...(input.keywordSynonyms?.[k] ?? []),
      ]);
      const newForms = [...new Set(forms)].filter((form) => !keywordLemmas.has(form));
      const languageWork = language
        ? language
            .analyse({
              text: input.answer,
              grammar: language.grammarId !== null && hasWords,
              linguistics: language.linguisticsId !== null,
              lemmaForms: newForms,
              // The question's own terms are not misspellings when the answer repeats them.
              knownWords: words(`${input.question} ${input.idealAnswer} ${forms.join(' ')}`),
              ...(options.grammar && { grammarEngine: options.grammar }),
              ...(language.thesaurusId !== null &&
                hasWords && { synonymTargets: [...idealTerms(input.idealAnswer)] }),
            })
            // Scoring never fails for want of a grammar check: the answer is scored without it.
            .catch(() => null)
        : null;

      let semanticSimilarity: number | null = null;
      let semanticCoverage: number | null = null;
      let idealWordsCovered: string[] = [];
      // "I don't know" is not compared in meaning: it is no attempt, and scores none.
      if (engines.embedder && hasWords && !isNoAttempt(answerWords)) {
        // Relevance blends term overlap with word-by-word alignment in meaning (BERTScore
        // recall): on the asag-dev questions chosen for tuning this agreed with human grades
        // better than one sentence vector per text (see README.md, "Agreement with human grades").
        const [ideal, answer] = await Promise.all([
          wordsOfIdeal(engines.embedder, input.idealAnswer),
          // Runs copied from the sample answer are not compared: copying earns no content.
          engines.embedder.embedWords(
            findCopiedSample(input.type, input.answer, input.idealAnswer).ownWords,
          ),
        ]);
        const options = { questionWords: new Set(words(input.question)) };
        const alignment = alignWords(ideal, answer, options);
        // A word said twice offers no new neighbour, so chance goes by the distinct words.
        const chance = engines.chance?.recall(new Set(answer.words).size) ?? 0;
        const above = (alignment.recall - chance) / ((1 - chance) * FULL_MARKS_SPAN);
        semanticCoverage = Math.round(clamp(above) * 1000) / 1000;
        idealWordsCovered = alignment.matched;
        if (ideal.sentence && answer.sentence)
          semanticSimilarity =
            Math.round(cosineSimilarity(answer.sentence, ideal.sentence) * 1000) / 1000;
      }

      const languageResult = languageWork ? await languageWork : null;
      newForms.forEach((form, i) => {
        const lemmas = languageResult?.formLemmas[i];
        if (lemmas) keywordLemmas.set(form, lemmas);
      });
      const analysis = languageResult?.analysis ?? null;
      const answerLemmas = new Set(analysis?.lemmas ?? []);
      const lemmasMatched: string[] = [];
      const lemmaHit = (form: string): boolean => {
        const lemmas = keywordLemmas.get(form) ?? [];
        const hit = lemmas.length > 0 && lemmas.every((l) => answerLemmas.has(l));
        if (hit) lemmasMatched.push(form);
        return hit;
      };
      const synonyms = languageResult?.synonyms ?? [];
      const { parts, details } = analyseLexically(input, { keywordHit: lemmaHit, synonyms });
      const relevance =
        semanticCoverage === null
          ? parts.relevance
          : 0.5 * parts.relevance + 0.5 * semanticCoverage;
      const grammarIssues = languageResult?.grammarIssues ?? null;
      const grammarIssueRate =
        grammarIssues && details.wordCount > 0
          ? (grammarIssues.length / details.wordCount) * 100
          : undefined;

      const engineCount = [
        engines.embedder,
        languageResult && provenance.grammar,
        languageResult && provenance.linguistics,
      ].filter(Boolean).length;
      const confidence = Math.min(0.9, lexicalConfidence(details.wordCount) + 0.1 * engineCount);
      const result = finishScore(
        input,
        { ...parts, relevance, grammarIssueRate },
        details,
        Math.round(confidence * 100) / 100,
      );
      // What actually ran on this answer: a failed grammar check is not claimed.
      const ran: EngineProvenance = languageResult
        ? { ...provenance, grammar: languageResult.grammarId ?? provenance.grammar }
        : { ...provenance, grammar: null, linguistics: null, thesaurus: null };
      return {
        ...result,
        engines: ran,
        engineId: idOf(ran),
        semanticSimilarity,
        semanticCoverage,
        idealWordsCovered,
        grammarIssues,
        sentiment: analysis?.sentiment ?? null,
        lemmasMatched,
        synonymsMatched: synonymsAsWords(synonyms, input.idealAnswer),
      };
    },
  };
}

/** [answer word, ideal-answer stem] pairs → the ideal answer's own word for each stem. */
function synonymsAsWords(
  synonyms: readonly (readonly [string, string])[],
  idealAnswer: string,
): { word: string; idealWord: string }[] {
  if (synonyms.length === 0) return [];
  const wordOf = new Map<string, string>();
  for (const { word, stem } of contentWords(idealAnswer, isScoringStopword))
    if (!wordOf.has(stem)) wordOf.set(stem, word);
  return synonyms.map(([word, stem]) => ({ word, idealWord: wordOf.get(stem) ?? stem }));
}

function idOf(p: EngineProvenance): string {
  return [p.lexical, p.embedding, p.grammar, p.linguistics, p.thesaurus].filter(Boolean).join('+');
}
