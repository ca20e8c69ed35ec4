import { useEffect, useReducer, useRef, useState } from 'react';
import type { RecordingInfo } from '../../../../shared/contract';
import { VIDEO_PIECE_BYTES } from '../../../../shared/contract/constants';
import { useApi } from '../../api/context';
import {
  browserMedia,
  bytesToBase64,
  describeMediaError,
  type CameraCapture,
  type MicChunk,
  type RecorderMedia,
} from '../../lib/mic-capture';
import { initialRecorderState, recorderReducer, type RecorderState } from './recorder-state';

type StopReason = 'done' | 'device-lost';

/** The recording being made: its file on the services' side and the devices feeding it. */
interface OpenRecording {
  readonly id: string;
  mic: { stop(): Promise<void> } | null;
  camera: CameraCapture | null;
  /** Chunks go up one at a time and in order; stopping waits for the last one. */
  uploads: Promise<unknown>;
  seq: number;
  videoSeq: number;
  /** Microphone (and camera) are up: a stop can run now rather than wait for the start. */
  ready: boolean;
  /** A stop asked for while starting, done as soon as the start completes. */
  stopAsked: StopReason | null;
  /** Stopping (or leaving the screen) has begun: later chunks and stops are ignored. */
  stopping: boolean;
}

export interface RecorderOptions {
  profileId: string;
  sessionId: string;
  questionId: string;
  /** The final transcript (possibly empty) of the recording that now belongs to this answer. */
  onRecorded: (recordingId: string, transcript: string, note: string | null) => void;
  /** The browser's devices unless a test passes stand-ins; must keep its identity across renders. */
  media?: RecorderMedia;
}

