import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { QuestionSimilarity } from '../bank/question-similarity';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { sharedModelPath } from '../../testing/models';
import { NEAR_DUPLICATE } from '../../assessment/near-duplicate';
import { duplicateCheck, lexicalDuplicate } from './question-dedup';

let app: TestApp | undefined;
const scratch: string[] = [];
afterEach(async () => {
  await app?.close();
  app = undefined;
  for (const dir of scratch.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const BANK_QUESTION =
  'Describe a bug you found difficult to fix, and walk me through how you solved it.';
const HISTORY = ['Tell me about a time you disagreed with a teammate.'];

async function checkerFor(embeddings: boolean) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rehearse-dedup-'));
  scratch.push(dataDir);
  app = await createTestApp({
    dataDir,
    engines: {
      embeddingModelDir: embeddings ? sharedModelPath('glove-wordpiece-onnx') : null,
      grammar: false,
      linguistics: false,
    },
  });
  const bank = await app.call('bank.questions', { roleId: 'software-engineer' });
  expect(bank.map((q) => q.content)).toContain(BANK_QUESTION);
  return duplicateCheck(
    app.context,
    new QuestionSimilarity(app.context, path.join(dataDir, 'idx')),
  );
}

describe('duplicate check without an embedding model (wording)', () => {
  it('refuses a near-copy of a bank question and of a history question, accepts a new one', async () => {
    const check = await checkerFor(false);
    expect(
      await check(
        'Walk me through how you solved a bug you found difficult to fix; describe it.',
        HISTORY,
      ),
    ).toMatchObject({ text: BANK_QUESTION, engine: 'lexical', against: 'bank' });
    expect(
      await check('Tell me about a time when you disagreed with a teammate?', HISTORY),
    ).toMatchObject({ text: HISTORY[0], engine: 'lexical', against: 'history' });
    expect(
      await check('How do you size a thread pool for a CPU-bound service?', HISTORY),
    ).toBeNull();
  });
});

describe('duplicate check with the embedding model (meaning)', () => {
  // Rewordings that share too few words for the wording check to see them.
  const bankRewording =
    'Tell me about a hard bug you had to fix and how you went about solving it.';
  const historyRewording = 'Tell me about a moment when you and a teammate did not agree.';

  it('refuses rewordings the wording check misses, from the bank index and from history', async () => {
    const check = await checkerFor(true);
    const bankTexts = (await app!.call('bank.questions', { roleId: 'software-engineer' })).map(
      (q) => q.content,
    );
    // The wording check alone lets both through ...
    expect(lexicalDuplicate(bankRewording, [], bankTexts)).toBeNull();
    expect(lexicalDuplicate(historyRewording, HISTORY, [])).toBeNull();

    // ... the sentence vectors do not.
    const fromBank = await check(bankRewording, HISTORY);
    expect(fromBank).toMatchObject({ text: BANK_QUESTION, against: 'bank' });
    expect(fromBank!.engine).toMatch(/^glove-wordpiece-onnx@/);
    expect(fromBank!.similarity).toBeGreaterThanOrEqual(NEAR_DUPLICATE.meaning);
    const fromHistory = await check(historyRewording, HISTORY);
    expect(fromHistory).toMatchObject({ text: HISTORY[0], against: 'history' });
    expect(fromHistory!.engine).toMatch(/^glove-wordpiece-onnx@/);

    // A question on something else passes.
    expect(
      await check('How do you size a thread pool for a CPU-bound service?', HISTORY),
    ).toBeNull();

    // The index was built on disk, as bank.similar builds it.
    expect(fs.readdirSync(scratch[0]!)).toContain('idx');
  }, 60_000);
});
