import { parseArgs } from 'node:util';
import type { DeliveryAnalytics, Transcript } from '../../../shared/contract/recording';
import { resolveDataDir } from '../../platform/data-dir';
import { resolveSpeechModels } from '../../engines/speech/model-paths';
import { deliveryOf } from '../../assessment/delivery/delivery-analytics';
import {
  detectSpeech,
  SpeechEngine,
  transcribeSamples,
} from '../../engines/speech/speech-pipeline';
import { readWavFile } from '../../engines/speech/wav-format';
import type { CliIo } from './cli-io';
import { UsageError } from './cli-io';

const OPTIONS = {
  model: { type: 'string' },
  vad: { type: 'string' },
  language: { type: 'string', default: 'en' },
  fillers: { type: 'string' },
  json: { type: 'boolean', default: false },
} as const;

function parse(command: string, argv: readonly string[]) {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options: OPTIONS,
    allowPositionals: true,
  });
  const file = positionals[0];
  if (!file || positionals.length > 1)
    throw new UsageError(`${command} needs exactly one FILE.wav.`);
  if (!/^[a-z]{2,3}$|^auto$/.test(values.language)) {
    throw new UsageError('--language takes a language code such as en, de or fr (or auto).');
  }
  return { file, values };
}

function engineFor(io: CliIo, values: { model?: string | undefined; vad?: string | undefined }) {
  return new SpeechEngine(
    resolveSpeechModels({
      dataDir: resolveDataDir(io.env),
      env: io.env,
      whisper: values.model,
      vad: values.vad,
    }),
  );
}

/** `rehearse transcribe FILE.wav [--model PATH] [--vad PATH] [--language en] [--json]` */
export async function transcribeCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { file, values } = parse('transcribe', argv);
  const audio = readWavFile(file);
  const engine = engineFor(io, values);
  try {
    if (!engine.canTranscribe) {
      io.stderr(
        'rehearse: no Whisper model is installed: pass --model PATH (a ggml .bin file) or set REHEARSE_WHISPER_MODEL.\n',
      );
      return 1;
    }
    const transcript = await transcribeSamples(audio.samples, engine, {
      language: values.language,
    });
    if (values.json) {
      io.stdout(
        `${JSON.stringify({ file, durationSeconds: audio.durationSeconds, conversions: audio.conversions, ...transcript }, null, 2)}\n`,
      );
    } else {
      io.stdout(`${transcript.transcript || '(no speech)'}\n`);
      io.stderr(`${describeRun(audio.durationSeconds, audio.conversions, transcript)}\n`);
    }
    return 0;
  } finally {
    await engine.dispose();
  }
}

/** `rehearse analyze-audio FILE.wav [--model PATH] [--vad PATH] [--fillers a,b] [--json]` */
export async function analyzeAudioCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { file, values } = parse('analyze-audio', argv);
  const audio = readWavFile(file);
  const engine = engineFor(io, values);
  try {
    const speech = await detectSpeech(audio.samples, engine);
    const transcript = engine.canTranscribe
      ? await transcribeSamples(audio.samples, engine, {
          language: values.language,
          speech: speech.spans,
        })
      : null;
    const fillers = values.fillers
      ?.split(',')
      .map((f) => f.trim())
      .filter(Boolean);
    const delivery = deliveryOf(audio.samples, speech.spans, transcript, fillers);
    const report = {
      file,
      durationSeconds: audio.durationSeconds,
      conversions: audio.conversions,
      speechDetectedBy: speech.by,
      transcript: transcript?.transcript ?? null,
      modelId: transcript?.modelId ?? null,
      delivery,
    };
    if (values.json) io.stdout(`${JSON.stringify(report, null, 2)}\n`);
    else io.stdout(summarise(delivery, speech.by, transcript !== null));
    return 0;
  } finally {
    await engine.dispose();
  }
}

function describeRun(duration: number, conversions: string[], t: Transcript): string {
  return [
    `${duration.toFixed(1)} s of audio${conversions.length ? ` (${conversions.join(', ')})` : ''}`,
    `model ${t.modelId}`,
    `confidence ${t.confidence}`,
    ...t.guards.map((g) => `removed: ${g}`),
  ].join('\n');
}

function summarise(d: DeliveryAnalytics, by: string, transcribed: boolean): string {
  const lines = [
    `Duration ${d.durationSeconds} s, speaking ${d.speakingSeconds} s (speech found by ${by}).`,
    `Started after ${d.speechStartSeconds ?? '–'} s; ${d.pauses.count} pause(s) over 2 s, longest ${d.pauses.longestSeconds} s.`,
    d.wordsPerMinute !== null ? `Pace ${d.wordsPerMinute} words per minute.` : null,
    transcribed
      ? null
      : 'No Whisper model: pace and filler words need a transcript (--model PATH).',
    ...d.observations.map((o) => `${o.level === 'ok' ? '✓' : '•'} ${o.message}`),
  ];
  return `${lines.filter(Boolean).join('\n')}\n`;
}
