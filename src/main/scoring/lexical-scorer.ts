import type { Scores } from '../../shared/contract';
import type { AnswerScorer, ScoreDetails, ScoreInput, ScoreOutput } from './scorer';
import { answerSignals } from './signals';
import { contentStems, cosine, sentences, termFrequencies } from './text';

// Similarity of a good answer to a reference rarely exceeds ~0.5 with plain term vectors (the
// wording differs even when the content matches), so 0.45 maps to full marks.
const FULL_MARKS_SIMILARITY = 0.45;
// Terms the question itself contains say little about whether the answer has content.
const QUESTION_TERM_WEIGHT = 0.3;

/**
 * The first, honest scorer: keyword coverage, lexical relevance to the ideal answer, length and
 * simple structure cues. It never claims more than it measures; the evaluation-engine issue
 * adds lemmas, embeddings and grammar behind the same interface.
 */
export const lexicalScorer: AnswerScorer = {
  id: 'lexical@2',
  score(input: ScoreInput): ScoreOutput {
    const signals = answerSignals(input.answer);
    const wordCount = signals.wordCount;
    const answerStems = new Set(contentStems(input.answer));

    const keywordsFound: string[] = [];
    const keywordsMissing: string[] = [];
    for (const keyword of input.expectedKeywords) {
      const forms = [keyword, ...(input.keywordSynonyms?.[keyword] ?? [])];
      const hit = forms.some((form) => {
        const parts = contentStems(form);
        return parts.length > 0 && parts.every((p) => answerStems.has(p));
      });
      (hit ? keywordsFound : keywordsMissing).push(keyword);
    }
    const coverage =
      input.expectedKeywords.length === 0
        ? 0
        : keywordsFound.length / input.expectedKeywords.length;

    const questionStems = new Set(contentStems(input.question));
    const weigh = (tf: Map<string, number>) => {
      for (const [t, n] of tf) if (questionStems.has(t)) tf.set(t, n * QUESTION_TERM_WEIGHT);
      return tf;
    };
    const similarity = cosine(
      weigh(termFrequencies(contentStems(input.answer))),
      weigh(termFrequencies(contentStems(input.idealAnswer))),
    );
    const relevance = clamp(similarity / FULL_MARKS_SIMILARITY);

    const lengthScore = scoreLength(wordCount);
    const fillerCount = signals.fillerCount;
    const fillerRate = wordCount === 0 ? 0 : (fillerCount / wordCount) * 100;
    const sentenceList = sentences(input.answer);
    const avgSentence = sentenceList.length === 0 ? 0 : wordCount / sentenceList.length;
    const sentenceScore =
      avgSentence === 0 ? 0 : avgSentence <= 30 ? 1 : clamp(1 - (avgSentence - 30) / 40);
    const structure = signals.structure;
    const starScore = input.type === 'behavioral' ? structure.starParts.length / 4 : 1;

    const keywordPart = input.expectedKeywords.length === 0 ? relevance : coverage;
    // Length is judged under communication; content only discounts answers of a few words,
    // where overlap with the ideal answer is mostly chance.
    const content = 100 * (0.5 * keywordPart + 0.5 * relevance) * Math.min(1, wordCount / 8);
    const overTimePenalty = Math.min(15, input.overTimeSeconds / 4);
    // Delivery cues mean little on a handful of words, so they count in proportion to length.
    const substance = Math.min(1, wordCount / 40);
    const communication = Math.max(
      0,
      100 *
        (0.35 * lengthScore +
          substance * (0.25 * sentenceScore + 0.2 * clamp(1 - fillerRate / 8) + 0.2 * starScore)) -
        overTimePenalty,
    );
    const technical =
      100 *
      (input.type === 'technical'
        ? 0.7 * keywordPart + 0.3 * relevance
        : 0.5 * keywordPart + 0.5 * relevance);
    const scores: Scores = roundScores({
      content,
      communication,
      technical,
      relevance: relevance * 100,
      overall: 0.45 * content + 0.25 * communication + 0.2 * technical + 0.1 * relevance * 100,
    });

    const details: ScoreDetails = {
      keywordsFound,
      keywordsMissing,
      wordCount,
      lexicalSimilarity: Math.round(similarity * 1000) / 1000,
      fillerCount,
      structure,
      signals,
    };
    const { strengths, improvements } = describe(input, details, {
      relevance,
      avgSentence,
      fillerRate,
    });
    return {
      scores,
      strengths,
      improvements,
      feedbackText: summarise(scores.overall, details),
      confidence: Math.round(Math.min(0.5, 0.15 + wordCount / 400) * 100) / 100,
      details,
    };
  },
};

