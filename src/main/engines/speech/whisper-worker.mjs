// The child process that owns whisper.cpp (@fugood/whisper.node): transcription and VAD run here so
// the main process never stalls. A process, not a worker thread: terminating a thread in the middle
// of a native call aborts the whole process, while killing a child harms nobody. Plain JavaScript
// so it runs unchanged under Node, tsx, Vitest and from the Electron bundle. The main side
// (whisper-worker-client.ts) kills it to abort or when a native call never settles.
import { createRequire } from 'node:module';

const parentPort = {
  postMessage: (message) => process.send?.(message),
  on: (event, listener) => process.on(event, listener),
};
const workerData = JSON.parse(process.env['REHEARSE_WHISPER_WORKER'] ?? '{}');
process.on('disconnect', () => process.exit(0));

const require = createRequire(import.meta.url);
/** @type {typeof import('@fugood/whisper.node')} */
const whisper = require('@fugood/whisper.node');

/** @type {{ whisperPath: string | null, vadPath: string | null, threads: number }} */
const options = workerData;

// whisper.cpp writes its model-loading log to stderr unless a callback takes it; a no-op callback
// keeps the CLI's output clean. (The callback holds the process open: it exits when the parent
// disconnects or kills it.)
await whisper.toggleNativeLog(true);
const quiet = whisper.addNativeLogListener(() => undefined);

let asr = null;
let vad = null;
try {
  if (options.whisperPath) {
    asr = await whisper.initWhisper({ filePath: options.whisperPath, useGpu: false });
  }
  if (options.vadPath) {
    vad = await whisper.initWhisperVad({
      filePath: options.vadPath,
      nThreads: 1,
      useGpu: false,
    });
  }
  parentPort.postMessage({ type: 'ready', whisper: asr !== null, vad: vad !== null });
} catch (error) {
  parentPort.postMessage({ type: 'ready', error: String(error?.message ?? error) });
}

parentPort.on('message', (message) => {
  void handle(message).catch((error) =>
    parentPort.postMessage({
      type: 'error',
      id: message.id,
      message: String(error?.message ?? error),
    }),
  );
});

async function handle(message) {
  switch (message.type) {
    case 'transcribe': {
      if (!asr) throw new Error('no Whisper model is loaded');
      const { promise } = asr.transcribeData(toArrayBuffer(message.pcm), {
        language: message.language,
        maxThreads: options.threads,
        temperature: 0,
        onNewSegments: (result) =>
          parentPort.postMessage({ type: 'segments', id: message.id, segments: result.segments }),
      });
      const result = await promise;
      parentPort.postMessage({ type: 'result', id: message.id, result });
      return;
    }
    case 'vad': {
      if (!vad) throw new Error('no VAD model is loaded');
      const segments = await vad.detectSpeechData(toArrayBuffer(message.pcm), {});
      parentPort.postMessage({ type: 'result', id: message.id, result: segments });
      return;
    }
    case 'close': {
      quiet.remove();
      await asr?.release();
      await vad?.release();
      parentPort.postMessage({ type: 'closed' });
      return;
    }
    default:
      throw new Error(`unknown message ${String(message.type)}`);
  }
}

/** IPC with 'advanced' serialization delivers a Buffer as a Uint8Array. */
function toArrayBuffer(bytes) {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
}
