import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sharedModelPath } from '../../testing/models';
import {
  floatToPcm16,
  parseWavHeader,
  pcm16WavHeader,
  readWavFile,
  readWavInfo,
  writeWavFile,
} from './wav-format';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rehearse-wav-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A WAV with any format, as other programs write it. */
function wavOf(samples: Int16Array, rate: number, channels: number): Buffer {
  const data = Buffer.from(samples.buffer, samples.byteOffset, samples.byteLength);
  const header = pcm16WavHeader(data.length, rate, channels);
  return Buffer.concat([header, data]);
}

describe('WAV files', () => {
  it('reads the real 16 kHz mono speech sample without conversion', () => {
    const audio = readWavFile(sharedModelPath('whisper-test/jfk.wav'));
    expect(audio.durationSeconds).toBeCloseTo(11, 1);
    expect(audio.conversions).toEqual([]);
    expect(Math.max(...audio.samples.slice(0, 20000))).toBeGreaterThan(0.05);
  });

  it('round-trips samples through writeWavFile', () => {
    const samples = Float32Array.from({ length: 1600 }, (_, i) => Math.sin(i / 10) * 0.5);
    const file = path.join(dir, 'a.wav');
    writeWavFile(file, samples);
    const back = readWavFile(file);
    expect(back.samples.length).toBe(1600);
    expect(back.samples[15]).toBeCloseTo(samples[15]!, 3);
  });

  it('converts 8 kHz stereo to 16 kHz mono and says so', () => {
    const frames = 8000; // 1 s
    const stereo = new Int16Array(frames * 2);
    for (let i = 0; i < frames; i++) {
      stereo[i * 2] = 16000; // left loud
      stereo[i * 2 + 1] = 0; // right silent
    }
    const file = path.join(dir, 'stereo8k.wav');
    fs.writeFileSync(file, wavOf(stereo, 8000, 2));
    const audio = readWavFile(file);
    expect(audio.durationSeconds).toBeCloseTo(1, 2);
    expect(audio.samples.length).toBeGreaterThanOrEqual(15998);
    expect(audio.samples[100]).toBeCloseTo(8000 / 32768, 3); // the mix of both channels
    expect(audio.conversions.join('; ')).toMatch(/mono.*resampled 8000 Hz to 16000 Hz/);
  });

  it('refuses files that are not WAV, empty, cut inside the header or hold no audio', () => {
    const write = (name: string, data: Buffer | string) => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, data);
      return file;
    };
    expect(() => readWavFile(write('a.mp3', 'ID3\u0003 not a wav at all'))).toThrow(
      /not a WAV file/,
    );
    expect(() => readWavFile(write('empty.wav', ''))).toThrow(/empty \(0 bytes\)/);
    expect(() => readWavFile(write('cut.wav', pcm16WavHeader(100).subarray(0, 30)))).toThrow(
      /truncated/,
    );
    expect(() => readWavFile(write('zero.wav', pcm16WavHeader(0)))).toThrow(/0 seconds/);
    expect(() => readWavFile(path.join(dir, 'missing.wav'))).toThrow(/does not exist/);
  });

  it('reads a file whose data was cut short, up to where it ends', () => {
    const pcm = floatToPcm16(new Float32Array(16000).fill(0.25));
    const file = path.join(dir, 'short.wav');
    fs.writeFileSync(file, Buffer.concat([pcm16WavHeader(pcm.length * 4), pcm]));
    const audio = readWavFile(file);
    expect(audio.durationSeconds).toBeCloseTo(1, 3);
    expect(audio.source.truncated).toBe(true);
    expect(audio.conversions).toContain('read a truncated file up to where it ends');
  });

  it('refuses a 2-hour file from its header alone, before reading it', () => {
    const file = path.join(dir, 'long.wav');
    const twoHours = 2 * 3600 * 16000 * 2;
    // A sparse file: the header says two hours and the size agrees, but nothing is read.
    fs.writeFileSync(file, pcm16WavHeader(twoHours));
    fs.truncateSync(file, 44 + twoHours);
    expect(readWavInfo(file).durationSeconds).toBeCloseTo(7200, 0);
    expect(() => readWavFile(file)).toThrow(/is 2\.0 h long; Rehearse reads at most 30 min/);
  });

  it('skips chunks before the data and reads extensible float files', () => {
    const fmt = Buffer.alloc(8 + 40);
    fmt.write('fmt ', 0, 'ascii');
    fmt.writeUInt32LE(40, 4);
    fmt.writeUInt16LE(0xfffe, 8);
    fmt.writeUInt16LE(1, 10);
    fmt.writeUInt32LE(16000, 12);
    fmt.writeUInt32LE(64000, 16);
    fmt.writeUInt16LE(4, 20);
    fmt.writeUInt16LE(32, 22);
    fmt.writeUInt16LE(22, 24);
    fmt.writeUInt16LE(3, 32); // sub-format: IEEE float
    const list = Buffer.concat([
      Buffer.from('LIST'),
      Buffer.from([3, 0, 0, 0]),
      Buffer.from('abc\0'),
    ]);
    const samples = new Float32Array([0.5, -0.5, 0.25]);
    const data = Buffer.concat([
      Buffer.from('data'),
      Buffer.from(new Uint32Array([12]).buffer),
      Buffer.from(samples.buffer),
    ]);
    const body = Buffer.concat([Buffer.from('WAVE'), fmt, list, data]);
    const riff = Buffer.concat([
      Buffer.from('RIFF'),
      Buffer.from(new Uint32Array([body.length]).buffer),
      body,
    ]);
    const info = parseWavHeader(riff, riff.length);
    expect(info).toMatchObject({ format: 3, bitsPerSample: 32, dataBytes: 12 });
    const file = path.join(dir, 'float.wav');
    fs.writeFileSync(file, riff);
    expect(Array.from(readWavFile(file).samples)).toEqual([0.5, -0.5, 0.25]);
  });
});
