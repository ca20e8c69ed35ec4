// Written feedback computed from the evaluation alone (the "template" engine): deterministic,
// always available, and the facts an LLM may only rephrase. The engine decides what to say and
// in which order; numbers here come from the scores and counts, never from a model.
import type { AnswerResult, Scores } from '../../shared/contract';
import { SHORT_ANSWER_WORDS } from './follow-ups/follow-up-rules';

export const TEMPLATE_ENGINE = 'template@1';

const DIMENSIONS: readonly (keyof Omit<Scores, 'overall'>)[] = [
  'content',
  'communication',
  'technical',
  'relevance',
];

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** The measured facts of one answer, in words (also what an LLM is given to phrase). */
export function answerFacts(a: AnswerResult): string[] {
  if (!a.scores) return [];
  const facts = [`overall ${a.scores.overall}/100`];
  for (const d of DIMENSIONS) facts.push(`${d} ${a.scores[d]}`);
  if (a.answerParts) {
    // Story questions are judged by the parts of a strong answer, not by key words.
    if (a.answerParts.found.length > 0)
      facts.push(`parts given: ${a.answerParts.found.map((p) => p.label).join(', ')}`);
    if (a.answerParts.missing.length > 0)
      facts.push(`parts missing: ${a.answerParts.missing.map((p) => p.label).join(', ')}`);
  } else {
    const total = a.keywordsFound.length + a.keywordsMissing.length;
    if (total > 0) facts.push(`key points covered ${a.keywordsFound.length} of ${total}`);
    if (a.keywordsMissing.length > 0)
      facts.push(`missing: ${a.keywordsMissing.slice(0, 4).join(', ')}`);
  }
  facts.push(/\d/.test(a.answerText) ? 'gives numbers' : 'no numbers');
  facts.push(`${wordCount(a.answerText)} words`);
  return facts;
}

/**
 * A short, specific paragraph on one scored answer. What to improve is the evaluator's own
 * sentences (assessment/feedback-text.ts, stored with the score): one producer of feedback
 * sentences, so the written feedback never contradicts the answer card beside it.
 */
export function answerParagraph(a: AnswerResult): string {
  if (!a.scores) return '';
  const s = a.scores;
  const ranked = [...DIMENSIONS].sort((x, y) => s[y] - s[x]);
  const best = ranked[0]!;
  const worst = ranked[ranked.length - 1]!;
  const sentences = [
    `This answer scored ${s.overall}/100: strongest on ${best} (${s[best]}), weakest on ${worst} (${s[worst]}).`,
  ];
  if (a.improvements.length > 0) sentences.push(...a.improvements.slice(0, 3));
  else sentences.push(...a.strengths.slice(0, 1), 'A well-built answer: keep this structure.');
  return sentences.slice(0, 4).join(' ');
}

export interface SessionSummary {
  readonly text: string;
  /** At most 3, most important first. */
  readonly recommendations: string[];
  /** The facts behind them, for an LLM to phrase. */
  readonly facts: string[];
}

/** The session summary with 3 prioritised recommendations, each grounded in a count. */
export function sessionSummary(answers: readonly AnswerResult[]): SessionSummary {
  const scored = answers.filter((a) => a.scores);
  const skipped = answers.filter((a) => a.status === 'skipped').length;
  const shown = answers.filter((a) => a.status !== 'unanswered').length;
  const facts: string[] = [`answered ${scored.length} of ${answers.length} questions`];
  const candidates: { severity: number; text: string }[] = [];
  if (skipped > 0)
    candidates.push({
      severity: 0.2 + skipped / Math.max(1, shown),
      text: `Answer every question: you skipped ${skipped} of ${shown}, and even a short answer beats none.`,
    });
  if (scored.length > 0) {
    const mean = (d: keyof Scores) =>
      Math.round(scored.reduce((n, a) => n + a.scores![d], 0) / scored.length);
    const ranked = [...DIMENSIONS].sort((x, y) => mean(y) - mean(x));
    facts.push(`average ${mean('overall')}/100`);
    for (const d of DIMENSIONS) facts.push(`${d} ${mean(d)}`);

    // A measured result is what a story (behavioural, situational) answer needs; a fact answer
    // needs none.
    const stories = scored.filter((a) => a.type === 'behavioral' || a.type === 'situational');
    const withNumbers = stories.filter((a) => /\d/.test(a.answerText)).length;
    if (withNumbers < stories.length)
      candidates.push({
        severity: (stories.length - withNumbers) / scored.length,
        text: `End your stories with a measured result: ${withNumbers} of ${stories.length} gave a number.`,
      });
    const found = scored.reduce((n, a) => n + a.keywordsFound.length, 0);
    const missing = new Map<string, number>();
    for (const a of scored)
      for (const k of a.keywordsMissing) missing.set(k, (missing.get(k) ?? 0) + 1);
    const missed = [...missing.values()].reduce((n, c) => n + c, 0);
    if (missed > 0) {
      const top = [...missing.entries()]
        .sort((x, y) => y[1] - x[1])
        .slice(0, 3)
        .map(([k]) => k);
      candidates.push({
        severity: missed / (missed + found),
        text: `Cover the key points: your answers left out ${missed} of ${missed + found}, most often ${list(top)}.`,
      });
    }
    const short = scored.filter((a) => wordCount(a.answerText) < SHORT_ANSWER_WORDS).length;
    if (short > 0)
      candidates.push({
        severity: short / scored.length,
        text: `Develop your answers: ${short} of ${scored.length} were under ${SHORT_ANSWER_WORDS} words; add one concrete example to each.`,
      });
    const fillerAnswers = scored.filter(
      (a) => Object.values(a.analysis.fillers).reduce((n, c) => n + c, 0) >= 3,
    ).length;
    if (fillerAnswers > 0)
      candidates.push({
        severity: (0.8 * fillerAnswers) / scored.length,
        text: `Cut filler words: ${fillerAnswers} of ${scored.length} answers had three or more.`,
      });
    const hedged = scored.filter((a) => a.analysis.hedges.length > 0).length;
    if (hedged > 0)
      candidates.push({
        severity: (0.6 * hedged) / scored.length,
        text: `Sound surer: ${hedged} of ${scored.length} answers hedged (“I think”, “maybe”); say what you did.`,
      });
    const best = ranked[0]!;
    const worst = ranked[ranked.length - 1]!;
    const text =
      `You answered ${scored.length} of ${answers.length} questions with an average of ${mean('overall')}/100. ` +
      `Your strongest area was ${best} (${mean(best)}) and your weakest ${worst} (${mean(worst)}).`;
    const recommendations = candidates
      .sort((x, y) => y.severity - x.severity)
      .slice(0, 3)
      .map((c) => c.text);
    if (recommendations.length === 0)
      recommendations.push('Solid session: try the next level up, or a role you know less well.');
    return { text, recommendations, facts };
  }
  return {
    text: `No answer was scored in this session (${skipped} skipped of ${answers.length}).`,
    recommendations: candidates.map((c) => c.text).slice(0, 3),
    facts,
  };
}
