// WAV (RIFF) reading and writing for recordings and the CLI. Recordings are always PCM16, 16 kHz
// mono (what Whisper wants); files from elsewhere are converted on read, within a length limit.
import fs from 'node:fs';
import { AppError } from '../../platform/errors';

export const SPEECH_SAMPLE_RATE = 16_000;
export const WAV_HEADER_BYTES = 44;
/** An answer is minutes long; longer files are refused before they are read into memory. */
export const MAX_AUDIO_SECONDS = 30 * 60;

export interface WavInfo {
  readonly sampleRate: number;
  readonly channels: number;
  readonly bitsPerSample: number;
  /** 1 = integer PCM, 3 = IEEE float. */
  readonly format: 1 | 3;
  readonly dataOffset: number;
  /** Bytes of sample data actually present (may be less than the header claims). */
  readonly dataBytes: number;
  /** The header claims more data than the file holds (a recording cut short). */
  readonly truncated: boolean;
  readonly durationSeconds: number;
}

export interface DecodedAudio {
  /** Mono samples in [-1, 1] at SPEECH_SAMPLE_RATE. */
  readonly samples: Float32Array;
  readonly sampleRate: typeof SPEECH_SAMPLE_RATE;
  readonly durationSeconds: number;
  readonly source: WavInfo;
  /** What was done to the file's audio to get 16 kHz mono, in words (empty when nothing). */
  readonly conversions: string[];
}

/** The canonical 44-byte header of a PCM16 file holding `dataBytes` of samples. */
export function pcm16WavHeader(
  dataBytes: number,
  sampleRate = SPEECH_SAMPLE_RATE,
  channels = 1,
): Buffer {
  const header = Buffer.alloc(WAV_HEADER_BYTES);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + dataBytes, 4);
  header.write('WAVE', 8, 'ascii');
  header.write('fmt ', 12, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(channels, 22);
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * channels * 2, 28);
  header.writeUInt16LE(channels * 2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(dataBytes, 40);
  return header;
}

function bad(label: string, why: string): AppError {
  return new AppError('VALIDATION', `${label} ${why}`);
}

/**
 * Reads the header of a WAV held in `head` (the first bytes of a file of `fileBytes`). Walks the
 * RIFF chunks, so files with LIST/fact chunks before the data (sox, Audacity) are read too.
 */
export function parseWavHeader(head: Buffer, fileBytes: number, label = 'The file'): WavInfo {
  if (fileBytes === 0) throw bad(label, 'is empty (0 bytes): there is no audio in it.');
  if (head.length < 12 || head.toString('ascii', 0, 4) !== 'RIFF') {
    throw bad(label, 'is not a WAV file (it does not start with a RIFF header).');
  }
  if (head.toString('ascii', 8, 12) !== 'WAVE') {
    throw bad(label, 'is a RIFF file but not WAVE audio.');
  }
  let offset = 12;
  let fmt: Omit<WavInfo, 'dataOffset' | 'dataBytes' | 'truncated' | 'durationSeconds'> | null =
    null;
  while (offset + 8 <= head.length) {
    const id = head.toString('ascii', offset, offset + 4);
    const size = head.readUInt32LE(offset + 4);
    const body = offset + 8;
    if (id === 'fmt ') {
      if (body + 16 > head.length) break;
      let format = head.readUInt16LE(body);
      if (format === 0xfffe && size >= 40 && body + 26 <= head.length) {
        format = head.readUInt16LE(body + 24); // WAVE_FORMAT_EXTENSIBLE: the sub-format GUID
      }
      const channels = head.readUInt16LE(body + 2);
      const sampleRate = head.readUInt32LE(body + 4);
      const bitsPerSample = head.readUInt16LE(body + 14);
      if (format !== 1 && format !== 3) {
        throw bad(
          label,
          `uses a compressed WAV encoding (format ${format}); save it as PCM (e.g. \`sox in.wav -b 16 out.wav\`).`,
        );
      }
      if (channels < 1 || sampleRate < 1000 || ![8, 16, 24, 32].includes(bitsPerSample)) {
        throw bad(
          label,
          `has an unusable format (${channels} channels, ${sampleRate} Hz, ${bitsPerSample} bits).`,
        );
      }
      if (format === 3 && bitsPerSample !== 32) {
        throw bad(label, `has ${bitsPerSample}-bit float samples; only 32-bit float is read.`);
      }
      fmt = { sampleRate, channels, bitsPerSample, format };
    } else if (id === 'data') {
      if (!fmt) throw bad(label, 'has its audio data before its format chunk.');
      const available = Math.max(0, fileBytes - body);
      const frameBytes = (fmt.bitsPerSample / 8) * fmt.channels;
      // A header written before recording ends says 0 or 0xFFFFFFFF: trust the file's size then.
      const claimed = size === 0 || size === 0xffffffff ? available : size;
      const dataBytes = Math.floor(Math.min(claimed, available) / frameBytes) * frameBytes;
      return {
        ...fmt,
        dataOffset: body,
        dataBytes,
        truncated: claimed > available,
        durationSeconds: dataBytes / frameBytes / fmt.sampleRate,
      };
    }
    offset = body + size + (size % 2);
  }
  throw bad(
    label,
    fmt
      ? 'is truncated: it ends before its audio data begins.'
      : 'is truncated or damaged: its format chunk is missing.',
  );
}

