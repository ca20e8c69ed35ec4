import type { FollowUpResult } from './contract/results';

/** One line on a scored follow-up answer, the same on the results screen and in the PDF. */
export function followUpVerdict(evaluation: NonNullable<FollowUpResult['evaluation']>): string {
  const state = evaluation.gapClosed ? 'gap closed' : 'gap still open';
  // No score here: the question's one score, raised by the follow-up where it helped, is shown
  // beside the answer.
  return `Follow-up: ${state} — ${evaluation.gapNote}`;
}
