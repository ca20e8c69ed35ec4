import type { AnswerResult, SessionStatus } from '../../../shared/contract';
import { sessionStatusLabel } from '../lib/format';

type AnswerStatus = AnswerResult['status'];

const ANSWER_LABELS: Record<AnswerStatus, string> = {
  scored: 'Scored',
  pending: 'Scoring…',
  failed: 'Scoring failed',
  skipped: 'Skipped',
  unanswered: 'Unanswered',
};

export function SessionStatusBadge({ status }: { status: SessionStatus }) {
  return <span className={`badge badge--${status}`}>{sessionStatusLabel(status)}</span>;
}

export function AnswerStatusBadge({ status }: { status: AnswerStatus }) {
  return <span className={`badge badge--answer-${status}`}>{ANSWER_LABELS[status]}</span>;
}
