// Speech figures for `npm run bench`: transcription real-time factor, word error rate and memory
// per Whisper model present (the random-weight stand-in, the real Whisper base of
// `npm run test-models`), VAD and analytics time, and what the recording path costs per 250 ms
// chunk. `npx tsx bench/speech.ts` runs it alone.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { startRehearse } from '../src/main/app/rehearse-app';
import { detectSpeechByEnergy, frameLevels } from '../src/main/engines/speech/audio-features';
import { analyseDelivery } from '../src/main/assessment/delivery/delivery-analytics';
import { SpeechEngine, transcribeSamples } from '../src/main/engines/speech/speech-pipeline';
import { WavAppender } from '../src/main/engines/speech/wav-appender';
import {
  floatToPcm16,
  readWavFile,
  SPEECH_SAMPLE_RATE,
} from '../src/main/engines/speech/wav-format';
import { sharedModelPath } from '../src/main/testing/models';
import { realModel } from '../src/main/testing/real-models';
import {
  canSynthesiseSpeech,
  speakSentences,
  SPOKEN_ANSWER_SENTENCES,
} from '../src/main/testing/spoken-audio';
import { wordErrorRate } from '../src/main/testing/word-error-rate';

const round = (n: number) => Math.round(n * 100) / 100;
const VAD = sharedModelPath('whisper-test/for-tests-silero-v6.2.0-ggml.bin');
const JFK_SENTENCE =
  'And so my fellow Americans, ask not what your country can do for you, ask what you can do for your country.';

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** Peak resident memory of a process (Linux /proc), in MB. */
function peakRssMB(pid: number | null): number | null {
  if (pid === null) return null;
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmHWM:\s+(\d+)/.exec(status)?.[1];
    return kb ? Math.round(Number(kb) / 1024) : null;
  } catch {
    return null;
  }
}

/**
 * CPU seconds a process has used (Linux /proc: user + system), or null elsewhere. Unlike wall
 * time it does not grow when other programs share the cores.
 */
