import type { Level, Question, QuestionType } from '../../../../shared/contract';
import { formatKeyPoints, parseKeyPoints } from '../../lib/bank';
import { parseSkills } from '../../lib/format';
import type { FollowUpDraft } from './FollowUpsEditor';

export const MIN_TIME = 15;
export const MAX_TIME = 1800;

/** What the question form holds while it is being typed. */
export interface Values {
  content: string;
  roleId: string;
  level: Level;
  type: QuestionType;
  difficulty: number;
  skills: string;
  idealAnswer: string;
  keyPoints: string;
  strong: string;
  adequate: string;
  weak: string;
  followUps: FollowUpDraft[];
  timeLimit: string;
}

export function initialValues(question: Question | null, roleId: string, level: Level): Values {
  return {
    content: question?.content ?? '',
    roleId: question?.roleId ?? roleId,
    level: question?.level ?? level,
    type: question?.type ?? 'behavioral',
    difficulty: question?.difficulty ?? 3,
    skills: question?.skills.join(', ') ?? '',
    idealAnswer: question?.idealAnswer ?? '',
    keyPoints: question ? formatKeyPoints(question.keywords) : '',
    strong: question?.rubric.strong ?? '',
    adequate: question?.rubric.adequate ?? '',
    weak: question?.rubric.weak ?? '',
    followUps: question?.followUps.map((f) => ({ ...f })) ?? [
      { question: '', when: 'missing-key-points' },
    ],
    timeLimit: String(question?.timeLimitSeconds ?? 120),
  };
}

/** Checks the service would word less kindly (an empty list, a number out of range). */
export function localErrors(values: Values): Record<string, string> {
  const out: Record<string, string> = {};
  if (parseSkills(values.skills).length === 0) out['skills'] = 'Add at least one skill.';
  if (parseKeyPoints(values.keyPoints).length === 0)
    out['keywords'] = 'Add at least one key point.';
  const time = Number(values.timeLimit);
  if (!Number.isInteger(time) || time < MIN_TIME || time > MAX_TIME)
    out['timeLimitSeconds'] = `Choose a whole number of seconds from ${MIN_TIME} to ${MAX_TIME}.`;
  return out;
}

/** Fields of the form that can show an error of their own. */
const FORM_FIELDS = new Set([
  'content',
  'roleId',
  'level',
  'type',
  'difficulty',
  'skills',
  'idealAnswer',
  'keywords',
  'timeLimitSeconds',
]);

/** Whether an error key has a field of its own to show it next to. */
export function isFormField(key: string): boolean {
  return FORM_FIELDS.has(key) || key.startsWith('rubric.') || key.startsWith('followUps');
}
