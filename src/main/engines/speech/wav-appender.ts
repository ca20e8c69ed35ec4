// The crash-safe recording file: PCM16 16 kHz mono chunks are appended as they arrive and synced to
// disk at least once a second, so a crash of the app or the machine loses at most ~1 s of audio.
// The header's sizes are only right after close(); repairWavHeader() fixes them after a crash.
import fs from 'node:fs';
import { AppError } from '../../platform/errors';
import { SPEECH_SAMPLE_RATE, WAV_HEADER_BYTES, pcm16WavHeader } from './wav-format';

export const SYNC_INTERVAL_MS = 1000;

export class WavAppender {
  private dataBytes = 0;
  private lastSync: number;
  private closed = false;

  private constructor(
    readonly filePath: string,
    private readonly fd: number,
    private readonly now: () => number,
  ) {
    this.lastSync = now();
  }

  /** Creates the file with a header that says "0 bytes" until close() (readers trust the size). */
  static create(filePath: string, now: () => number = Date.now): WavAppender {
    const fd = openOrExplain(filePath);
    try {
      fs.writeSync(fd, pcm16WavHeader(0));
      fs.fsyncSync(fd);
    } catch (error) {
      fs.closeSync(fd);
      throw diskError(error);
    }
    return new WavAppender(filePath, fd, now);
  }

  get bytesWritten(): number {
    return this.dataBytes;
  }

  get durationSeconds(): number {
    return this.dataBytes / 2 / SPEECH_SAMPLE_RATE;
  }

  /** Appends PCM16 samples; returns whether this call synced the file to disk. */
  append(pcm16: Buffer): boolean {
    if (this.closed) throw new AppError('INVALID_STATE', 'This recording has already stopped.');
    if (pcm16.length % 2 !== 0) {
      throw new AppError('VALIDATION', 'An audio chunk must hold whole 16-bit samples.');
    }
    try {
      fs.writeSync(this.fd, pcm16, 0, pcm16.length, WAV_HEADER_BYTES + this.dataBytes);
    } catch (error) {
      // A partial write (disk full) leaves the earlier audio intact: sync what we have.
      this.trySync();
      throw diskError(error);
    }
    this.dataBytes += pcm16.length;
    if (this.now() - this.lastSync >= SYNC_INTERVAL_MS) {
      this.sync();
      return true;
    }
    return false;
  }

  sync(): void {
    fs.fsyncSync(this.fd);
    this.lastSync = this.now();
  }

  /** Writes the final sizes into the header and closes the file. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      fs.writeSync(this.fd, pcm16WavHeader(this.dataBytes), 0, WAV_HEADER_BYTES, 0);
      fs.fsyncSync(this.fd);
    } finally {
      fs.closeSync(this.fd);
    }
  }

  private trySync(): void {
    try {
      fs.fsyncSync(this.fd);
    } catch {
      // Nothing more can be done; the caller reports the write error.
    }
  }
}

/**
 * Fixes the sizes in the header of a recording cut short by a crash (and drops a half sample at
 * its end). Returns the duration it now holds.
 */
export function repairWavHeader(filePath: string): { durationSeconds: number; repaired: boolean } {
  const fd = fs.openSync(filePath, 'r+');
  try {
    const { size } = fs.fstatSync(fd);
    if (size < WAV_HEADER_BYTES) {
      // Died before even the header was written: start over with an empty, valid file.
      fs.ftruncateSync(fd, 0);
      fs.writeSync(fd, pcm16WavHeader(0), 0, WAV_HEADER_BYTES, 0);
      fs.fsyncSync(fd);
      return { durationSeconds: 0, repaired: true };
    }
    const dataBytes = Math.floor((size - WAV_HEADER_BYTES) / 2) * 2;
    const current = Buffer.alloc(WAV_HEADER_BYTES);
    fs.readSync(fd, current, 0, WAV_HEADER_BYTES, 0);
    const wanted = pcm16WavHeader(dataBytes);
    const repaired = !current.equals(wanted) || size !== WAV_HEADER_BYTES + dataBytes;
    if (repaired) {
      fs.ftruncateSync(fd, WAV_HEADER_BYTES + dataBytes);
      fs.writeSync(fd, wanted, 0, WAV_HEADER_BYTES, 0);
      fs.fsyncSync(fd);
    }
    return { durationSeconds: dataBytes / 2 / SPEECH_SAMPLE_RATE, repaired };
  } finally {
    fs.closeSync(fd);
  }
}

function openOrExplain(filePath: string): number {
  try {
    return fs.openSync(filePath, 'wx');
  } catch (error) {
    throw diskError(error);
  }
}

/** Disk problems in words a candidate can act on; the audio already written stays on disk. */
export function diskError(error: unknown): AppError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return new AppError(
      'INVALID_STATE',
      'The disk is full: recording stopped. What was recorded so far is kept; free some space to record again.',
    );
  }
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new AppError(
      'INVALID_STATE',
      'Rehearse may not write to its recordings folder; check the data folder’s permissions.',
    );
  }
  if (code === 'EEXIST') return new AppError('CONFLICT', 'That recording file already exists.');
  return new AppError(
    'INTERNAL',
    `Could not write the recording: ${error instanceof Error ? error.message : String(error)}`,
  );
}
