import type { Input, PackInfo, Question } from '../../../shared/contract';
import { capitalize, validationIssues } from '../api/errors';

export type QuestionSource = Question['source'];
export type FollowUpTrigger = Question['followUps'][number]['when'];
export type Keyword = Question['keywords'][number];

const SOURCE_LABELS: Record<QuestionSource, string> = {
  builtin: 'Built-in',
  imported: 'Imported',
  custom: 'Custom',
  generated: 'Generated',
};

export function sourceLabel(source: QuestionSource): string {
  return SOURCE_LABELS[source];
}

/**
 * The follow-up triggers of the pack format, copied here so the renderer does not import the
 * pack schema (and zod with it). The Record type keeps this list in step with the contract.
 */
const TRIGGER_PHRASES: Record<FollowUpTrigger, string> = {
  always: 'always',
  'no-measurable-result': 'when the answer gives no measurable result',
  'missing-key-points': 'when the answer misses key points',
  'too-short': 'when the answer is too short',
  'no-specific-example': 'when the answer has no specific example',
  'vague-actions': 'when the answer is vague about what you did',
  'unexplained-term': 'when the answer uses a term it does not explain',
  'wrong-claim': 'when the answer says something the ideal answer contradicts',
};

export const followUpTriggers = Object.keys(TRIGGER_PHRASES) as FollowUpTrigger[];

/** "when the answer is too short": reads on after "Asked …". */
export function triggerPhrase(when: FollowUpTrigger): string {
  return TRIGGER_PHRASES[when];
}

export function triggerOption(when: FollowUpTrigger): string {
  return capitalize(TRIGGER_PHRASES[when]);
}

const DIFFICULTY_LABELS = ['Warm-up', 'Easy', 'Medium', 'Hard', 'Hardest'];

export function difficultyLabel(difficulty: number): string {
  return `${difficulty} – ${DIFFICULTY_LABELS[difficulty - 1] ?? 'Unknown'}`;
}

/** The pack a question comes from, and its source unless the pack's name says it already. */
export function packLabel(
  question: Pick<Question, 'packId' | 'source'>,
  packs: readonly PackInfo[] | undefined,
): string {
  const name = packs?.find((p) => p.id === question.packId)?.name ?? question.packId;
  const source = SOURCE_LABELS[question.source];
  return name.toLowerCase().includes(source.toLowerCase()) ? name : `${name} (${source})`;
}

/** "root cause | underlying cause | origin" per line → keywords with synonyms. */
export function parseKeyPoints(input: string): Keyword[] {
  return input
    .split(/\r?\n/)
    .map((line) =>
      line
        .split('|')
        .map((part) => part.trim())
        .filter((part) => part.length > 0),
    )
    .filter((parts) => parts.length > 0)
    .map(([term = '', ...synonyms]) => ({ term, synonyms }));
}

export function formatKeyPoints(keywords: readonly Keyword[]): string {
  return keywords.map((k) => [k.term, ...k.synonyms].join(' | ')).join('\n');
}

/**
 * Maps a validation failure of bank.saveQuestion to form fields: `question.rubric.strong` goes
 * to `rubric.strong`, `question.followUps.1.when` to `followUps.1`, `question.keywords.0.term`
 * to `keywords`. Issues without a field end up under `''`.
 */
export function questionFieldErrors(error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of validationIssues(error)) {
    const parts = issue.path.split('.');
    if (parts[0] === 'question') parts.shift();
    const [head = '', second = ''] = parts;
    const key =
      head === 'rubric' || head === 'followUps' ? (second ? `${head}.${second}` : head) : head;
    if (!(key in out)) out[key] = capitalize(issue.message);
  }
  return out;
}

/**
 * A generated question as a new custom question: the user keeps it in their own bank (the
 * generated original stays with the interview it was written for).
 */
export function generatedAsCustom(q: Question): Input<'bank.saveQuestion'>['question'] {
  return {
    roleId: q.roleId,
    level: q.level,
    type: q.type,
    content: q.content,
    idealAnswer: q.idealAnswer,
    keywords: q.keywords,
    rubric: q.rubric,
    // A custom question needs a follow-up; generated ones have none (interviews use the generic
    // ones for them), so it gets two of those generic ones to edit.
    followUps:
      q.followUps.length > 0
        ? q.followUps
        : [
            {
              question: 'Can you give a specific example from your own experience?',
              when: 'no-specific-example',
            },
            { question: 'Can you walk me through that in more detail?', when: 'too-short' },
          ],
    // A custom question needs a skill tag; an untagged generated one gets its category's.
    skills: q.skills.length > 0 ? q.skills : [q.category || 'general'],
    difficulty: q.difficulty,
    timeLimitSeconds: q.timeLimitSeconds,
  };
}
