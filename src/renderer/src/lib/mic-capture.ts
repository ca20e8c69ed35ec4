// Microphone capture for spoken answers: getUserMedia → AudioWorklet (public/pcm-capture.worklet.js)
// → 16 kHz mono PCM16 chunks of 250 ms with their level. The page never touches raw audio on the
// main thread beyond forwarding the chunks.

export interface MicChunk {
  readonly pcm: Int16Array;
  /** dBFS of the chunk (−120 for digital silence). */
  readonly levelDb: number;
}

export interface MicCallbacks {
  onChunk(chunk: MicChunk): void;
  /** The device went away (unplugged, disabled) mid-recording. */
  onDeviceLost(): void;
}

export class MicCapture {
  private constructor(
    private readonly stream: MediaStream,
    private readonly context: AudioContext,
    private readonly node: AudioWorkletNode,
  ) {}

  static async start(deviceId: string | null, callbacks: MicCallbacks): Promise<MicCapture> {
    const stream = await navigator.mediaDevices.getUserMedia({
      audio: {
        ...(deviceId && { deviceId: { exact: deviceId } }),
        channelCount: 1,
        // Delivery analytics measure the voice as it is: no automatic gain or noise gating.
        autoGainControl: false,
        noiseSuppression: false,
        echoCancellation: false,
      },
    });
    let context: AudioContext;
    try {
      context = new AudioContext({ sampleRate: 16000 });
    } catch {
      context = new AudioContext(); // the worklet resamples to 16 kHz itself
    }
    try {
      await context.audioWorklet.addModule(
        new URL('pcm-capture.worklet.js', document.baseURI).href,
      );
      const source = context.createMediaStreamSource(stream);
      const node = new AudioWorkletNode(context, 'pcm-capture', {
        numberOfInputs: 1,
        numberOfOutputs: 0,
        channelCount: 1,
        channelCountMode: 'explicit',
      });
      node.port.onmessage = (event: MessageEvent<{ pcm: ArrayBuffer; rms: number }>) => {
        const { pcm, rms } = event.data;
        callbacks.onChunk({
          pcm: new Int16Array(pcm),
          levelDb: rms > 1e-6 ? Math.max(-120, 20 * Math.log10(rms)) : -120,
        });
      };
      source.connect(node);
      for (const track of stream.getAudioTracks()) {
        track.addEventListener('ended', () => callbacks.onDeviceLost());
      }
      return new MicCapture(stream, context, node);
    } catch (error) {
      for (const track of stream.getTracks()) track.stop();
      await context.close();
      throw error;
    }
  }

  async stop(): Promise<void> {
    this.node.port.onmessage = null;
    this.node.disconnect();
    for (const track of this.stream.getTracks()) track.stop();
    await this.context.close();
  }
}

/** The camera half of a recording: its stream (for the preview) and a stop that waits for the last piece. */
export interface CameraCapture {
  readonly stream: MediaStream;
  stop(): Promise<void>;
}

/**
 * Everything a recording needs from the browser's media devices, in one place so the recorder can
 * be driven by a stand-in in tests.
 */
export interface RecorderMedia {
  startMic(deviceId: string | null, callbacks: MicCallbacks): Promise<{ stop(): Promise<void> }>;
  /** `onData` gets each WebM piece the camera recorded (about one a second). */
  startCamera(onData: (data: Blob) => void): Promise<CameraCapture>;
  listDevices(kind: 'audioinput' | 'videoinput'): Promise<MediaDeviceInfo[]>;
}

export const browserMedia: RecorderMedia = {
  startMic: (deviceId, callbacks) => MicCapture.start(deviceId, callbacks),
  startCamera: startCameraCapture,
  listDevices,
};

async function startCameraCapture(onData: (data: Blob) => void): Promise<CameraCapture> {
  const stream = await navigator.mediaDevices.getUserMedia({ video: true });
  const stopTracks = () => {
    for (const track of stream.getTracks()) track.stop();
  };
  let recorder: MediaRecorder;
  try {
    recorder = new MediaRecorder(stream, { mimeType: 'video/webm' });
  } catch (error) {
    stopTracks();
    throw error;
  }
  recorder.ondataavailable = (event) => {
    if (event.data.size > 0) onData(event.data);
  };
  recorder.start(1000);
  return {
    stream,
    async stop() {
      // The recorder hands over its last piece before it says it stopped.
      const stopped = new Promise((resolve) => recorder.addEventListener('stop', resolve));
      recorder.stop();
      await stopped;
      stopTracks();
    },
  };
}

/** Microphones (and cameras) the page may use; labels appear once permission is granted. */
export async function listDevices(kind: 'audioinput' | 'videoinput'): Promise<MediaDeviceInfo[]> {
  if (!navigator.mediaDevices?.enumerateDevices) return [];
  return (await navigator.mediaDevices.enumerateDevices()).filter((d) => d.kind === kind);
}

/** A media error in words a candidate can act on. */
export function describeMediaError(error: unknown, what: 'microphone' | 'camera'): string {
  const name = error instanceof DOMException ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return `Rehearse may not use the ${what}. Allow it in your system or browser settings, then try again — or type your answer.`;
    case 'NotFoundError':
    case 'OverconstrainedError':
      return `No ${what} was found. Plug one in (or pick another), then try again.`;
    case 'NotReadableError':
    case 'AbortError':
      return `The ${what} is busy or not working (another app may be using it).`;
    default:
      return `The ${what} could not be started: ${error instanceof Error ? error.message : String(error)}`;
  }
}

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}
