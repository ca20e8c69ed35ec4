import { useEffect, useState } from 'react';
import { useApi } from '../api/context';

/**
 * Says so when Rehearse's background process stopped and was started again (a model engine that
 * crashed, the system ending it): an action at that moment failed and can be tried again; what was
 * saved is kept, and interrupted background work (scoring, transcribing) carries on by itself.
 */
export function RestartNotice() {
  const api = useApi();
  const [restarts, setRestarts] = useState(0);
  useEffect(() => api.on('backend.restarted', (event) => setRestarts(event.restarts)), [api]);
  if (restarts === 0) return null;
  return (
    <div className="offline-banner" role="status">
      <div className="offline-banner__inner">
        <p>
          <strong>Rehearse restarted its background work.</strong> Something stopped it
          unexpectedly. Your saved answers are safe and scoring carries on; if something you just
          did failed, try it again.
        </p>
        <button type="button" className="button button--small" onClick={() => setRestarts(0)}>
          Dismiss
        </button>
      </div>
    </div>
  );
}