export interface Recorder extends RecorderState {
  devices: MediaDeviceInfo[];
  /** The camera's stream while it records, for the preview. */
  cameraStream: MediaStream | null;
  start: (options: { deviceId: string; withCamera: boolean }) => Promise<void>;
  stop: (reason?: StopReason) => Promise<void>;
  recover: (recording: RecordingInfo) => Promise<void>;
  discardRecoverable: (recording: RecordingInfo) => void;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Leaving the screen and a start that finds it left may both stop a device: only once counts. */
function stopOnce<T extends { stop(): Promise<void> }>(device: T): T {
  let stopped: Promise<void> | null = null;
  return { ...device, stop: () => (stopped ??= device.stop()) };
}

/**
 * Records a spoken answer: opens a recording on the services' side, streams the microphone's
 * 250 ms chunks (and the camera's pieces) to it as they come, so little is lost if anything
 * fails, then closes it and waits for the transcript. The phases are recorder-state.ts's reducer.
 */
export function useRecorder({
  profileId,
  sessionId,
  questionId,
  onRecorded,
  media = browserMedia,
}: RecorderOptions): Recorder {
  const api = useApi();
  const [state, dispatch] = useReducer(recorderReducer, initialRecorderState);
  const [devices, setDevices] = useState<MediaDeviceInfo[]>([]);
  const [cameraStream, setCameraStream] = useState<MediaStream | null>(null);
  const open = useRef<OpenRecording | null>(null);
  // The recording whose transcript events this panel listens for (a new one or a recovered one).
  const currentId = useRef<string | null>(null);

  useEffect(() => {
    void media.listDevices('audioinput').then(setDevices);
    let active = true;
    api
      .invoke('recording.recoverable', { profileId, sessionId })
      .then((list) => {
        const recording = list.find((r) => r.questionId === questionId) ?? null;
        if (active) dispatch({ type: 'recoverable', recording });
      })
      .catch(() => undefined);
    return () => {
      active = false;
      const left = open.current;
      open.current = null;
      if (!left) return;
      // Leaving the screen mid-recording keeps the audio: stop the devices and close the file.
      left.stopping = true;
      void (async () => {
        await left.mic?.stop();
        await left.camera?.stop();
        await left.uploads;
        await api.invoke('recording.stop', { profileId, recordingId: left.id });
      })().catch(() => undefined);
    };
  }, [api, media, profileId, sessionId, questionId]);

  // Live words while speaking, then the final transcript (the answer box is filled with it).
  useEffect(
    () =>
      api.on('recording.transcript', (event) => {
        if (event.recordingId !== currentId.current) return;
        dispatch({ type: 'transcript', kind: event.kind, text: event.text });
        if (event.kind === 'final') onRecorded(event.recordingId, event.text, event.note);
      }),
    [api, onRecorded],
  );

  const upload = (recording: OpenRecording, send: () => Promise<unknown>) => {
    // A failed chunk is retried once (the services ignore repeats).
    recording.uploads = recording.uploads.then(() =>
      send().catch(() =>
        send().catch((error: unknown) =>
          dispatch({
            type: 'problem',
            problem: `Part of the recording could not be saved: ${messageOf(error)}`,
          }),
        ),
      ),
    );
  };

  const onChunk = (recording: OpenRecording, chunk: MicChunk) => {
    if (recording.stopping) return;
    const seq = recording.seq++;
    const pcm16Base64 = bytesToBase64(new Uint8Array(chunk.pcm.buffer));
    upload(recording, () =>
      api.invoke('recording.appendAudio', {
        profileId,
        recordingId: recording.id,
        seq,
        pcm16Base64,
      }),
    );
    dispatch({ type: 'chunk', levelDb: chunk.levelDb, samples: chunk.pcm.length });
  };

  const startCamera = async (recording: OpenRecording) => {
    try {
      const camera = await media.startCamera((data) => {
        for (let at = 0; at < data.size; at += VIDEO_PIECE_BYTES) {
          const seq = recording.videoSeq++;
          const read = data.slice(at, at + VIDEO_PIECE_BYTES).arrayBuffer();
          upload(recording, async () =>
            api.invoke('recording.appendVideo', {
              profileId,
              recordingId: recording.id,
              seq,
              webmBase64: bytesToBase64(new Uint8Array(await read)),
            }),
          );
        }
      });
      recording.camera = stopOnce(camera);
      setCameraStream(camera.stream);
    } catch (error) {
      // The answer is still recorded without video.
      dispatch({ type: 'problem', problem: describeMediaError(error, 'camera') });
    }
  };

  const start: Recorder['start'] = async ({ deviceId, withCamera }) => {
    if (state.phase !== 'idle' || open.current) return;
    dispatch({ type: 'start' });
    let recording: OpenRecording | null = null;
    try {
      const started = await api.invoke('recording.start', {
        profileId,
        sessionId,
        questionId,
        withVideo: withCamera,
      });
      const opened: OpenRecording = {
        id: started.recordingId,
        mic: null,
        camera: null,
        uploads: Promise.resolve(),
        seq: 0,
        videoSeq: 0,
        ready: false,
        stopAsked: null,
        stopping: false,
      };
      recording = opened;
      open.current = opened;
      currentId.current = opened.id;
      const mic = await media.startMic(deviceId || null, {
        onChunk: (chunk) => onChunk(opened, chunk),
        onDeviceLost: () => {
          dispatch({
            type: 'problem',
            problem:
              'The microphone was disconnected. What you said until then is saved; plug it back in to record again, or type.',
          });
          void stop('device-lost');
        },
      });
      opened.mic = stopOnce(mic);
      void media.listDevices('audioinput').then(setDevices); // labels are known now
      if (withCamera && !opened.stopping) await startCamera(opened);
      if (opened.stopping) {
        // The panel closed while the devices were starting: release them.
        await opened.mic?.stop();
        await opened.camera?.stop();
        return;
      }
      opened.ready = true;
      dispatch({ type: 'started' });
      if (opened.stopAsked) await stop(opened.stopAsked);
    } catch (error) {
      dispatch({ type: 'failed', problem: describeMediaError(error, 'microphone') });
      if (recording && !recording.mic) {
        if (open.current === recording) open.current = null;
        void api
          .invoke('recording.discard', { profileId, recordingId: recording.id })
          .catch(() => undefined);
      }
    }
  };

  const stop: Recorder['stop'] = async (reason = 'done') => {
    const recording = open.current;
    if (!recording || recording.stopping) return;
    if (!recording.ready) {
      recording.stopAsked = reason;
      return;
    }
    recording.stopping = true;
    open.current = null;
    dispatch({ type: 'stop' });
    await recording.mic?.stop();
    if (recording.camera) {
      await recording.camera.stop(); // its last piece is queued for upload before this resolves
      setCameraStream(null);
    }
    await recording.uploads;
    try {
      await api.invoke('recording.stop', { profileId, recordingId: recording.id, reason });
      dispatch({ type: 'stopped' });
    } catch (error) {
      dispatch({ type: 'failed', problem: messageOf(error) });
    }
  };

  const recover: Recorder['recover'] = async (recording) => {
    currentId.current = recording.id;
    dispatch({ type: 'recover' });
    try {
      await api.invoke('recording.recover', { profileId, recordingId: recording.id });
    } catch (error) {
      dispatch({ type: 'failed', problem: messageOf(error) });
    }
  };

  const discardRecoverable: Recorder['discardRecoverable'] = (recording) => {
    void api
      .invoke('recording.discard', { profileId, recordingId: recording.id })
      .catch(() => undefined);
    dispatch({ type: 'recoverable', recording: null });
  };

  return {
    ...state,
    devices,
    cameraStream,
    start,
    stop,
    recover,
    discardRecoverable,
  };
}
