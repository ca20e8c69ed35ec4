import { useEffect, useRef, useState } from 'react';
import type { RecordingInfo } from '../../../../shared/contract';
import { VIDEO_PIECE_BYTES } from '../../../../shared/contract/constants';
import { useApi } from '../../api/context';
import { SpeechSettings } from '../settings/SpeechSettings';
import {
  bytesToBase64,
  describeMediaError,
  listDevices,
  MicCapture,
  type MicChunk,
} from '../../lib/mic-capture';

/** Below this level (dBFS) for a few seconds, the microphone is probably muted or too far away. */
const QUIET_DB = -55;
const QUIET_SECONDS = 4;

type Phase = 'idle' | 'starting' | 'recording' | 'stopping' | 'transcribing';

interface RecordingPanelProps {
  profileId: string;
  sessionId: string;
  questionId: string;
  /** The final transcript (possibly empty) of the recording that now belongs to this answer. */
  onRecorded: (recordingId: string, transcript: string, note: string | null) => void;
}

/**
 * Speak the answer: mic picker, live level, "can't hear you", optional camera, live words. Audio
 * goes to the main process in 250 ms chunks as it is captured, so little is lost if anything fails.
 */
export function RecordingPanel({
  profileId,
  sessionId,
  questionId,
  onRecorded,
}: RecordingPanelProps) {
  const api = useApi();
  const [devices, setDevices] = useState<MediaDeviceInfo[]>([]);
  const [deviceId, setDeviceId] = useState<string>('');
  const [withCamera, setWithCamera] = useState(false);
  const [phase, setPhase] = useState<Phase>('idle');
  const [levelDb, setLevelDb] = useState(-120);
  const [quietFor, setQuietFor] = useState(0);
  const [seconds, setSeconds] = useState(0);
  const [live, setLive] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [recoverable, setRecoverable] = useState<RecordingInfo | null>(null);
  const session = useRef<{
    id: string;
    mic: MicCapture;
    camera: { stream: MediaStream; recorder: MediaRecorder } | null;
    uploads: Promise<unknown>;
    seq: number;
    videoSeq: number;
  } | null>(null);
  const preview = useRef<HTMLVideoElement>(null);

  useEffect(() => {
    void listDevices('audioinput').then(setDevices);
    let active = true;
    void api
      .invoke('recording.recoverable', { profileId, sessionId })
      .then(
        (list) => active && setRecoverable(list.find((r) => r.questionId === questionId) ?? null),
      )
      .catch(() => undefined);
    return () => {
      active = false;
      const open = session.current;
      session.current = null;
      if (open) {
        // Leaving the screen mid-recording keeps the audio: stop and close the file.
        void open.mic.stop();
        open.camera?.recorder.stop();
        void open.uploads.then(() =>
          api.invoke('recording.stop', { profileId, recordingId: open.id }),
        );
      }
    };
  }, [api, profileId, sessionId, questionId]);

  // Live words while speaking, then the final transcript (the answer box is filled with it).
  const currentId = useRef<string | null>(null);
  useEffect(
    () =>
      api.on('recording.transcript', (event) => {
        if (event.recordingId !== currentId.current) return;
        if (event.kind === 'partial') setLive(event.text);
        else {
          setLive(event.text);
          setPhase('idle');
          onRecorded(event.recordingId, event.text, event.note);
        }
      }),
    [api, onRecorded],
  );

  const upload = (send: () => Promise<unknown>) => {
    const open = session.current;
    if (!open) return;
    // One at a time and in order; a failed chunk is retried once (the server ignores repeats).
    open.uploads = open.uploads.then(() =>
      send().catch(() =>
        send().catch((error: unknown) => {
          setProblem(
            `Part of the recording could not be saved: ${error instanceof Error ? error.message : String(error)}`,
          );
        }),
      ),
    );
  };

  const onChunk = (chunk: MicChunk) => {
    const open = session.current;
    if (!open) return;
    const seq = open.seq++;
    const pcm16Base64 = bytesToBase64(new Uint8Array(chunk.pcm.buffer));
    upload(() =>
      api.invoke('recording.appendAudio', { profileId, recordingId: open.id, seq, pcm16Base64 }),
    );
    setLevelDb(chunk.levelDb);
    setSeconds((s) => s + chunk.pcm.length / 16000);
    setQuietFor((q) => (chunk.levelDb < QUIET_DB ? q + chunk.pcm.length / 16000 : 0));
  };

  const start = async () => {
    setProblem(null);
    setLive('');
    setSeconds(0);
    setQuietFor(0);
    setPhase('starting');
    let recordingId: string | null = null;
    try {
      const started = await api.invoke('recording.start', {
        profileId,
        sessionId,
        questionId,
        withVideo: withCamera,
      });
      recordingId = started.recordingId;
      currentId.current = recordingId;
      const id = recordingId;
      const mic = await MicCapture.start(deviceId || null, {
        onChunk,
        onDeviceLost: () => {
          setProblem(
            'The microphone was disconnected. What you said until then is saved; plug it back in to record again, or type.',
          );
          void stop('device-lost');
        },
      });
      session.current = { id, mic, camera: null, uploads: Promise.resolve(), seq: 0, videoSeq: 0 };
      void listDevices('audioinput').then(setDevices); // labels are known now
      if (withCamera) await startCamera(id);
      setPhase('recording');
    } catch (error) {
      setProblem(describeMediaError(error, 'microphone'));
      setPhase('idle');
      if (recordingId && !session.current) {
        void api.invoke('recording.discard', { profileId, recordingId }).catch(() => undefined);
      }
    }
  };

  const startCamera = async (recordingId: string) => {
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ video: true });
      if (preview.current) preview.current.srcObject = stream;
      const recorder = new MediaRecorder(stream, { mimeType: 'video/webm' });
      recorder.ondataavailable = (event) => {
        const open = session.current;
        if (!open || event.data.size === 0) return;
        for (let at = 0; at < event.data.size; at += VIDEO_PIECE_BYTES) {
          const seq = open.videoSeq++;
          const read = event.data.slice(at, at + VIDEO_PIECE_BYTES).arrayBuffer();
          upload(async () =>
            api.invoke('recording.appendVideo', {
              profileId,
              recordingId,
              seq,
              webmBase64: bytesToBase64(new Uint8Array(await read)),
            }),
          );
        }
      };
      recorder.start(1000);
      session.current!.camera = { stream, recorder };
    } catch (error) {
      // The answer is still recorded without video.
      setProblem(describeMediaError(error, 'camera'));
    }
  };

  const stop = async (reason: 'done' | 'device-lost' = 'done') => {
    const open = session.current;
    if (!open) return;
    session.current = null;
    setPhase('stopping');
    await open.mic.stop();
    if (open.camera) {
      const { recorder, stream } = open.camera;
      const last = new Promise((resolve) => recorder.addEventListener('stop', resolve));
      session.current = open; // so the last video piece is uploaded
      recorder.stop();
      await last;
      session.current = null;
      for (const track of stream.getTracks()) track.stop();
      if (preview.current) preview.current.srcObject = null;
    }
    await open.uploads;
    try {
      await api.invoke('recording.stop', { profileId, recordingId: open.id, reason });
      setPhase('transcribing');
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
      setPhase('idle');
    }
  };

  const recover = async (recording: RecordingInfo) => {
    setRecoverable(null);
    currentId.current = recording.id;
    setPhase('transcribing');
    try {
      await api.invoke('recording.recover', { profileId, recordingId: recording.id });
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
      setPhase('idle');
    }
  };

  const meter = Math.max(0, Math.min(100, ((levelDb + 70) / 70) * 100));
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
            onClick={() => void recover(recoverable)}
          >
            Use that recording
          </button>
          <button
            type="button"
            className="button button--small button--ghost"
            onClick={() => {
              void api.invoke('recording.discard', { profileId, recordingId: recoverable.id });
              setRecoverable(null);
            }}
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
          <button type="button" className="button button--primary" onClick={() => void stop()}>
            Stop recording
          </button>
        ) : (
          <button
            type="button"
            className="button"
            onClick={() => void start()}
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
            {Math.floor(seconds / 60)}:{String(Math.floor(seconds % 60)).padStart(2, '0')}
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
