import type { HistoryItem } from '../../../shared/contract';
import { formatDate } from '../lib/format';
import { sessionActionLabel, sessionScreen } from '../lib/sessions';
import type { Navigate } from '../navigation';

interface SessionOpenButtonProps {
  item: Pick<HistoryItem, 'sessionId' | 'status' | 'roleTitle' | 'createdAt'>;
  navigate: Navigate;
}

/** "Continue" or "View results" for a past session; the hidden part tells the rows apart. */
export function SessionOpenButton({ item, navigate }: SessionOpenButtonProps) {
  return (
    <button
      type="button"
      className="button button--small"
      onClick={() => navigate(sessionScreen(item))}
    >
      {sessionActionLabel(item)}
      <span className="visually-hidden">
        : {item.roleTitle}, {formatDate(item.createdAt)}
      </span>
    </button>
  );
}