function describe(
  input: ScoreInput,
  d: ScoreDetails,
  m: { relevance: number; avgSentence: number; fillerRate: number },
): { strengths: string[]; improvements: string[] } {
  const strengths: string[] = [];
  const improvements: string[] = [];
  const total = input.expectedKeywords.length;
  if (total > 0 && d.keywordsFound.length >= Math.ceil(total / 2)) {
    strengths.push(
      `You covered ${d.keywordsFound.length} of ${total} key points: ${quoteList(d.keywordsFound)}.`,
    );
  }
  if (d.keywordsMissing.length > 0) {
    improvements.push(
      `Strong answers here also mention ${quoteList(d.keywordsMissing.slice(0, 4))}; ` +
        `you did not bring ${d.keywordsMissing.length === 1 ? 'it' : 'them'} up.`,
    );
  }
  if (m.relevance >= 0.6)
    strengths.push('Your answer stays on the substance the question asks about.');
  else if (d.wordCount >= 20 && m.relevance < 0.25) {
    improvements.push(
      "Much of the answer doesn't address what the question asks; compare it with the ideal answer.",
    );
  }
  if (d.wordCount < 40) {
    improvements.push(
      `The answer is ${d.wordCount} words; a full answer here usually takes 80–250 words.`,
    );
  } else if (d.wordCount > 450) {
    improvements.push(
      `At ${d.wordCount} words the answer is long; lead with the main point and cut detail.`,
    );
  } else if (d.wordCount >= 80) {
    strengths.push(`A complete answer of ${d.wordCount} words.`);
  }
  if (input.type === 'behavioral') {
    const missing = ['situation', 'task', 'action', 'result'].filter(
      (p) => !d.structure.starParts.includes(p),
    );
    if (missing.length === 0)
      strengths.push('You gave the situation, your task, your actions and the result (STAR).');
    else
      improvements.push(
        `For a STAR answer, add the ${missing.join(', ')} part${missing.length > 1 ? 's' : ''}.`,
      );
    if (!d.structure.hasNumbers)
      improvements.push('No measurable result given: add a number, a percentage or time saved.');
  } else if (d.structure.hasNumbers && d.wordCount >= 20) {
    strengths.push('You used concrete figures.');
  }
  if (m.avgSentence > 35)
    improvements.push('Sentences average over 35 words; shorter sentences are easier to follow.');
  if (m.fillerRate >= 4)
    improvements.push(`${d.fillerCount} filler words ("like", "basically", ...); drop them.`);
  const flags = d.signals.flags;
  if (flags.includes('instructions-to-grader')) {
    improvements.push(
      'Part of the answer talks to the grader, not the interviewer; it earns nothing.',
    );
  }
  if (flags.includes('mostly-non-english')) {
    improvements.push(
      'The answer is mostly not in English, and this scorer compares it with an English ideal answer, so its scores say little.',
    );
  }
  if (d.signals.hedges.length >= 3) {
    improvements.push(
      `Several hedges (${d.signals.hedges.map((h) => `“${h}”`).join(', ')}): state what you did or know plainly.`,
    );
  }
  if (input.overTimeSeconds > 0) {
    improvements.push(
      `You went ${Math.round(input.overTimeSeconds)} s over the ${input.timeLimitSeconds} s limit.`,
    );
  }
  return { strengths, improvements };
}

function summarise(overall: number, d: ScoreDetails): string {
  const band =
    overall >= 75
      ? 'A strong answer'
      : overall >= 50
        ? 'A fair answer'
        : 'An answer that needs work';
  const keywords =
    d.keywordsFound.length + d.keywordsMissing.length > 0
      ? ` It covers ${d.keywordsFound.length} of ${d.keywordsFound.length + d.keywordsMissing.length} expected key points`
      : ' No key points were listed for this question';
  return `${band} (${overall}/100).${keywords}, in ${d.wordCount} words.`;
}

function scoreLength(wordCount: number): number {
  if (wordCount < 60) return wordCount / 60;
  if (wordCount <= 350) return 1;
  return Math.max(0.6, 1 - (wordCount - 350) / 1000);
}

function roundScores(s: Scores): Scores {
  const r = (n: number) => Math.round(Math.max(0, Math.min(100, n)));
  return {
    content: r(s.content),
    communication: r(s.communication),
    technical: r(s.technical),
    relevance: r(s.relevance),
    overall: r(s.overall),
  };
}

function clamp(n: number): number {
  return Math.max(0, Math.min(1, n));
}

function quoteList(items: readonly string[]): string {
  return items.map((k) => `“${k}”`).join(', ');
}
