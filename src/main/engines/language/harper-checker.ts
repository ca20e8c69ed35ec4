// Spelling and grammar issues in an answer, found offline by Harper (harper.js, WebAssembly). The
// binary is the inlined one, so nothing is fetched; it is imported only when a checker is made,
// because the module is ~21 MB of JavaScript. Harper's own filler-word and hedging rules are off:
// answerSignals (scoring/signals.ts) already counts those, and one source is enough.
import type { Lint, LocalLinter } from 'harper.js';
import { AppError } from '../../platform/errors';

export interface GrammarIssue {
  /** UTF-16 offsets into the checked text (what JS string indices use). */
  readonly start: number;
  readonly end: number;
  /** Harper's lint kind, e.g. "Spelling", "Capitalization", "Repetition". */
  readonly kind: string;
  readonly message: string;
  /** Replacement texts, at most 3 ("" means: delete the flagged text). */
  readonly suggestions: string[];
}

export interface GrammarChecker {
  readonly id: string;
  /** `knownWords`: terms to accept as spelled right here (the question's own vocabulary). */
  check(
    text: string,
    options?: { readonly knownWords?: readonly string[] },
  ): Promise<GrammarIssue[]>;
  dispose(): Promise<void>;
}

export interface GrammarCheckerOptions {
  readonly dialect?: 'american' | 'british';
  /**
   * 'essential' (default): the rules below. 'all': Harper's whole set, ~880 rules, most of them
   * idiom and style rules for edited prose (Oxford commas, ellipsis characters, "a whole nother")
   * that say little about a spoken or typed answer, and that make a check ~5x slower.
   */
  readonly rules?: 'essential' | 'all';
}

/** Keep in step with package.json; grammar.test.ts checks it against the installed package. */
export const HARPER_VERSION = '2.10.0';
/** Texts longer than this are checked in chunks of at most this many UTF-16 units, cut at a
 * sentence end (else a space) so no word is split. Harper takes ~150 ms per full chunk. */
export const CHUNK_CHARS = 20_000;
/** Text beyond this is not checked at all (truncated): about 4× a 30-minute spoken answer. */
export const MAX_CHECKED_CHARS = 100_000;
export const MAX_ISSUES = 200;
const MAX_SUGGESTIONS = 3;
const DISABLED_RULES = ['FillerWords', 'Hedging'] as const;
/** Mistakes an interviewer would notice in an answer: spelling, agreement, articles, tense and
 * the common word confusions. Names are Harper's rule keys (a test checks they all exist). */
export const ESSENTIAL_RULES = [
  'SpellCheck',
  'SentenceCapitalization',
  'CapitalizePersonalPronouns',
  'AnA',
  'AnAnother',
  'RepeatedWords',
  'SplitWords',
  'MergeWords',
  'MassNouns',
  'WrongNegative',
  'DoubleNegative',
  'DoubleModal',
  'AdjectiveDoubleDegree',
  'MissingTo',
  'InflectedVerbAfterTo',
  'DidPast',
  'SimplePastToPastParticiple',
  'PronounVerbAgreement',
  'PronounInflectionBe',
  'PronounContraction',
  'IAmAgreement',
  'ThereIsAgreement',
  'ItsPossessive',
  'ItsContraction',
  'PossessiveYour',
  'ThereToTheir',
  'TheirToThere',
  'TheirToTheyre',
  'TheyreToTheir',
  'ThenThan',
  'ThatThan',
  'ToLoseTooLoose',
  'WereWhere',
  'NounVerbConfusion',
  'ModalOf',
  'WhomSubjectOfVerb',
  'SubjectPronoun',
] as const;

export async function createGrammarChecker(
  options: GrammarCheckerOptions = {},
): Promise<GrammarChecker> {
  const [{ LocalLinter, Dialect }, { binaryInlined }] = await Promise.all([
    import('harper.js'),
    import('harper.js/binaryInlined'),
  ]);
  const dialect = options.dialect === 'british' ? Dialect.British : Dialect.American;
  const linter = new LocalLinter({ binary: binaryInlined, dialect });
  try {
    await linter.setup();
    const config = await linter.getLintConfig();
    if (options.rules !== 'all') {
      const essential = new Set<string>(ESSENTIAL_RULES);
      for (const rule of Object.keys(config)) config[rule] = essential.has(rule);
    }
    for (const rule of DISABLED_RULES) if (rule in config) config[rule] = false;
    await linter.setLintConfig(config);
  } catch (error) {
    await linter.dispose().catch(() => undefined);
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppError('INTERNAL', `The grammar checker could not start: ${reason}`);
  }
  return new HarperChecker(linter);
}

