import { useQuery } from '../../hooks/useQuery';
import { formatDate } from '../../lib/format';

interface AnsweredBeforeProps {
  profileId: string;
  questionId: string;
  sessionId: string;
  onOpenSession: (sessionId: string) => void;
}

/**
 * "You answered a close question before": the latest earlier answers to the questions nearest
 * this one, so the candidate can compare. Says nothing when there are none (or when the lookup
 * fails: it is a hint, not part of the results).
 */
export function AnsweredBefore({
  profileId,
  questionId,
  sessionId,
  onOpenSession,
}: AnsweredBeforeProps) {
  const { data } = useQuery('bank.answeredSimilar', {
    profileId,
    questionId,
    excludeSessionId: sessionId,
    limit: 2,
  });
  if (!data || data.items.length === 0) return null;
  return (
    <div className="answer-card__section answered-before" data-testid="answered-before">
      <h4>You answered a close question before</h4>
      <ul className="similar-list">
        {data.items.map((item) => (
          <li key={item.questionId}>
            <span dir="auto">“{item.question}”</span>{' '}
            <span className="muted small">
              on {formatDate(item.answeredAt)}
              {item.overall !== null && <> · scored {Math.round(item.overall)}/100</>}
            </span>{' '}
            <button
              type="button"
              className="link-button"
              onClick={() => onOpenSession(item.sessionId)}
            >
              Compare
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
