import { useEffect, useRef, useState } from 'react';
import type { RecorderMedia } from '../../lib/mic-capture';
import { SpeechSettings } from '../settings/SpeechSettings';
import { formatRecorded, meterPercent, QUIET_SECONDS } from './recorder-state';
import { useRecorder } from './useRecorder';

interface RecordingPanelProps {
  profileId: string;
  sessionId: string;
  questionId: string;
  /** The final transcript (possibly empty) of the recording that now belongs to this answer. */
  onRecorded: (recordingId: string, transcript: string, note: string | null) => void;
  /** Stand-in devices for tests; the browser's otherwise. */
  media?: RecorderMedia;
}

/**
 * Speak the answer: mic picker, live level, "can't hear you", optional camera, live words. The
 * recording itself (its phases, uploads and transcript) is useRecorder's.
 */
export function RecordingPanel({
  profileId,
  sessionId,
  questionId,
  onRecorded,
  media,
}: RecordingPanelProps) {
  const recorder = useRecorder({ profileId, sessionId, questionId, onRecorded, media });
  const { phase, devices, recoverable, levelDb, seconds, quietFor, live, problem } = recorder;
  const [deviceId, setDeviceId] = useState<string>('');
  const [withCamera, setWithCamera] = useState(false);
  const preview = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    if (preview.current) preview.current.srcObject = recorder.cameraStream;
  }, [recorder.cameraStream]);

  const meter = meterPercent(levelDb);
  return (
    <section className="recording-panel" aria-label="Voice recording">
      {recoverable && (
        <div className="recording-panel__recover" role="status">
          <p>
            A recording of this answer ({Math.round(recoverable.durationSeconds)} s) was saved when
            Rehearse closed unexpectedly.
          </p>
          <button
            type="button"
            className="button button--small"
            onClick={() => void recorder.recover(recoverable)}
          >
            Use that recording
          </button>
          <button
            type="button"
            className="button button--small button--ghost"
            onClick={() => recorder.discardRecoverable(recoverable)}
          >
            Discard it
          </button>
        </div>
      )}
      <div className="recording-panel__controls">
        <label className="recording-panel__device">
          <span>Microphone</span>
          <select
            value={deviceId}
            onChange={(e) => setDeviceId(e.target.value)}
            disabled={phase !== 'idle'}
          >
            <option value="">Default microphone</option>
            {devices
              .filter((d) => d.deviceId && d.deviceId !== 'default')
              .map((d, i) => (
                <option key={d.deviceId} value={d.deviceId}>
                  {d.label || `Microphone ${i + 1}`}
                </option>
              ))}
          </select>
        </label>
        <label className="recording-panel__camera">
          <input
            type="checkbox"
            checked={withCamera}
            onChange={(e) => setWithCamera(e.target.checked)}
            disabled={phase !== 'idle'}
          />
          Camera
        </label>
        {phase === 'recording' ? (
          <button
            type="button"
            className="button button--primary"
            onClick={() => void recorder.stop()}
          >
            Stop recording
          </button>
        ) : (
          <button
            type="button"
            className="button"
            onClick={() => void recorder.start({ deviceId, withCamera })}
            disabled={phase !== 'idle'}
          >
            {phase === 'starting'
              ? 'Starting…'
              : phase === 'stopping'
                ? 'Saving…'
                : phase === 'transcribing'
                  ? 'Transcribing…'
                  : 'Record answer'}
          </button>
        )}
      </div>
      {phase === 'idle' && <SpeechSettings profileId={profileId} />}
      {phase === 'recording' && (
        <div className="recording-panel__live">
          <div
            className="level-meter"
            role="meter"
            aria-label="Microphone level"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.round(meter)}
          >
            <div className="level-meter__bar" style={{ width: `${meter}%` }} />
          </div>
          <span className="muted small" aria-label="Recorded time">
            {formatRecorded(seconds)}
          </span>
          {quietFor >= QUIET_SECONDS && (
            <p className="recording-panel__warning" role="alert">
              We can’t hear you: check that the microphone is on and close enough.
            </p>
          )}
        </div>
      )}
      {withCamera && (
        <video ref={preview} className="recording-panel__preview" autoPlay muted playsInline />
      )}
      {live && (
        <p className="recording-panel__transcript" aria-live="polite" aria-label="Live transcript">
          {live}
        </p>
      )}
      {problem && (
        <p className="recording-panel__problem" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}
