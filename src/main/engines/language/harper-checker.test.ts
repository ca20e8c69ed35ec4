import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors';
import {
  CHUNK_CHARS,
  ESSENTIAL_RULES,
  HARPER_VERSION,
  MAX_ISSUES,
  chunksOf,
  createGrammarChecker,
  toUtf16Span,
  type GrammarChecker,
  type GrammarIssue,
} from './harper-checker';

// The real Harper binary: setup takes a couple of seconds, so one checker serves the file.
let checker: GrammarChecker;
beforeAll(async () => {
  checker = await createGrammarChecker();
}, 60_000);
afterAll(async () => {
  await checker.dispose();
});

const flagged = (text: string, issues: GrammarIssue[]): string[] =>
  issues.map((i) => text.slice(i.start, i.end));

const CLEAN = 'I received the report yesterday and shared it with the team. ';

describe('grammar checker', () => {
  it('names the installed harper.js version', () => {
    const pkg = JSON.parse(
      readFileSync(
        new URL('../../../../node_modules/harper.js/package.json', import.meta.url),
        'utf8',
      ),
    ) as { version: string };
    expect(HARPER_VERSION).toBe(pkg.version);
    expect(checker.id).toBe(`harper.js@${pkg.version}`);
  });

  it('finds a misspelling, with offsets that slice to the word and a fix', async () => {
    const text = 'I recieved the report';
    const issues = await checker.check(text);
    expect(issues).toHaveLength(1);
    const [issue] = issues;
    expect(issue?.kind).toBe('Spelling');
    expect(text.slice(issue?.start, issue?.end)).toBe('recieved');
    expect(issue?.suggestions).toContain('received');
    expect(issue?.suggestions.length).toBeLessThanOrEqual(3);
    expect(issue?.message).not.toBe('');
  });

  it('accepts a clean sentence', async () => {
    expect(await checker.check(CLEAN.trim())).toEqual([]);
    expect(await checker.check('')).toEqual([]);
    expect(await checker.check('   \n ')).toEqual([]);
  });

  it('keeps UTF-16 offsets right after emoji, ZWJ sequences and astral characters', async () => {
    const text = '😀 👍🏽 👨‍👩‍👧 𝐀𝐁 Café: I recieved teh report.';
    const issues = await checker.check(text);
    expect(flagged(text, issues)).toEqual(['recieved', 'teh']);
    expect(issues.map((i) => i.kind)).toEqual(['Spelling', 'Spelling']);
  });

  it('reports repetition and capitalisation but leaves fillers and hedges to answerSignals', async () => {
    const text = 'Um, so I went to the the store and i think it was fine, uh, maybe.';
    const issues = await checker.check(text);
    expect(issues.map((i) => i.kind)).toEqual(['Repetition', 'Capitalization']);
    expect(flagged(text, issues)).toEqual(['the the', 'i']);
  });

  it('checks a long answer in chunks, with offsets into the whole text', async () => {
    const body = CLEAN.repeat(Math.ceil(25_000 / CLEAN.length));
    const text = `${body}Finally I recieved it. ${CLEAN}`;
    expect(text.length).toBeGreaterThan(CHUNK_CHARS);
    const issues = await checker.check(text);
    expect(flagged(text, issues)).toEqual(['recieved']);
    expect(issues[0]?.start).toBeGreaterThan(CHUNK_CHARS);
  }, 20_000);

  it('returns at most MAX_ISSUES, in order, for a 25,000-character answer full of errors', async () => {
    const sentence = 'I recieved teh report and the the team liked it. ';
    const text = sentence.repeat(Math.ceil(25_000 / sentence.length));
    const started = performance.now();
    const issues = await checker.check(text);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(issues).toHaveLength(MAX_ISSUES);
    const starts = issues.map((i) => i.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    for (const word of flagged(text, issues))
      expect(['recieved', 'teh', 'the the']).toContain(word);
  }, 20_000);

  it('does not throw on text that is not English', async () => {
    for (const text of [
      "Je suis allé au marché hier et j'ai acheté des pommes.",
      '我昨天去了市场，买了苹果。',
      'Я вчера ходил на рынок.',
      'ذهبت إلى السوق أمس.',
      '```ts\nconst x: number = 1;\n```',
      '\u0000\ud800 broken \uffff',
    ]) {
      const issues = await checker.check(text);
      expect(Array.isArray(issues)).toBe(true);
      for (const i of issues) expect(i.end).toBeLessThanOrEqual(text.length);
    }
  });

  it('follows the chosen dialect', async () => {
    const british = await createGrammarChecker({ dialect: 'british' });
    try {
      const text = 'I organised the colour of the centre.';
      expect(await british.check(text)).toEqual([]);
      expect(flagged(text, await checker.check(text))).toEqual(['organised', 'colour', 'centre']);
    } finally {
      await british.dispose();
    }
  }, 60_000);

  it('checks the essential rules by default and the whole set on request', async () => {
    const { LocalLinter } = await import('harper.js');
    const { binaryInlined } = await import('harper.js/binaryInlined');
    const probe = new LocalLinter({ binary: binaryInlined });
    const known = Object.keys(await probe.getLintConfig());
    await probe.dispose();
    expect(ESSENTIAL_RULES.filter((rule) => !known.includes(rule))).toEqual([]);

    // An Oxford comma is a style preference of edited prose, not a mistake in an answer.
    const text = 'I wrote the tests, the docs and the release notes.';
    const all = await createGrammarChecker({ rules: 'all' });
    try {
      expect((await all.check(text)).map((i) => i.kind)).toContain('Style');
      expect(await checker.check(text)).toEqual([]);
      const wrong = 'He go to the office and they was late.';
      expect((await checker.check(wrong)).length).toBeGreaterThan(0);
    } finally {
      await all.dispose();
    }
  }, 60_000);

  it('rejects checks after dispose, and disposing twice is harmless', async () => {
    const other = await createGrammarChecker();
    const pending = other.check('I recieved it.');
    await other.dispose();
    await other.dispose();
    expect(await pending).toHaveLength(1);
    const error: unknown = await other.check('text').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('INVALID_STATE');
  }, 60_000);
});

describe('chunksOf', () => {
  it('covers the text exactly, cutting after a sentence where it can', () => {
    const text = 'One two three. Four five six. Seven eight nine ten.';
    const chunks = chunksOf(text, 20);
    expect(chunks.map((c) => c.text).join('')).toBe(text);
    for (const c of chunks) {
      expect(c.text.length).toBeLessThanOrEqual(20);
      expect(text.slice(c.offset, c.offset + c.text.length)).toBe(c.text);
    }
    expect(chunks[0]?.text).toBe('One two three. ');
  });

  it('never splits a surrogate pair when it must cut mid-word', () => {
    const text = '😀'.repeat(15);
    const chunks = chunksOf(text, 9);
    expect(chunks.map((c) => c.text).join('')).toBe(text);
    for (const c of chunks) expect(c.text).toMatch(/^(?:😀)+$/u);
  });
});

describe('toUtf16Span', () => {
  it('keeps UTF-16 spans and converts code-point spans', () => {
    const text = '😀😀 I recieved it';
    expect(toUtf16Span(text, 7, 15, 'recieved')).toEqual([7, 15]);
    expect(toUtf16Span(text, 5, 13, 'recieved')).toEqual([7, 15]);
    expect(toUtf16Span(text, 90, 99, 'x')).toEqual([text.length, text.length]);
  });
});
