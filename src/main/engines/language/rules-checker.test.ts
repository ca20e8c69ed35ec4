import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GrammarChecker, GrammarIssue } from './harper-checker';
import { takesAn } from './pattern-rules';
import { createRulesGrammarChecker, type SpellingVocabulary } from './rules-checker';
import { DICTIONARY_EN_VERSION, loadSpellChecker, type SpellChecker } from './spelling';

let checker: GrammarChecker & SpellingVocabulary;
let spelling: SpellChecker;
beforeAll(async () => {
  [checker, spelling] = await Promise.all([createRulesGrammarChecker(), loadSpellChecker()]);
});

const flagged = (text: string, issues: GrammarIssue[]) =>
  issues.map((i) => `${text.slice(i.start, i.end)}→${i.suggestions[0] ?? ''}`);

describe('spelling (Hunspell en_US word list)', () => {
  it('names the installed dictionary version', () => {
    const pkg = JSON.parse(
      readFileSync(
        new URL('../../../../node_modules/dictionary-en/package.json', import.meta.url),
        'utf8',
      ),
    ) as { version: string };
    expect(DICTIONARY_EN_VERSION).toBe(pkg.version);
  });

  it('knows plain English, plurals, possessives and everyday technical words', () => {
    for (const word of [
      'received',
      'teams',
      "team's",
      'Kubernetes',
      'webhooks',
      'frontend',
      'APIs',
    ])
      expect(spelling.isKnown(word), word).toBe(true);
    for (const word of ['recieved', 'devilopment', 'funcion'])
      expect(spelling.isKnown(word), word).toBe(false);
  });

  it('suggests single-edit fixes first, and splits run-together words', () => {
    expect(spelling.suggest('recieved')[0]).toBe('received');
    expect(spelling.suggest('funcion')).toContain('function');
    expect(spelling.suggest('atleast')).toContain('at least');
    expect(spelling.suggest('Teh')[0]).toBe('The');
  });
});

describe('rules grammar checker', () => {
  it('flags misspellings with offsets and suggestions', async () => {
    const text = 'I recieved the report and fixed the funcion.';
    expect(flagged(text, await checker.check(text))).toEqual([
      'recieved→received',
      'funcion→function',
    ]);
  });

  it('leaves names, acronyms, camelCase, code, addresses and the question’s own terms alone', async () => {
    const text =
      'Then Priya and I moved the SQL to DynamoDB via `fooBar.bazQux()` and arrayPtr, see https://exmpl.io/qwrt or ops@exmpl.io; the flurbish cache held.';
    expect(flagged(text, await checker.check(text, { knownWords: ['flurbish'] }))).toEqual([]);
    expect((await checker.check(text)).map((i) => text.slice(i.start, i.end))).toEqual([
      'flurbish',
    ]);
  });

  it('accepts words it was taught (the question bank’s vocabulary)', async () => {
    const text = 'We used a zorblax queue.';
    expect(await checker.check(text)).toHaveLength(1);
    checker.addWords(['zorblax']);
    expect(await checker.check(text)).toEqual([]);
  });

  it('finds the common grammar mistakes', async () => {
    const cases: [string, string[]][] = [
      ['He go to the office and she have a car.', ['go→goes', 'have→has']],
      ['We was late, so they was too.', ['was→were', 'was→were']],
      ['I has two cats.', ['has→have']],
      ['You could of asked.', ['of→have']],
      ['It is faster then before.', ['then→than']],
      ['I think its a good idea.', ["its→it's"]],
      ['I wrote a integer and an report.', ['a→an', 'an→a']],
      ['The the server crashed.', ['the→']],
      ['Then i fixed it.', ['i→I']],
      ['It crashed. then it restarted.', ['t→T']],
    ];
    for (const [text, expected] of cases)
      expect(flagged(text, await checker.check(text)), text).toEqual(expected);
  });

  it('does not flag correct sentences that look like the mistakes', async () => {
    const fine = [
      'Does he go there? Let it run. I made her have a look.',
      'If she were here, she would agree.',
      'I wrote an SQL query, an API and a URL in an hour; a user and a one-off job.',
      'He had had enough. I knew that that was wrong.',
      'It is better than before, e.g. the cache. It has been fine.',
      'for i = 0; i < n; i++',
      'Its value changed; the team kept its promise.',
    ];
    for (const text of fine) expect(flagged(text, await checker.check(text)), text).toEqual([]);
  });

  it('reads the first sound of a word for a/an', () => {
    expect(['apple', 'hour', 'honest', 'MBA', 'SQL', 'API', 'x-ray'].map(takesAn)).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
      false,
    ]);
    expect(['user', 'one', 'URL', 'union', 'European', 'cat', 'UI'].map(takesAn)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('checks a 20,000-word answer and returns at most 200 issues, in order', async () => {
    const text = 'I recieved it and he go home. '.repeat(3000);
    const issues = await checker.check(text);
    expect(issues).toHaveLength(200);
    expect(issues.map((i) => i.start)).toEqual(
      [...issues.map((i) => i.start)].sort((a, b) => a - b),
    );
  });
});