class HarperChecker implements GrammarChecker {
  readonly id = `harper.js@${HARPER_VERSION}`;
  private disposed = false;
  /** Calls run one at a time, so dispose() never frees the linter under a running check. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly linter: LocalLinter) {}

  /** Checks asked for before dispose() still complete; later ones reject with INVALID_STATE. */
  check(text: string): Promise<GrammarIssue[]> {
    if (this.disposed) return Promise.reject(closed());
    return this.enqueue(() => this.run(text));
  }

  dispose(): Promise<void> {
    if (this.disposed) return this.queue.then(() => undefined);
    this.disposed = true;
    return this.enqueue(() => this.linter.dispose());
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const result = this.queue.then(task);
    this.queue = result.catch(() => undefined);
    return result;
  }

  private async run(text: string): Promise<GrammarIssue[]> {
    if (!/\S/.test(text)) return []; // Harper would flag the spaces themselves ("French spaces").
    const issues: GrammarIssue[] = [];
    const chunks = chunksOf(text.slice(0, safeCut(text, MAX_CHECKED_CHARS)));
    for (const [i, chunk] of chunks.entries()) {
      // LocalLinter blocks the event loop while it lints; let other work run between chunks.
      if (i > 0) await yieldToEventLoop();
      const found: GrammarIssue[] = [];
      for (const lint of await this.linter.lint(chunk.text, { language: 'plaintext' })) {
        found.push(toIssue(lint, chunk.text, chunk.offset));
        lint.free();
      }
      found.sort((a, b) => a.start - b.start || a.end - b.end);
      issues.push(...found.slice(0, MAX_ISSUES - issues.length));
      if (issues.length >= MAX_ISSUES) break;
    }
    return issues;
  }
}

function closed(): AppError {
  return new AppError('INVALID_STATE', 'The grammar checker has been closed.');
}

function toIssue(lint: Lint, chunk: string, offset: number): GrammarIssue {
  const span = lint.span();
  const [start, end] = toUtf16Span(chunk, span.start, span.end, lint.get_problem_text());
  span.free();
  const suggestions: string[] = [];
  for (const suggestion of lint.suggestions()) {
    const replacement = suggestion.get_replacement_text();
    if (suggestions.length < MAX_SUGGESTIONS && !suggestions.includes(replacement)) {
      suggestions.push(replacement);
    }
    suggestion.free();
  }
  return {
    start: start + offset,
    end: end + offset,
    kind: lint.lint_kind(),
    message: lint.message(),
    suggestions,
  };
}

/**
 * Harper works in Rust chars (code points). harper.js 2.10.0 already hands back UTF-16 offsets
 * (checked with emoji, ZWJ sequences, astral CJK and combining marks before the flagged word), so
 * the first test passes; the code-point reading is a guard in case a later version stops
 * converting. Whatever happens, the result stays inside the text.
 */
export function toUtf16Span(
  text: string,
  start: number,
  end: number,
  problem: string,
): [number, number] {
  if (text.slice(start, end) === problem) return [start, end];
  const s = codePointToUtf16(text, start);
  const e = codePointToUtf16(text, end);
  if (text.slice(s, e) === problem) return [s, e];
  const clamp = (n: number): number => Math.max(0, Math.min(text.length, n));
  return [clamp(start), Math.max(clamp(start), clamp(end))];
}

function codePointToUtf16(text: string, index: number): number {
  let units = 0;
  let points = 0;
  for (const ch of text) {
    if (points === index) return units;
    units += ch.length;
    points += 1;
  }
  return text.length;
}

interface Chunk {
  readonly text: string;
  readonly offset: number;
}

/** Splits text into pieces of at most CHUNK_CHARS, preferring a sentence end, then a space. */
export function chunksOf(text: string, size = CHUNK_CHARS): Chunk[] {
  const chunks: Chunk[] = [];
  let offset = 0;
  while (offset < text.length) {
    let end = text.length;
    if (end - offset > size) {
      const window = text.slice(offset, offset + size);
      const sentence = lastMatchEnd(window, /[.!?…]["')\]]*\s+|\n\s*/g);
      const space = lastMatchEnd(window, /\s+/g);
      const cut = sentence > size / 2 ? sentence : space > size / 2 ? space : size;
      end = offset + (cut === size ? safeCut(text, offset + size) - offset : cut);
    }
    chunks.push({ text: text.slice(offset, end), offset });
    offset = end;
  }
  return chunks;
}

function lastMatchEnd(text: string, pattern: RegExp): number {
  let last = -1;
  for (const match of text.matchAll(pattern)) last = match.index + match[0].length;
  return last;
}

/** `index`, moved back one if it would split a surrogate pair. */
function safeCut(text: string, index: number): number {
  if (index <= 0 || index >= text.length) return Math.max(0, Math.min(index, text.length));
  const before = text.charCodeAt(index - 1);
  return before >= 0xd800 && before <= 0xdbff ? index - 1 : index;
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