function cpuSeconds(pid: number | null): number | null {
  if (pid === null) return null;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // After the parenthesised name come the fields from the 3rd on; utime and stime are the
    // 14th and 15th, in clock ticks (100 a second on Linux).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

function repeat(samples: Float32Array, seconds: number): Float32Array {
  const out = new Float32Array(seconds * SPEECH_SAMPLE_RATE);
  for (let at = 0; at < out.length; at += samples.length) {
    out.set(samples.subarray(0, Math.min(samples.length, out.length - at)), at);
  }
  return out;
}

/** Known speech with its words: jfk.wav and espeak-ng answers, one short and one of ~50 s. */
interface SpeechSample {
  readonly name: string;
  readonly samples: Float32Array;
  readonly reference: string;
}

/**
 * A longer answer, as long as a typical spoken one: more than one of Whisper's 30 s windows.
 * (jfk.wav repeated would not do: the guards collapse a repeated sentence as a decoding loop.)
 */
const LONG_ANSWER_SENTENCES = [
  ...SPOKEN_ANSWER_SENTENCES,
  'The hardest part was keeping two systems in sync for a few weeks.',
  'We compared every invoice from both systems each night and fixed the differences.',
  'Some teams were worried about the change, so I held short weekly meetings with them.',
  'After the switch, support tickets about invoices dropped sharply.',
  'Looking back, I would write the rollback plan before the first release.',
  'I would also bring the finance team in earlier, because they knew the edge cases best.',
];

function speechSamples(jfk: Float32Array): SpeechSample[] {
  const samples: SpeechSample[] = [{ name: 'jfk.wav', samples: jfk, reference: JFK_SENTENCE }];
  if (canSynthesiseSpeech()) {
    for (const [name, sentences] of [
      ['espeak-ng answer, 3 sentences', SPOKEN_ANSWER_SENTENCES],
      ['espeak-ng answer, 9 sentences', LONG_ANSWER_SENTENCES],
    ] as const) {
      samples.push({ name, samples: speakSentences(sentences), reference: sentences.join(' ') });
    }
  }
  return samples;
}

async function modelFigures(name: string, modelPath: string, speech: SpeechSample[]) {
  const engine = new SpeechEngine({ whisper: modelPath, vad: VAD });
  try {
    const first = performance.now();
    await transcribeSamples(speech[0]!.samples, engine, { language: 'en' }); // loads the model
    const coldMs = performance.now() - first;
    const runs: Record<string, unknown>[] = [];
    for (const sample of speech) {
      const audioSeconds = sample.samples.length / SPEECH_SAMPLE_RATE;
      const pid = engine.worker?.pid ?? null;
      const cpuBefore = cpuSeconds(pid);
      const t = performance.now();
      const transcript = await transcribeSamples(sample.samples, engine, { language: 'en' });
      const ms = performance.now() - t;
      const cpuAfter = pid === engine.worker?.pid ? cpuSeconds(pid) : null;
      const cpu = cpuBefore !== null && cpuAfter !== null ? cpuAfter - cpuBefore : null;
      runs.push({
        audio: sample.name,
        audioSeconds: round(audioSeconds),
        ms: round(ms),
        realTimeFactor: round(ms / 1000 / audioSeconds),
        workerCpuSeconds: cpu === null ? null : round(cpu),
        cpuRealTimeFactor: cpu === null ? null : round(cpu / audioSeconds),
        segments: transcript.segments.length,
        wordErrorRate: round(wordErrorRate(sample.reference, transcript.transcript)),
      });
    }
    return {
      name,
      modelId: engine.whisperModelId,
      /** The cores' load while measuring: wall times above grow with it, CPU times do not. */
      loadAverage: os.loadavg().map(round),
      firstCallWithLoadMs: round(coldMs),
      runs,
      workerPeakRssMB: peakRssMB(engine.worker?.pid ?? null),
    };
  } finally {
    await engine.dispose();
  }
}

/** Cost of the recording path per 250 ms chunk: the file append alone, and the whole handler. */
async function recordingOverhead() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rehearse-bench-rec-'));
  try {
    const chunk = floatToPcm16(
      Float32Array.from({ length: 4000 }, (_, i) => 0.2 * Math.sin(i / 7)),
    );
    const appender = WavAppender.create(path.join(dataDir, 'raw.wav'));
    const appendMs: number[] = [];
    for (let i = 0; i < 240; i++) {
      const t = performance.now();
      appender.append(chunk);
      appendMs.push(performance.now() - t);
      // Chunks arrive every 250 ms in real life; a short wait lets the 1 s sync happen as it would.
      if (i % 4 === 3) await new Promise((r) => setTimeout(r, 260));
    }
    appender.close();

    const app = await startRehearse({
      dataDir,
      transport: 'web',
      speechModels: { whisper: null, vad: null },
    });
    const call = (name: string, input: unknown) =>
      app.registry.invoke(name, input) as Promise<Record<string, unknown>>;
    const profile = await call('profiles.create', { name: 'Bench' });
    const session = await call('interviews.create', {
      profileId: profile['id'],
      roleId: 'software-engineer',
      level: 'entry',
      questionCount: 1,
      seed: 1,
    });
    const state = await call('interviews.start', {
      profileId: profile['id'],
      sessionId: session['id'],
    });
    const questionId = (state['currentQuestion'] as { id: string }).id;
    const started = await call('recording.start', {
      profileId: profile['id'],
      sessionId: session['id'],
      questionId,
    });
    const base64 = chunk.toString('base64');
    const handlerMs: number[] = [];
    for (let seq = 0; seq < 240; seq++) {
      const t = performance.now();
      await call('recording.appendAudio', {
        profileId: profile['id'],
        recordingId: started['recordingId'],
        seq,
        pcm16Base64: base64,
      });
      handlerMs.push(performance.now() - t);
    }
    await app.close();
    return {
      chunkSeconds: 0.25,
      chunkBase64Bytes: base64.length,
      fileAppendP50Ms: round(percentile(appendMs, 50)),
      fileAppendP95Ms: round(percentile(appendMs, 95)),
      fileAppendMaxMs: round(Math.max(...appendMs)),
      handlerP50Ms: round(percentile(handlerMs, 50)),
      handlerP95Ms: round(percentile(handlerMs, 95)),
      /** Percent of one core the recording path uses while a candidate speaks (median). */
      handlerCpuPercent: round((percentile(handlerMs, 50) / 250) * 100),
    };
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function speechBench() {
  const jfk = readWavFile(sharedModelPath('whisper-test/jfk.wav')).samples;
  const speech = speechSamples(jfk);
  const models: [string, string][] = [
    [
      'ggml-tiny-random (stand-in: speed only, gibberish text)',
      sharedModelPath('whisper-test/ggml-tiny-random.bin'),
    ],
  ];
  const base = realModel('whisper-base-ggml');
  if (base.available) models.push(['Whisper base, ggml f16 (npm run test-models)', base.path]);
  const chosen = process.env['REHEARSE_WHISPER_MODEL'];
  if (chosen) models.push(['REHEARSE_WHISPER_MODEL', chosen]);
  const transcription = [];
  for (const [name, file] of models) {
    transcription.push(
      fs.existsSync(file)
        ? await modelFigures(name, file, speech)
        : { name, skipped: `${file} not found` },
    );
  }
  const vadEngine = new SpeechEngine({ whisper: null, vad: VAD });
  const minute = repeat(jfk, 60);
  let t = performance.now();
  await vadEngine.worker!.detectSpeech(floatToPcm16(jfk));
  const vadColdMs = performance.now() - t;
  t = performance.now();
  const spans = await vadEngine.worker!.detectSpeech(floatToPcm16(minute));
  const vad60sMs = performance.now() - t;
  await vadEngine.dispose();
  t = performance.now();
  detectSpeechByEnergy(frameLevels(minute, SPEECH_SAMPLE_RATE));
  const energy60sMs = performance.now() - t;
  t = performance.now();
  analyseDelivery({ samples: minute, sampleRate: SPEECH_SAMPLE_RATE, speech: spans });
  const analytics60sMs = performance.now() - t;
  return {
    transcription,
    realModelNote: base.available ? null : `${base.reason}; or set REHEARSE_WHISPER_MODEL`,
    speechSynthesisNote: canSynthesiseSpeech()
      ? null
      : 'espeak-ng or sox is missing, so no synthetic answer was measured',
    vad: { firstCallWithLoadMs: round(vadColdMs), sixtySecondsMs: round(vad60sMs) },
    energySpeechDetection60sMs: round(energy60sMs),
    deliveryAnalytics60sMs: round(analytics60sMs),
    recording: await recordingOverhead(),
  };
}

// `npx tsx bench/speech.ts` runs this section alone.
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  console.log(JSON.stringify(await speechBench(), null, 2));
}
