// Spelling by dictionary lookup: Hunspell's en_US word list (dictionary-en, read by nspell), plus
// the vocabulary of the question bank and a short list of everyday technical words. A lookup is
// microseconds; suggestions come from single edits (and splitting run-together words) checked
// against the same dictionary, which is ~50x faster than nspell's own suggest().
import type NSpell from 'nspell';
import { TECH_VOCABULARY } from './tech-vocabulary';

export interface SpellChecker {
  /** e.g. "hunspell-en_US@dictionary-en-4.0.0" */
  readonly id: string;
  isKnown(word: string): boolean;
  /** Up to `max` known words one edit away (or the word split in two), best first. */
  suggest(word: string, max?: number): string[];
  /** Words to accept from now on (the bank's vocabulary, a question's own terms). */
  add(words: Iterable<string>): void;
}

/** Keep in step with package.json; spelling.test.ts checks it against the installed package. */
export const DICTIONARY_EN_VERSION = '4.0.0';

export async function loadSpellChecker(): Promise<SpellChecker> {
  // Imported when first needed: the dictionary is ~550 kB of text parsed in ~200 ms.
  const [{ default: nspell }, { default: dictionary }] = await Promise.all([
    import('nspell'),
    import('dictionary-en'),
  ]);
  // dictionary-en reads its files with fs, so they are Buffers; its types only promise Uint8Array.
  const spell = nspell({ aff: Buffer.from(dictionary.aff), dic: Buffer.from(dictionary.dic) });
  const extra = new Set<string>(TECH_VOCABULARY);
  return new DictionarySpellChecker(spell, extra);
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

class DictionarySpellChecker implements SpellChecker {
  readonly id = `hunspell-en_US@dictionary-en-${DICTIONARY_EN_VERSION}`;

  constructor(
    private readonly spell: NSpell,
    private readonly extra: Set<string>,
  ) {}

  add(words: Iterable<string>): void {
    for (const word of words) if (word.length > 1) this.extra.add(word.toLowerCase());
  }

  isKnown(word: string): boolean {
    const w = word.replace(/’/g, "'");
    const lower = w.toLowerCase();
    if (this.extra.has(lower) || this.spell.correct(w) || this.spell.correct(lower)) return true;
    // Possessives and plurals of known words ("team's", "APIs", "webhooks").
    const base = lower.replace(/'s$|s'$/, '').replace(/(?<=[a-z]{3})s$/, '');
    return base !== lower && (this.extra.has(base) || this.spell.correct(base));
  }

  suggest(word: string, max = 3): string[] {
    const lower = word.toLowerCase();
    const found: string[] = [];
    const consider = (candidate: string) => {
      if (candidate !== lower && !found.includes(candidate) && this.isKnown(candidate))
        found.push(candidate);
    };
    // Most typos are one of these, roughly in this order of frequency.
    for (let i = 0; i + 1 < lower.length; i++)
      consider(lower.slice(0, i) + lower[i + 1] + lower[i] + lower.slice(i + 2));
    for (let i = 0; i < lower.length; i++) consider(lower.slice(0, i) + lower.slice(i + 1));
    for (let i = 0; i < lower.length; i++)
      for (const c of LETTERS) consider(lower.slice(0, i) + c + lower.slice(i + 1));
    for (let i = 0; i <= lower.length; i++)
      for (const c of LETTERS) consider(lower.slice(0, i) + c + lower.slice(i));
    // "atleast" → "at least"
    for (let i = 1; i < lower.length; i++) {
      const [a, b] = [lower.slice(0, i), lower.slice(i)];
      if (
        (a.length > 1 || a === 'a' || a === 'i') &&
        b.length > 1 &&
        this.isKnown(a) &&
        this.isKnown(b)
      )
        found.push(`${a} ${b}`);
    }
    // Words that keep the first letter are the likelier fix.
    const ranked = found
      .map((candidate, order) => ({ candidate, order, same: candidate[0] === lower[0] ? 0 : 1 }))
      .sort((x, y) => x.same - y.same || x.order - y.order)
      .slice(0, max)
      .map((c) => c.candidate);
    return ranked.map((c) => matchCase(word, c));
  }
}

function matchCase(original: string, replacement: string): string {
  if (original.length > 1 && original === original.toUpperCase()) return replacement.toUpperCase();
  if (original[0] && original[0] === original[0].toUpperCase())
    return replacement[0]!.toUpperCase() + replacement.slice(1);
  return replacement;
}
