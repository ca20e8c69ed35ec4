import type { ScoreDetails, ScoreInput } from './scorer';

/** Measures the feedback sentences are built from (beyond the details stored with the score). */
export interface FeedbackMeasures {
  readonly relevance: number;
  readonly avgSentence: number;
  readonly fillerRate: number;
}

/**
 * Strengths and improvements, each tied to something observable in this answer ("you named the
 * action but no measurable result"), never to the person.
 */
export function describe(
  input: ScoreInput,
  d: ScoreDetails,
  m: FeedbackMeasures,
): { strengths: string[]; improvements: string[] } {
  const strengths: string[] = [];
  const improvements: string[] = [];
  const parts = d.answerParts;
  const total = parts
    ? d.keywordsFound.length + d.keywordsMissing.length
    : input.expectedKeywords.length;
  if (parts) {
    // The parts themselves are listed with the answer's own words beside the feedback.
    if (parts.missing.length === 0 && parts.found.length > 0)
      strengths.push('Your answer has every part of a strong answer.');
    else if (parts.found.length > 0)
      strengths.push(`Your answer has ${parts.found.map((p) => p.label).join(', ')}.`);
    if (parts.missing.length > 0 && !d.signals.flags.includes('no-attempt')) {
      const ending = parts.endsWith ? ` Your answer ends at “${parts.endsWith}”.` : '';
      // How to add each part is listed beside the parts, on the screen and in the PDF.
      improvements.push(`Missing: ${parts.missing.map((p) => p.label).join(', ')}.${ending}`);
    }
  } else if (total > 0 && d.keywordsFound.length >= Math.ceil(total / 2)) {
    strengths.push(
      `You covered ${d.keywordsFound.length} of ${total} key points: ${quoteList(d.keywordsFound)}.`,
    );
  }
  if (!parts && d.keywordsMissing.length > 0) {
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
  const flags = d.signals.flags;
  if (flags.includes('no-attempt')) {
    improvements.push(
      'You said you had no answer. In an interview, say what you do know about it or how you would find out: a partial answer earns more than none.',
    );
  } else if (d.wordCount < 40) {
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
    // The parts above already name what a story lacks; STAR is credited when it is all there.
    if (['situation', 'action', 'result'].every((p) => d.structure.starParts.includes(p)))
      strengths.push(
        'You told it as a complete story: the situation, your actions and the result.',
      );
  } else if (d.structure.hasNumbers && d.wordCount >= 20) {
    strengths.push('You used concrete figures.');
  }
  if (m.avgSentence > 35)
    improvements.push('Sentences average over 35 words; shorter sentences are easier to follow.');
  if (m.fillerRate >= 4)
    improvements.push(
      `${d.fillerCount} filler words (${quoteList(Object.keys(d.signals.fillers).slice(0, 4))}); drop them.`,
    );
  if (flags.includes('copied-sample')) {
    improvements.push(
      `${Math.round(d.copiedShare * 100)}% of your answer repeats the sample answer word for word; that part earns no content marks. Tell it in your own words, with your own example.`,
    );
  }
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

export function summarise(overall: number, d: ScoreDetails): string {
  const band =
    overall >= 75
      ? 'A strong answer'
      : overall >= 50
        ? 'A fair answer'
        : 'An answer that needs work';
  const expected = d.keywordsFound.length + d.keywordsMissing.length;
  const keywords = d.answerParts
    ? ` It has ${d.keywordsFound.length} of the ${expected} parts of a strong answer`
    : expected > 0
      ? ` It covers ${d.keywordsFound.length} of ${expected} expected key points`
      : ' No key points were listed for this question';
  // The number itself is shown once, beside the answer, so a later change (a follow-up's credit)
  // can never leave a sentence disagreeing with it.
  return `${band}.${keywords}, in ${d.wordCount} words.`;
}

function quoteList(items: readonly string[]): string {
  return items.map((k) => `“${k}”`).join(', ');
}
