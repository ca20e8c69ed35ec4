import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Console } from 'node:console';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { LOG_FILE, OLD_LOG_FILE, openLogFile, teeConsoleTo } from './log-file';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
function logsDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rehearse-log-'));
  dirs.push(dir);
  return path.join(dir, 'logs');
}
const at = () => new Date('2026-12-03T16:00:00.000Z');

describe('the desktop app’s log file', () => {
  it('records what the main process prints, with time and level, errors with their stack', () => {
    const dir = logsDir();
    const printed: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        printed.push(chunk.toString());
        done();
      },
    });
    const terminal = new Console(sink, sink);
    const restore = teeConsoleTo(openLogFile(dir, { now: at }), terminal);
    terminal.log('Rehearse data: %s', '/home/zoe/.local/share/Rehearse');
    terminal.error('[rehearse] data.export failed:', new Error('disk full'));
    restore();
    terminal.log('not logged');
    const lines = fs.readFileSync(path.join(dir, LOG_FILE), 'utf8');
    expect(lines).toMatch(
      /^2026-12-03T16:00:00\.000Z INFO Rehearse data: \/home\/zoe\/\.local\/share\/Rehearse\n2026-12-03T16:00:00\.000Z ERROR \[rehearse\] data\.export failed: Error: disk full\n {4}at /,
    );
    expect(lines).not.toContain('not logged');
    expect(printed.join('')).toContain('not logged'); // the terminal still gets everything
  });

  it('starts a new file past its size, keeping one older file', () => {
    const dir = logsDir();
    const log = openLogFile(dir, { maxBytes: 200, now: at });
    for (let i = 0; i < 10; i++) log.write('info', `line ${i} ${'x'.repeat(40)}`);
    const current = fs.readFileSync(path.join(dir, LOG_FILE), 'utf8');
    const old = fs.readFileSync(path.join(dir, OLD_LOG_FILE), 'utf8');
    expect(Buffer.byteLength(current)).toBeLessThanOrEqual(200);
    expect(current).toContain('line 9');
    expect(old).toContain(`line ${9 - current.trim().split('\n').length}`);
  });

  it('never throws when the folder cannot be written', () => {
    const dir = logsDir();
    fs.mkdirSync(path.dirname(dir), { recursive: true });
    fs.writeFileSync(dir, 'a file where the folder should be');
    expect(() => openLogFile(dir).write('error', 'lost')).not.toThrow();
  });
});
