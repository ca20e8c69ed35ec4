import type { InterviewPlan } from '../../../../shared/contract';
import { plural } from '../../lib/format';

/**
 * Where the interview's questions came from, when that is news: the bank was short and the
 * language model is writing the rest, wrote some, could not, or is not installed.
 */
export function PlanNote({ plan }: { plan: InterviewPlan }) {
  const text = planText(plan);
  if (!text) return null;
  return (
    <p
      className="muted small plan-note"
      role="status"
      data-testid="plan-note"
      data-generation={plan.generation}
    >
      {text}
    </p>
  );
}

function planText(plan: InterviewPlan): string | null {
  const missing = plan.requested - plan.fromBank;
  switch (plan.generation) {
    case 'not-needed':
    case 'no-model':
    case 'failed':
    case 'cancelled':
      return plan.note;
    case 'queued':
    case 'running':
      return (
        `The bank had ${plural(plan.fromBank, 'question')} for this; the language model is writing ` +
        `the other ${missing} (${plan.generated} ready so far). They join the end of the interview.`
      );
    case 'done':
      return plan.generated > 0
        ? `${plural(plan.generated, 'question')} at the end ${plan.generated === 1 ? 'was' : 'were'} written for this interview by the language model.`
        : null;
  }
}
