// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Output } from '../../../../shared/contract';
import { ApiProvider } from '../../api/context';
import type { CameraCapture, MicCallbacks, RecorderMedia } from '../../lib/mic-capture';
import { createFakeApi } from '../../testing/fake-api';
import { RecordingPanel } from './RecordingPanel';

afterEach(cleanup);

const ids = { profileId: 'p1', sessionId: 's1', questionId: 'q1' };

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Devices the test drives: the microphone answers when `micReady` is settled. */
function fakeMedia() {
  const micReady = deferred<void>();
  const cameraReady = deferred<void>();
  let callbacks: MicCallbacks | null = null;
  const stopped = { mic: 0, camera: 0 };
  const media: RecorderMedia = {
    startMic: async (_deviceId, cb) => {
      callbacks = cb;
      await micReady.promise;
      return { stop: async () => void stopped.mic++ };
    },
    startCamera: async (): Promise<CameraCapture> => {
      await cameraReady.promise;
      return { stream: {} as MediaStream, stop: async () => void stopped.camera++ };
    },
    listDevices: async () => [],
  };
  const speak = (levelDb: number, samples = 4000) =>
    act(() => callbacks!.onChunk({ pcm: new Int16Array(samples), levelDb }));
  const unplug = () => act(() => callbacks!.onDeviceLost());
  return { media, micReady, cameraReady, stopped, speak, unplug };
}

function stopReply(recordingId: string): Output<'recording.stop'> {
  return { jobId: 'job1', recording: { id: recordingId } as Output<'recording.stop'>['recording'] };
}

function setup(overrides: Parameters<typeof createFakeApi>[0] = {}) {
  const api = createFakeApi({
    'recording.recoverable': () => [],
    'settings.get': () => Promise.reject(new Error('not needed here')),
    'recording.start': () => ({ recordingId: 'r1', sampleRate: 16000, liveTranscript: true }),
    'recording.appendAudio': () => ({ receivedSeconds: 0.25, levelDb: -20 }),
    'recording.stop': (input) => stopReply(input.recordingId),
    'recording.discard': () => ({ discarded: true }),
    ...overrides,
  });
  const devices = fakeMedia();
  const onRecorded = vi.fn();
  render(
    <ApiProvider client={api}>
      <RecordingPanel {...ids} onRecorded={onRecorded} media={devices.media} />
    </ApiProvider>,
  );
  return { api, onRecorded, ...devices };
}

const recordButton = () =>
  screen.getByRole('button', { name: /record answer|starting|saving|transcribing/i });

