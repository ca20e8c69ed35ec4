import type { AnswerResult, FollowUpResult } from '../../../../shared/contract';
import { followUpVerdict } from '../../../../shared/follow-up-verdict';

/**
 * The follow-up questions asked after an answer, under that answer: what was asked, the reply,
 * and whether the reply closed the gap the follow-up was about, with the reply's content score.
 */
export function FollowUpResults({ answer }: { answer: AnswerResult }) {
  if (answer.followUps.length === 0) return null;
  const credited = answer.overallBeforeFollowUps !== null && answer.scores !== null;
  return (
    <div className="answer-card__section follow-ups">
      <h4>{answer.followUps.length > 1 ? 'Follow-up questions' : 'Follow-up question'}</h4>
      {answer.followUps.map((f) => (
        <FollowUpItem key={f.id} followUp={f} />
      ))}
      {credited && (
        <p className="muted small" data-testid="follow-up-credit">
          Your follow-up answers added what the first one lacked, so this question&apos;s score rose
          from {Math.round(answer.overallBeforeFollowUps ?? 0)} to{' '}
          {Math.round(answer.scores?.overall ?? 0)}.
        </p>
      )}
    </div>
  );
}

function FollowUpItem({ followUp }: { followUp: FollowUpResult }) {
  const evaluation = followUp.evaluation;
  return (
    <div className="follow-up" data-testid="follow-up-result">
      <p className="follow-up__question" dir="auto">
        {followUp.question}
      </p>
      {followUp.status === 'answered' ? (
        <p className="answer-text" dir="auto">
          {followUp.answerText}
        </p>
      ) : (
        <p className="muted small">
          {followUp.status === 'skipped'
            ? 'You skipped this follow-up.'
            : 'The interview ended before you answered it.'}
        </p>
      )}
      {evaluation && (
        <p
          className={`follow-up__verdict ${evaluation.gapClosed ? 'tone--good' : 'tone--fair'}`}
          data-testid="follow-up-verdict"
        >
          {followUpVerdict(evaluation)}
        </p>
      )}
      {followUp.evaluationStatus === 'pending' && (
        <p className="muted small" role="status">
          <span className="spinner" aria-hidden="true" /> Scoring this follow-up answer…
        </p>
      )}
      {followUp.evaluationStatus === 'failed' && (
        <p className="alert alert--warn">This follow-up answer could not be scored.</p>
      )}
    </div>
  );
}
