import { describe, expect, it } from 'vitest';
import { makePack } from '../../testing/pack-fixtures';
import { seededRandom } from '../../platform/random';
import { parsePackText } from './parse-pack';

const valid = () => makePack();
const text = (v: unknown) => JSON.stringify(v);

describe('parsePackText', () => {
  it('accepts a valid pack and hashes its content', () => {
    const a = parsePackText(text(valid()));
    expect(a.pack.questions).toHaveLength(6);
    expect(parsePackText(text(valid())).contentHash).toBe(a.contentHash);
    const changed = valid();
    changed.questions[0]!.content = 'A different question?';
    expect(parsePackText(text(changed)).contentHash).not.toBe(a.contentHash);
  });

  it('names the offending item and field', () => {
    const pack = valid();
    pack.questions[3]!.idealAnswer = 'Click <script>alert(1)</script> here';
    expect(() => parsePackText(text(pack))).toThrow(
      /questions\[3\] \(id "lab-4"\)\.idealAnswer: the ideal answer contains HTML or script markup/,
    );
    const wrongType = valid() as unknown as { questions: Record<string, unknown>[] };
    wrongType.questions[1]!['timeLimitSeconds'] = 'two minutes';
    expect(() => parsePackText(text(wrongType))).toThrow(
      /questions\[1\] \(id "lab-2"\)\.timeLimitSeconds/,
    );
    const dupes = valid();
    dupes.questions[2]!.id = 'lab-1';
    expect(() => parsePackText(text(dupes))).toThrow(/question id "lab-1" appears more than once/);
  });

  it('refuses huge, deeply nested, non-JSON and future-version files before trusting them', () => {
    expect(() => parsePackText('x'.repeat(26 * 1024 * 1024))).toThrow(
      /26\.0 MB; a pack may be at most 25 MB/,
    );
    expect(() => parsePackText('['.repeat(100_000) + ']'.repeat(100_000))).toThrow(
      /nests over 1000 levels deep/,
    );
    expect(() => parsePackText('{"format": ')).toThrow(/not valid JSON/);
    expect(() => parsePackText(text({ ...valid(), version: 2 }))).toThrow(
      /reads pack format version 1/,
    );
    expect(() => parsePackText(text({ ...valid(), format: 'something-else' }))).toThrow(/format/);
    expect(() => parsePackText('null')).toThrow(/not a valid question pack/);
  });

  it('survives fuzzed packs: every bad one is refused with a clear error, never a crash', () => {
    const random = seededRandom(2026);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const hostile: unknown[] = [
      null,
      42,
      'x'.repeat(6000),
      [],
      {},
      { $ref: '#' },
      '<img src=x onerror=alert(1)>',
      'javascript:alert(1)',
      '\u0000',
      -1,
      1e308,
      true,
    ];
    let refused = 0;
    for (let i = 0; i < 300; i++) {
      const pack = JSON.parse(text(valid())) as Record<string, unknown>;
      const questions = pack['questions'] as Record<string, unknown>[];
      const target = pick([
        pack,
        pack['pack'] as Record<string, unknown>,
        questions[Math.floor(random() * questions.length)]!,
      ]);
      const key = pick(Object.keys(target));
      const mutation = pick(['replace', 'delete', 'nest']);
      if (mutation === 'delete') delete target[key];
      else if (mutation === 'nest') target[key] = JSON.parse('['.repeat(40) + ']'.repeat(40));
      else target[key] = pick(hostile);
      let error: unknown;
      try {
        parsePackText(text(pack));
      } catch (e) {
        error = e;
      }
      if (error === undefined) continue; // some mutations are harmless (an optional field removed)
      refused++;
      expect(error).toMatchObject({
        code: 'VALIDATION',
        message: expect.stringMatching(/pack|nests/),
      });
    }
    expect(refused).toBeGreaterThan(200);
  });
});
