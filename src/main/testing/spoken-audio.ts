import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readWavFile } from '../engines/speech/wav-format';

/**
 * Spoken sentences made with espeak-ng (a synthetic voice) and sox, for speech-recognition tests
 * and the speech bench: text whose exact words are known, at 16 kHz mono like a recording.
 */

/** An interview answer in plain words (no digits, so the reference spelling is unambiguous). */
export const SPOKEN_ANSWER_SENTENCES = [
  'In my last role I led the migration of our billing system to a new platform.',
  'I started by talking to every team that depended on the old system.',
  'We shipped it in small steps, so nothing broke for our customers.',
] as const;

function run(command: string, args: string[]): void {
  try {
    execFileSync(command, args, { stdio: 'pipe' });
  } catch (error) {
    const e = error as { code?: string; stderr?: Buffer };
    throw new Error(
      e.code === 'ENOENT'
        ? `${command} is not installed (apt-get install -y espeak-ng sox)`
        : `${command} ${args.join(' ')} failed: ${e.stderr?.toString().trim() ?? String(error)}`,
      { cause: error },
    );
  }
}

/** Whether espeak-ng and sox can be run here. */
export function canSynthesiseSpeech(): boolean {
  try {
    execFileSync('espeak-ng', ['--version'], { stdio: 'pipe' });
    execFileSync('sox', ['--version'], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}

/**
 * The sentences spoken one after another with `gapSeconds` of silence before, between and after
 * them, as 16 kHz mono samples.
 */
export function speakSentences(sentences: readonly string[], gapSeconds = 0.7): Float32Array {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rehearse-espeak-'));
  try {
    const gap = path.join(dir, 'gap.wav');
    run('sox', ['-n', '-r', '16000', '-c', '1', '-b', '16', gap, 'trim', '0', String(gapSeconds)]);
    const parts = [gap];
    sentences.forEach((text, i) => {
      const raw = path.join(dir, `raw-${i}.wav`);
      const out = path.join(dir, `sentence-${i}.wav`);
      run('espeak-ng', ['-s', '150', '-w', raw, text]);
      run('sox', [raw, '-r', '16000', '-c', '1', '-b', '16', out]);
      parts.push(out, gap);
    });
    const all = path.join(dir, 'all.wav');
    run('sox', [...parts, all]);
    return readWavFile(all).samples;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
