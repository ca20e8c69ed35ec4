// A spoken answer's audio and timed words, for word-by-word playback on the results page. The
// audio goes over the contract as base64 (a 2-minute answer is ~3.8 MB of WAV) so the desktop
// window and the browser transport play it the same way, from a blob URL.
import fs from 'node:fs';
import path from 'node:path';
import type { TimedWord } from '../../../shared/contract';
import { timedWordSchema } from '../../../shared/contract';
import { notFound } from '../../platform/errors';
import { parseObject } from '../../platform/json';
import type { ServiceContext } from '../service-context';

export interface AnswerAudio {
  readonly audioBase64: string | null;
  readonly words: TimedWord[];
  readonly durationSeconds: number;
}

export async function answerAudio(
  ctx: ServiceContext,
  dataDir: string,
  profileId: string,
  answerId: string,
): Promise<AnswerAudio> {
  const row = await ctx.repos.recordings.latestOfAnswer(profileId, answerId);
  if (!row) throw notFound('Recording of answer', answerId);
  const rawWords = parseObject(row.transcript ?? '{}')['words'];
  const words = Array.isArray(rawWords)
    ? rawWords.flatMap((w) => {
        const parsed = timedWordSchema.safeParse(w);
        return parsed.success ? [parsed.data] : [];
      })
    : [];
  const file = path.resolve(dataDir, row.audio_path);
  // Only files inside the data folder are read, whatever a damaged row says.
  const inside = file.startsWith(path.resolve(dataDir) + path.sep);
  const audioBase64 =
    row.files_deleted_at === null && inside && fs.existsSync(file)
      ? (await fs.promises.readFile(file)).toString('base64')
      : null;
  return { audioBase64, words, durationSeconds: row.duration_seconds };
}
