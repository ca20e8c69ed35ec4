import type { GrammarChecker, GrammarIssue } from '../nlp/grammar';
import type { Embedder } from '../nlp/embedder';
import { cosineSimilarity } from '../nlp/embedder';
import type { Linguistics } from '../nlp/linguistics';
import { clamp } from '../scoring/combine';
import {
  analyseLexically,
  finishScore,
  lexicalConfidence,
  lexicalScorer,
} from '../scoring/lexical-scorer';
import type { ScoreInput, ScoreOutput } from '../scoring/scorer';

/** Which engine produced which part of a score: stored with every feedback row. */
export interface EngineProvenance {
  readonly lexical: string;
  readonly embedding: string | null;
  readonly grammar: string | null;
  readonly linguistics: string | null;
}

export interface Evaluation extends ScoreOutput {
  readonly engines: EngineProvenance;
  /** Cosine of answer and ideal answer sentence vectors, when an embedding model is installed. */
  readonly semanticSimilarity: number | null;
  readonly grammarIssues: GrammarIssue[] | null;
  readonly sentiment: number | null;
  readonly lemmasMatched: string[];
}

/** Scores answers with every engine that is available; the lexical engine always is. */
export interface AnswerEvaluator {
  /** e.g. "lexical@2+glove-wordpiece-onnx@ffd79f0feb39+harper.js@2.10.0+wink-nlp@2.4.0" */
  readonly id: string;
  evaluate(input: ScoreInput): Promise<Evaluation>;
  /** The answer's sentence vector, when an embedding model is loaded. */
  embed?(text: string): Promise<Float32Array | null>;
}

export interface EvaluatorEngines {
  readonly embedder?: Embedder | null;
  readonly grammar?: GrammarChecker | null;
  readonly linguistics?: Linguistics | null;
  /**
   * Similarity of unrelated texts under this embedding model (see calibration.ts): semantic
   * relevance counts only what lies above it, which makes models with different baselines
   * comparable without fitting to anyone's grades.
   */
  readonly semanticBaseline?: number;
}

/**
 * Layered evaluation: lexical measures first; an embedding model blends semantic closeness into
 * relevance; lemmas let key points match other word forms; a grammar checker adds a language
 * measure to communication. Each layer is optional and recorded.
 */
export function createEvaluator(engines: EvaluatorEngines = {}): AnswerEvaluator {
  const provenance: EngineProvenance = {
    lexical: lexicalScorer.id,
    embedding: engines.embedder?.modelId ?? null,
    grammar: engines.grammar?.id ?? null,
    linguistics: engines.linguistics?.id ?? null,
  };
  const id = [provenance.lexical, provenance.embedding, provenance.grammar, provenance.linguistics]
    .filter(Boolean)
    .join('+');
  const baseline = engines.semanticBaseline ?? 0.3;
  // Key points repeat across answers to the same question: analyse each wording once.
  const keywordLemmas = new Map<string, string[]>();

  return {
    id,
    embed: async (text) =>
      engines.embedder ? ((await engines.embedder.embed([text]))[0] ?? null) : null,
    async evaluate(input) {
      const analysis = engines.linguistics?.analyse(input.answer) ?? null;
      const answerLemmas = new Set(analysis?.lemmas ?? []);
      const lemmasMatched: string[] = [];
      const lemmaHit = (form: string): boolean => {
        if (!engines.linguistics || answerLemmas.size === 0) return false;
        let lemmas = keywordLemmas.get(form);
        if (!lemmas) {
          lemmas = engines.linguistics.analyse(form).lemmas;
          keywordLemmas.set(form, lemmas);
        }
        const hit = lemmas.length > 0 && lemmas.every((l) => answerLemmas.has(l));
        if (hit) lemmasMatched.push(form);
        return hit;
      };
      const { parts, details } = analyseLexically(input, lemmaHit);

      let semanticSimilarity: number | null = null;
      let relevance = parts.relevance;
      if (engines.embedder && details.wordCount > 0) {
        const [answer, ideal] = await engines.embedder.embed([input.answer, input.idealAnswer]);
        if (answer && ideal) {
          semanticSimilarity = Math.round(cosineSimilarity(answer, ideal) * 1000) / 1000;
          const semantic = clamp((semanticSimilarity - baseline) / (1 - baseline) / 0.6);
          relevance = 0.5 * parts.relevance + 0.5 * semantic;
        }
      }
      const grammarIssues =
        engines.grammar && details.wordCount > 0 ? await engines.grammar.check(input.answer) : null;
      const grammarIssueRate =
        grammarIssues && details.wordCount > 0
          ? (grammarIssues.length / details.wordCount) * 100
          : undefined;

      const engineCount = [engines.embedder, engines.grammar, engines.linguistics].filter(
        Boolean,
      ).length;
      const confidence = Math.min(0.9, lexicalConfidence(details.wordCount) + 0.1 * engineCount);
      const result = finishScore(
        input,
        { ...parts, relevance, grammarIssueRate },
        details,
        Math.round(confidence * 100) / 100,
      );
      return {
        ...result,
        engines: provenance,
        semanticSimilarity,
        grammarIssues,
        sentiment: analysis?.sentiment ?? null,
        lemmasMatched,
      };
    },
  };
}
