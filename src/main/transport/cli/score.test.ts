import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCliIn } from '../../testing/cli-harness';
import { sharedModelPath } from '../../testing/models';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rehearse-score-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const good = {
  id: 'a1',
  question: 'What is a stack?',
  ideal_answer: 'A stack is a last-in first-out data structure with push and pop operations.',
  answer: 'A stack stores items last in, first out: you push onto the top and pop from the top.',
  expected_keywords: ['push', 'pop', 'last-in first-out'],
};

describe('rehearse score', () => {
  it('scores each line, and reports bad lines by number while the rest still score', async () => {
    const input = path.join(dir, 'in.jsonl');
    const output = path.join(dir, 'out.jsonl');
    fs.writeFileSync(
      input,
      [
        JSON.stringify(good),
        '{not json',
        JSON.stringify({ id: 'b2', question: 'Q?' }),
        '',
        JSON.stringify({ ...good, id: 7, answer: 'I like pizza.' }),
      ].join('\n'),
    );
    const { code, stderr } = await runCliIn(dir, ['score', '--input', input, '--output', output]);
    expect(code).toBe(0);
    expect(stderr).toMatch(/scored 2 answers, 2 lines with errors/);
    const lines = fs
      .readFileSync(output, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatchObject({
      id: 'a1',
      evaluation: { keywords: { found: ['push', 'pop', 'last-in first-out'], missing: [] } },
      engines: { lexical: 'lexical@3', embedding: null },
    });
    expect(lines[1]).toEqual({ line: 2, error: 'line 2 is not valid JSON' });
    expect(lines[2]).toMatchObject({
      line: 3,
      id: 'b2',
      error: expect.stringMatching(/ideal_answer/),
    });
    const good1 = lines[0] as { scores: { content: number } };
    const bad = lines[3] as { id: number; scores: { content: number } };
    expect(bad.id).toBe(7);
    expect(good1.scores.content).toBeGreaterThan(bad.scores.content + 30);
  });

  it('writes to standard output without --output, and explains a missing file', async () => {
    const input = path.join(dir, 'in.jsonl');
    fs.writeFileSync(input, JSON.stringify(good));
    expect(
      JSON.parse((await runCliIn(dir, ['score', '--lexical-only', '--input', input])).stdout),
    ).toMatchObject({
      id: 'a1',
    });
    const missing = await runCliIn(dir, ['score', '--input', path.join(dir, 'nope.jsonl')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/ENOENT/);
  });

  it('uses every installed engine and records which produced the scores', async () => {
    const input = path.join(dir, 'in.jsonl');
    fs.writeFileSync(
      input,
      JSON.stringify({ ...good, answer: `${good.answer} I recieved good feedback.` }),
    );
    const { stdout, stderr } = await runCliIn(dir, ['score', '--embedding', '--input', input], {
      REHEARSE_EMBEDDING_MODEL: sharedModelPath('glove-wordpiece-onnx'),
    });
    expect(stderr).not.toMatch(/warning/);
    const record = JSON.parse(stdout) as {
      engines: Record<string, string | null>;
      evaluation: {
        semantic_similarity: number;
        sentiment: number;
        grammar_issues: { kind: string }[];
      };
      embedding: number[];
    };
    expect(record.engines).toMatchObject({
      lexical: 'lexical@3',
      embedding: expect.stringMatching(/^glove-wordpiece-onnx@[0-9a-f]{12}$/),
      grammar: expect.stringMatching(/^rules-grammar@1\+hunspell-en_US@/),
      linguistics: expect.stringMatching(/^wink-nlp@/),
    });
    expect(record.evaluation.semantic_similarity).toBeGreaterThan(0.5);
    expect(record.evaluation.grammar_issues.map((g) => g.kind)).toContain('Spelling');
    expect(typeof record.evaluation.sentiment).toBe('number');
    expect(record.embedding).toHaveLength(100);
  }, 60_000);
});