describe('RecordingPanel', () => {
  it('records, uploads the audio as it comes, stops, and hands over the final transcript', async () => {
    const { api, micReady, speak, onRecorded, stopped } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Record answer' }));
    expect(recordButton()).toHaveProperty('textContent', 'Starting…');

    micReady.resolve();
    const stop = await screen.findByRole('button', { name: 'Stop recording' });
    expect(api.callsTo('recording.start')).toEqual([{ ...ids, withVideo: false }]);

    speak(-20);
    speak(-20);
    await waitFor(() => expect(api.callsTo('recording.appendAudio')).toHaveLength(2));
    expect(api.callsTo('recording.appendAudio').map((c) => [c.recordingId, c.seq])).toEqual([
      ['r1', 0],
      ['r1', 1],
    ]);
    expect(screen.getByLabelText('Recorded time').textContent).toBe('0:00');
    speak(-20, 16000 * 2);
    expect(screen.getByLabelText('Recorded time').textContent).toBe('0:02');

    fireEvent.click(stop);
    await screen.findByRole('button', { name: 'Transcribing…' });
    expect(stopped.mic).toBe(1);
    expect(api.callsTo('recording.stop')).toEqual([
      { profileId: 'p1', recordingId: 'r1', reason: 'done' },
    ]);
    // The file was closed after the last chunk went up.
    const names = api.calls.map((c) => c.name);
    expect(names.lastIndexOf('recording.appendAudio')).toBeLessThan(
      names.indexOf('recording.stop'),
    );

    act(() =>
      api.emit('recording.transcript', {
        ...ids,
        recordingId: 'r1',
        kind: 'partial',
        text: 'I led',
        note: null,
      }),
    );
    expect(screen.getByLabelText('Live transcript').textContent).toBe('I led');
    act(() =>
      api.emit('recording.transcript', {
        ...ids,
        recordingId: 'r1',
        kind: 'final',
        text: 'I led the team',
        note: null,
      }),
    );
    expect(onRecorded).toHaveBeenCalledWith('r1', 'I led the team', null);
    expect(screen.getByRole('button', { name: 'Record answer' })).toHaveProperty('disabled', false);
  });

  it("says it can't hear after four quiet seconds, and stops saying so when the voice is back", async () => {
    const { micReady, speak } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Record answer' }));
    micReady.resolve();
    await screen.findByRole('button', { name: 'Stop recording' });
    speak(-80, 16000 * 3);
    expect(screen.queryByRole('alert')).toBeNull();
    speak(-80, 16000);
    expect(screen.getByRole('alert').textContent).toMatch(/can’t hear you/);
    speak(-30);
    expect(screen.queryByRole('alert')).toBeNull();
    const meter = screen.getByRole('meter', { name: 'Microphone level' });
    expect(meter.getAttribute('aria-valuenow')).toBe('57');
  });

  it('says clearly when the microphone may not be used, and discards the empty recording', async () => {
    const { api, micReady } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Record answer' }));
    micReady.reject(new DOMException('Permission denied', 'NotAllowedError'));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/may not use the microphone.*or type your answer/);
    expect(screen.getByRole('button', { name: 'Record answer' })).toHaveProperty('disabled', false);
    await waitFor(() =>
      expect(api.callsTo('recording.discard')).toEqual([{ profileId: 'p1', recordingId: 'r1' }]),
    );
    expect(api.callsTo('recording.stop')).toEqual([]);
  });

  it('ignores a second stop (the microphone unplugged) while the recording is being saved', async () => {
    const closing = deferred<Output<'recording.stop'>>();
    const { api, micReady, unplug } = setup({ 'recording.stop': () => closing.promise });
    fireEvent.click(screen.getByRole('button', { name: 'Record answer' }));
    micReady.resolve();
    fireEvent.click(await screen.findByRole('button', { name: 'Stop recording' }));
    await screen.findByRole('button', { name: 'Saving…' });
    await waitFor(() => expect(api.callsTo('recording.stop')).toHaveLength(1));
    unplug();

    closing.resolve(stopReply('r1'));
    await screen.findByRole('button', { name: 'Transcribing…' });
    expect(api.callsTo('recording.stop')).toEqual([
      { profileId: 'p1', recordingId: 'r1', reason: 'done' },
    ]);
  });

  it('finishes a stop that came while the camera was still starting, once it has started', async () => {
    const { api, micReady, cameraReady, unplug, stopped } = setup();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Camera' }));
    fireEvent.click(screen.getByRole('button', { name: 'Record answer' }));
    micReady.resolve();
    await waitFor(() => expect(api.callsTo('recording.start')).toHaveLength(1));
    expect(api.callsTo('recording.start')[0]).toMatchObject({ withVideo: true });

    // The microphone goes away while the camera is still starting: nothing can stop yet.
    unplug();
    expect(api.callsTo('recording.stop')).toEqual([]);
    expect(screen.getByRole('alert').textContent).toMatch(/microphone was disconnected/);

    cameraReady.resolve();
    await screen.findByRole('button', { name: 'Transcribing…' });
    expect(api.callsTo('recording.stop')).toEqual([
      { profileId: 'p1', recordingId: 'r1', reason: 'device-lost' },
    ]);
    expect(stopped).toEqual({ mic: 1, camera: 1 });
  });
});
