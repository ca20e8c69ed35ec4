import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { diskError, repairWavHeader, WavAppender } from './wav-appender';
import { floatToPcm16, readWavFile, readWavInfo } from './wav-format';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rehearse-rec-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const quarterSecond = (value: number) => floatToPcm16(new Float32Array(4000).fill(value));

describe('WavAppender', () => {
  it('appends chunks and writes the final sizes on close', () => {
    const file = path.join(dir, 'r.wav');
    const rec = WavAppender.create(file);
    for (let i = 0; i < 8; i++) rec.append(quarterSecond(i / 10));
    rec.close();
    const audio = readWavFile(file);
    expect(audio.durationSeconds).toBe(2);
    expect(audio.source.truncated).toBe(false);
    expect(audio.samples[4000 * 3 + 5]).toBeCloseTo(0.3, 3);
  });

  it('syncs to disk at least once a second of wall time', () => {
    let now = 0;
    const rec = WavAppender.create(path.join(dir, 'sync.wav'), () => now);
    const synced: boolean[] = [];
    for (let i = 0; i < 10; i++) {
      now += 250;
      synced.push(rec.append(quarterSecond(0.1)));
    }
    rec.close();
    expect(synced).toEqual([false, false, false, true, false, false, false, true, false, false]);
  });

  it('after a crash (no close) the file is repaired to hold everything appended', () => {
    const file = path.join(dir, 'crash.wav');
    const rec = WavAppender.create(file);
    for (let i = 0; i < 6; i++) rec.append(quarterSecond(0.2));
    rec.sync(); // what the once-a-second sync guarantees; the process then dies without close()
    // Simulate a half-written sample at the very end.
    fs.appendFileSync(file, Buffer.from([1]));
    expect(readWavInfo(file).durationSeconds).toBeCloseTo(1.5, 3); // header says 0: size is trusted

    expect(repairWavHeader(file)).toEqual({ durationSeconds: 1.5, repaired: true });
    const header = fs.readFileSync(file).subarray(0, 44);
    expect(header.readUInt32LE(40)).toBe(48000);
    expect(header.readUInt32LE(4)).toBe(36 + 48000);
    expect(readWavFile(file).samples[100]).toBeCloseTo(0.2, 3);
    expect(repairWavHeader(file).repaired).toBe(false); // idempotent
  });

  it('repairs a file that died before its header was complete into an empty valid WAV', () => {
    const file = path.join(dir, 'stub.wav');
    fs.writeFileSync(file, Buffer.from('RIFF\0\0'));
    expect(repairWavHeader(file)).toEqual({ durationSeconds: 0, repaired: true });
    expect(readWavInfo(file).dataBytes).toBe(0);
  });

  it('refuses odd-sized chunks and appends after stop', () => {
    const rec = WavAppender.create(path.join(dir, 'x.wav'));
    expect(() => rec.append(Buffer.from([1, 2, 3]))).toThrow(/whole 16-bit samples/);
    rec.close();
    expect(() => rec.append(quarterSecond(0))).toThrow(/already stopped/);
  });

  it('explains a full disk in words, keeping what was recorded', () => {
    const full = Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    expect(diskError(full).message).toMatch(/disk is full.*kept/);
    const denied = Object.assign(new Error('EACCES'), { code: 'EACCES' });
    expect(diskError(denied).message).toMatch(/permissions/);
  });
});
