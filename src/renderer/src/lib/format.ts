import type { Level, QuestionType, SessionStatus } from '../../../shared/contract';
import { questionTypes } from '../../../shared/contract/constants';

const LEVEL_LABELS: Record<Level, string> = {
  entry: 'Entry',
  intermediate: 'Intermediate',
  senior: 'Senior',
};

const TYPE_LABELS: Record<QuestionType, string> = {
  behavioral: 'Behavioral',
  technical: 'Technical',
  situational: 'Situational',
  'role-specific': 'Role-specific',
  motivation: 'Motivation',
};

const STATUS_LABELS: Record<SessionStatus, string> = {
  pending: 'Not started',
  active: 'In progress',
  completed: 'Completed',
  abandoned: 'Abandoned',
};

export function levelLabel(level: Level): string {
  return LEVEL_LABELS[level];
}

export function typeLabel(type: QuestionType): string {
  return TYPE_LABELS[type];
}

/** The question types as drop-down options. */
export const typeOptions = questionTypes.map((t) => ({ value: t, label: TYPE_LABELS[t] }));

export function sessionStatusLabel(status: SessionStatus): string {
  return STATUS_LABELS[status];
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

const dayFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

/** Date and time apart, for table cells where one long string would crowd the other columns. */
export function formatDayAndTime(iso: string): { day: string; time: string } {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return { day: iso, time: '' };
  return { day: dayFormat.format(date), time: timeFormat.format(date) };
}

export function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateFormat.format(date);
}

/** A session's overall score as a whole number, or a dash while it has none. */
export function formatScore(score: number | null): string {
  return score === null ? '–' : String(Math.round(score));
}

/** m:ss for a countdown or a duration; negative values are shown as 0:00. */
export function formatClock(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** "1 min 05 s" style for durations in results, where a clock face would read oddly. */
export function formatDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.round(totalSeconds));
  const minutes = Math.floor(s / 60);
  const seconds = s % 60;
  if (minutes === 0) return `${seconds} s`;
  return `${minutes} min ${String(seconds).padStart(2, '0')} s`;
}

export function countWords(text: string): number {
  const trimmed = text.trim();
  return trimmed === '' ? 0 : trimmed.split(/\s+/).length;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString()} ${n === 1 ? one : many}`;
}

/** Skills typed as "React, SQL , testing" become a clean list (the service de-duplicates). */
export function parseSkills(input: string): string[] {
  return input
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** "llm:qwen2.5-3b+question.v1" → "qwen2.5-3b": the model, as people know it. */
export function generatorName(engine: string): string {
  const model = engine.replace(/^llm:/, '').replace(/\+[^+]*$/, '');
  return model || engine;
}