/** Reads only the header of a file on disk (the audio may be far too long to load). */
export function readWavInfo(filePath: string, label = `"${filePath}"`): WavInfo {
  let fd: number;
  try {
    fd = fs.openSync(filePath, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw bad(label, code === 'ENOENT' ? 'does not exist.' : `cannot be read (${code}).`);
  }
  try {
    const { size } = fs.fstatSync(fd);
    const head = Buffer.alloc(Math.min(size, 64 * 1024));
    fs.readSync(fd, head, 0, head.length, 0);
    return parseWavHeader(head, size, label);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Loads a WAV as 16 kHz mono float samples, converting other rates, channel counts and sample
 * formats. Refuses empty files and files over `maxSeconds` with a message saying why.
 */
export function readWavFile(
  filePath: string,
  options: { maxSeconds?: number; label?: string } = {},
): DecodedAudio {
  const label = options.label ?? `"${filePath}"`;
  const info = readWavInfo(filePath, label);
  const maxSeconds = options.maxSeconds ?? MAX_AUDIO_SECONDS;
  if (info.durationSeconds > maxSeconds) {
    throw bad(
      label,
      `is ${formatDuration(info.durationSeconds)} long; Rehearse reads at most ${formatDuration(maxSeconds)} of audio per answer. Cut it into shorter parts.`,
    );
  }
  if (info.dataBytes === 0) throw bad(label, 'holds 0 seconds of audio.');
  const data = Buffer.alloc(info.dataBytes);
  const fd = fs.openSync(filePath, 'r');
  try {
    fs.readSync(fd, data, 0, info.dataBytes, info.dataOffset);
  } finally {
    fs.closeSync(fd);
  }
  return decodePcm(data, info);
}

/** Converts raw sample data described by `info` to 16 kHz mono float. */
export function decodePcm(data: Buffer, info: WavInfo): DecodedAudio {
  const bytes = info.bitsPerSample / 8;
  const frames = Math.floor(data.length / (bytes * info.channels));
  const mono = new Float32Array(frames);
  for (let i = 0; i < frames; i++) {
    let sum = 0;
    for (let c = 0; c < info.channels; c++) {
      sum += readSample(data, (i * info.channels + c) * bytes, info);
    }
    mono[i] = sum / info.channels;
  }
  const conversions: string[] = [];
  if (info.channels > 1) conversions.push(`mixed ${info.channels} channels down to mono`);
  if (info.bitsPerSample !== 16 || info.format !== 1) {
    conversions.push(`converted ${info.bitsPerSample}-bit ${info.format === 3 ? 'float' : 'PCM'}`);
  }
  const samples =
    info.sampleRate === SPEECH_SAMPLE_RATE
      ? mono
      : resample(mono, info.sampleRate, SPEECH_SAMPLE_RATE);
  if (info.sampleRate !== SPEECH_SAMPLE_RATE) {
    conversions.push(`resampled ${info.sampleRate} Hz to ${SPEECH_SAMPLE_RATE} Hz`);
  }
  if (info.truncated) conversions.push('read a truncated file up to where it ends');
  return {
    samples,
    sampleRate: SPEECH_SAMPLE_RATE,
    durationSeconds: samples.length / SPEECH_SAMPLE_RATE,
    source: info,
    conversions,
  };
}

function readSample(data: Buffer, at: number, info: WavInfo): number {
  if (info.format === 3) return data.readFloatLE(at);
  switch (info.bitsPerSample) {
    case 8:
      return (data.readUInt8(at) - 128) / 128;
    case 16:
      return data.readInt16LE(at) / 32768;
    case 24:
      return data.readIntLE(at, 3) / 8388608;
    default:
      return data.readInt32LE(at) / 2147483648;
  }
}

/**
 * Linear-interpolation resampling; when downsampling, each output sample first averages the input
 * samples it covers (a box filter), which keeps aliasing of speech-band audio low enough for ASR.
 */
export function resample(input: Float32Array, from: number, to: number): Float32Array {
  if (from === to) return input;
  const ratio = from / to;
  const out = new Float32Array(Math.floor(input.length / ratio));
  for (let i = 0; i < out.length; i++) {
    const start = i * ratio;
    if (ratio > 1) {
      const lo = Math.floor(start);
      const hi = Math.min(input.length, Math.floor(start + ratio));
      let sum = 0;
      for (let j = lo; j < hi; j++) sum += input[j]!;
      out[i] = hi > lo ? sum / (hi - lo) : (input[lo] ?? 0);
    } else {
      const lo = Math.floor(start);
      const frac = start - lo;
      out[i] = (input[lo] ?? 0) * (1 - frac) + (input[lo + 1] ?? input[lo] ?? 0) * frac;
    }
  }
  return out;
}

export function floatToPcm16(samples: Float32Array): Buffer {
  const out = Buffer.alloc(samples.length * 2);
  for (let i = 0; i < samples.length; i++) {
    const s = Math.max(-1, Math.min(1, samples[i]!));
    out.writeInt16LE(Math.round(s < 0 ? s * 32768 : s * 32767), i * 2);
  }
  return out;
}

export function pcm16ToFloat(pcm: Buffer): Float32Array {
  const out = new Float32Array(Math.floor(pcm.length / 2));
  for (let i = 0; i < out.length; i++) out[i] = pcm.readInt16LE(i * 2) / 32768;
  return out;
}

/** Writes a whole PCM16 16 kHz mono WAV (tests, the CLI's conversions). */
export function writeWavFile(filePath: string, samples: Float32Array): void {
  const pcm = floatToPcm16(samples);
  fs.writeFileSync(filePath, Buffer.concat([pcm16WavHeader(pcm.length), pcm]));
}

function formatDuration(seconds: number): string {
  if (seconds < 120) return `${Math.round(seconds)} s`;
  const minutes = seconds / 60;
  return minutes < 120 ? `${Math.round(minutes)} min` : `${(minutes / 60).toFixed(1)} h`;
}
