// The default grammar checker: dictionary spelling (spelling.ts) and pattern rules
// (grammar-rules.ts). About a millisecond per answer, where Harper needs ~10 ms for each
// sentence it has not seen before; Harper stays available as the thorough checker.
import type { GrammarChecker, GrammarIssue } from './harper-checker';
import { MAX_CHECKED_CHARS, MAX_ISSUES } from './harper-checker';
import { ruleIssues } from './pattern-rules';
import { loadSpellChecker, type SpellChecker } from './spelling';

export const RULES_GRAMMAR_VERSION = 1;

export async function createRulesGrammarChecker(): Promise<GrammarChecker & SpellingVocabulary> {
  return new RulesGrammarChecker(await loadSpellChecker());
}

export interface SpellingVocabulary {
  /** Words accepted as spelled right from now on (e.g. the question bank's vocabulary). */
  addWords(words: Iterable<string>): void;
}

class RulesGrammarChecker implements GrammarChecker, SpellingVocabulary {
  readonly id: string;

  constructor(private readonly spelling: SpellChecker) {
    this.id = `rules-grammar@${RULES_GRAMMAR_VERSION}+${spelling.id}`;
  }

  addWords(words: Iterable<string>): void {
    this.spelling.add(words);
  }

  async check(
    text: string,
    options: { knownWords?: readonly string[] } = {},
  ): Promise<GrammarIssue[]> {
    const checked = text.slice(0, MAX_CHECKED_CHARS);
    const skip = codeSpans(checked);
    const known = new Set((options.knownWords ?? []).map((w) => w.toLowerCase()));
    const issues = [...ruleIssues(checked, skip), ...this.spellingIssues(checked, skip, known)];
    issues.sort((a, b) => a.start - b.start || a.end - b.end);
    return dropOverlaps(issues).slice(0, MAX_ISSUES);
  }

  async dispose(): Promise<void> {}

  private spellingIssues(
    text: string,
    skip: readonly [number, number][],
    known: ReadonlySet<string>,
  ): GrammarIssue[] {
    const issues: GrammarIssue[] = [];
    for (const m of text.matchAll(/[\p{L}]+(?:['’][\p{L}]+)*/gu)) {
      const word = m[0];
      const start = m.index;
      const end = start + word.length;
      if (!isCheckable(word, text, start, end) || skip.some(([s, e]) => start >= s && start < e))
        continue;
      if (known.has(word.toLowerCase()) || this.spelling.isKnown(word)) continue;
      issues.push({
        start,
        end,
        kind: 'Spelling',
        message: `"${word}" may be misspelled.`,
        suggestions: this.spelling.suggest(word),
      });
    }
    return issues;
  }
}

/**
 * Words a dictionary can judge: plain English letters, not an acronym or camelCase name, not a
 * capitalised name inside a sentence, and not part of code, a path or an address.
 */
function isCheckable(word: string, text: string, start: number, end: number): boolean {
  if (word.length < 2 || !/^[A-Za-z'’]+$/.test(word)) return false;
  if (/[A-Z]/.test(word.slice(1))) return false;
  if (
    /^[A-Z]/.test(word) &&
    !/(^|[.!?:]\s+|\n\s*)$/.test(text.slice(Math.max(0, start - 4), start))
  )
    return false;
  const before = text[start - 1] ?? ' ';
  const after = text[end] ?? ' ';
  if (/[._/\\:@#$<>=(){}[\]*&|^~0-9-]/.test(before) && before !== '-') return false;
  if (/[(_/\\:@<>=[{0-9]/.test(after) || (after === '.' && /\w/.test(text[end + 1] ?? '')))
    return false;
  return true;
}

/** Code blocks and inline code (between backticks), URLs and e-mail addresses. */
function codeSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  for (const m of text.matchAll(
    /```[\s\S]*?(?:```|$)|`[^`\n]*`|https?:\/\/\S+|www\.\S+|\S+@\S+\.\w+/g,
  ))
    spans.push([m.index, m.index + m[0].length]);
  return spans;
}

/** Two rules flagging the same words say the same thing twice: the first (leftmost) stays. */
function dropOverlaps(sorted: GrammarIssue[]): GrammarIssue[] {
  const kept: GrammarIssue[] = [];
  for (const issue of sorted) {
    const last = kept[kept.length - 1];
    if (last && issue.start < last.end) continue;
    kept.push(issue);
  }
  return kept;
}
