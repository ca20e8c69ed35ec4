import { useOffline } from '../api/context';

export function OfflineBanner() {
  const offline = useOffline();
  if (!offline) return null;
  return (
    <div className="offline-banner" role="alert">
      <div className="offline-banner__inner">
        <p>
          <strong>Can’t reach Rehearse.</strong> The app that stores your answers is not running any
          more. Start Rehearse again, then reload this page. Nothing you have submitted is lost.
        </p>
        <button
          type="button"
          className="button button--small"
          onClick={() => window.location.reload()}
        >
          Reload
        </button>
      </div>
    </div>
  );
}
