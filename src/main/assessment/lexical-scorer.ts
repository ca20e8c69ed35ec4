import { clamp, combineScores, type ScoreParts } from './combine';
import { describe, summarise } from './feedback-text';
import type { AnswerScorer, ScoreDetails, ScoreInput, ScoreOutput } from './scorer';
import { findAnswerParts, isJudgedByParts } from './answer-parts';
import { findCopiedSample } from './copied-sample';
import { answerSignals } from './signals';
import {
  contentStems,
  contentWords,
  cosine,
  isScoringStopword,
  sentences,
} from '../engines/language/text';

// Similarity of a good answer to a reference rarely exceeds ~0.5 with plain term vectors (the
// wording differs even when the content matches), so 0.45 maps to full marks.
const FULL_MARKS_SIMILARITY = 0.45;
// Terms the question itself contains say little about whether the answer has content.
const QUESTION_TERM_WEIGHT = 0.3;

export interface LexicalAnalysis {
  readonly parts: ScoreParts;
  readonly details: ScoreDetails;
}

/** What other engines add to the lexical measures, when they ran. */
export interface LexicalExtras {
  /** A key point (or one of its synonyms) the answer says in another form, e.g. by lemma. */
  readonly keywordHit?: (form: string) => boolean;
  /** Answer words that are synonyms of an ideal-answer term, with that term's stem (see
   * nlp/thesaurus.ts): they count as the term. */
  readonly synonyms?: readonly (readonly [word: string, target: string])[];
}

/** The ideal answer's terms as answers are compared with them (a thesaurus looks for these). */
export function idealTerms(idealAnswer: string): Set<string> {
  return new Set(contentStems(idealAnswer, isScoringStopword));
}

/** Everything the lexical engine measures: key points, term overlap, length, cues. */
export function analyseLexically(input: ScoreInput, extras: LexicalExtras = {}): LexicalAnalysis {
  const said = answerSignals(input.answer);
  // Content is measured on what the candidate said in their own words: runs copied from the
  // sample answer earn nothing (communication still hears the whole answer).
  const copy = findCopiedSample(input.type, input.answer, input.idealAnswer);
  const own = copy.ownWords;
  const signals =
    copy.copiedWords > 0 ? { ...said, flags: [...said.flags, 'copied-sample' as const] } : said;
  const wordCount = signals.wordCount;
  const answerStems = new Set(contentStems(own));

  const keywordsFound: string[] = [];
  const keywordsMissing: string[] = [];
  // Behavioural, situational and motivation questions have no facts to cover: their key points
  // are the parts of a strong answer, and the bank's sample story is only an example.
  const answerParts = isJudgedByParts(input.type) ? findAnswerParts(input.type, own) : null;
  const factKeywords = answerParts ? [] : input.expectedKeywords;
  if (answerParts) {
    keywordsFound.push(...answerParts.found.map((p) => p.label));
    keywordsMissing.push(...answerParts.missing.map((p) => p.label));
  }
  for (const keyword of factKeywords) {
    const forms = [keyword, ...(input.keywordSynonyms?.[keyword] ?? [])];
    const hit = forms.some((form) => {
      const parts = contentStems(form);
      return (
        (parts.length > 0 && parts.every((p) => answerStems.has(p))) ||
        (extras.keywordHit?.(form) ?? false)
      );
    });
    (hit ? keywordsFound : keywordsMissing).push(keyword);
  }

  const questionStems = new Set(contentStems(input.question, isScoringStopword));
  // Each term counts once: saying a term again adds no content, and with term counts an answer
  // that keeps repeating one right word would drift away from an ideal answer that names it once.
  const weighed = (stems: Iterable<string>) =>
    new Map([...stems].map((t) => [t, questionStems.has(t) ? QUESTION_TERM_WEIGHT : 1]));
  const synonymOf = new Map(extras.synonyms ?? []);
  const answerTerms = contentWords(own, isScoringStopword).map(
    ({ word, stem }) => synonymOf.get(word) ?? stem,
  );
  // "I don't know" shares words with no ideal answer worth crediting: it earns no content.
  const attempted = !signals.flags.includes('no-attempt');
  const similarity = attempted
    ? cosine(weighed(answerTerms), weighed(idealTerms(input.idealAnswer)))
    : 0;
  const sentenceCount = sentences(input.answer).length;
  const parts: ScoreParts = {
    type: input.type,
    wordCount,
    keywordCoverage: !attempted
      ? 0
      : answerParts
        ? answerParts.coverage
        : factKeywords.length === 0
          ? null
          : keywordsFound.length / factKeywords.length,
    judgedByParts: answerParts !== null,
    relevance: clamp(similarity / FULL_MARKS_SIMILARITY),
    avgSentence: sentenceCount === 0 ? 0 : wordCount / sentenceCount,
    fillerRate: wordCount === 0 ? 0 : (signals.fillerCount / wordCount) * 100,
    starScore: input.type === 'behavioral' ? signals.structure.starParts.length / 4 : 1,
    overTimeSeconds: input.overTimeSeconds,
    deliveryScore: input.delivery?.score ?? undefined,
    noAttempt: !attempted,
  };
  const details: ScoreDetails = {
    keywordsFound,
    keywordsMissing,
    wordCount,
    lexicalSimilarity: Math.round(similarity * 1000) / 1000,
    fillerCount: signals.fillerCount,
    structure: signals.structure,
    signals,
    copiedShare: copy.copiedShare,
    answerParts: answerParts && {
      found: [...answerParts.found],
      missing: answerParts.missing.map((p) => ({ id: p.id, label: p.label, advice: p.advice })),
      endsWith: answerParts.endsWith,
    },
  };
  return { parts, details };
}

/** Scores, strengths, improvements and summary from measured parts (whatever measured them). */
export function finishScore(
  input: ScoreInput,
  parts: ScoreParts,
  details: ScoreDetails,
  confidence: number,
): ScoreOutput {
  const scores = combineScores(parts);
  const described = describe(input, details, parts);
  const heard = input.delivery?.observations ?? [];
  const strengths = [
    ...described.strengths,
    ...heard
      .filter((o) => o.level === 'ok')
      .slice(0, 1)
      .map((o) => o.message),
  ];
  const improvements = [
    ...described.improvements,
    ...heard
      .filter((o) => o.level === 'improve')
      .slice(0, 2)
      .map((o) => o.message),
  ];
  return {
    scores,
    strengths,
    improvements,
    feedbackText: summarise(scores.overall, details),
    confidence,
    details,
  };
}

/**
 * The rule-based engine: needs no model, so Rehearse always scores. It never claims more than it
 * measures; embeddings, grammar and lemmas refine it when installed (see evaluation/).
 */
export const lexicalScorer: AnswerScorer = {
  id: 'lexical@3',
  score(input: ScoreInput): ScoreOutput {
    const { parts, details } = analyseLexically(input);
    return finishScore(input, parts, details, lexicalConfidence(parts.wordCount));
  },
};

/** Lexical scoring of short answers is shaky, and never very sure. */
export function lexicalConfidence(wordCount: number): number {
  return Math.round(Math.min(0.5, 0.15 + wordCount / 400) * 100) / 100;
}
