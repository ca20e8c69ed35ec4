// Plain-language views of what the evaluation measured in an answer (AnswerResult.analysis):
// highlight spans for the answer text, and labels for the "What we measured" list. Everything
// here describes the wording, never the person.
import type { AnswerResult } from '../../../shared/contract';
import { findFillers } from '../../../shared/fillers';

type Analysis = AnswerResult['analysis'];
export type GrammarIssue = Analysis['grammarIssues'][number];

/** A run of the answer text, highlighted or not. */
export interface AnswerSegment {
  readonly text: string;
  readonly mark?: { readonly kind: 'issue' | 'filler'; readonly title: string };
}

interface Span {
  start: number;
  end: number;
  kind: 'issue' | 'filler';
  title: string;
}

/**
 * Splits the answer into plain and highlighted runs. Grammar issues come first; offsets that are
 * not whole numbers, run backwards or fall outside the text are ignored, and a span that overlaps
 * one already kept adds its note to that one instead of nesting. Filler words are found by word,
 * as the scorer counts them, wherever they do not touch a grammar issue.
 */
export function answerSegments(text: string, analysis: Analysis): AnswerSegment[] {
  const spans: Span[] = [];
  const issues = usableIssues(text, analysis.grammarIssues).sort(
    (a, b) => a.start - b.start || b.end - a.end,
  );
  for (const issue of issues) {
    const last = spans[spans.length - 1];
    if (last && issue.start < last.end) {
      last.title = `${last.title}\n${issueTitle(issue)}`;
    } else {
      spans.push({ start: issue.start, end: issue.end, kind: 'issue', title: issueTitle(issue) });
    }
  }
  const fillers = fillerSpans(text, Object.keys(analysis.fillers)).filter(
    (f) => !spans.some((s) => f.start < s.end && s.start < f.end),
  );
  const all = [...spans, ...fillers].sort((a, b) => a.start - b.start);

  const out: AnswerSegment[] = [];
  let at = 0;
  for (const span of all) {
    if (span.start < at) continue;
    if (span.start > at) out.push({ text: text.slice(at, span.start) });
    out.push({
      text: text.slice(span.start, span.end),
      mark: { kind: span.kind, title: span.title },
    });
    at = span.end;
  }
  if (at < text.length) out.push({ text: text.slice(at) });
  return out;
}

/** The issues whose offsets mark a non-empty span of the text, never splitting a character. */
export function usableIssues(text: string, issues: readonly GrammarIssue[]): GrammarIssue[] {
  return issues
    .filter(
      (i) =>
        Number.isInteger(i.start) &&
        Number.isInteger(i.end) &&
        i.start >= 0 &&
        i.end <= text.length,
    )
    .map((i) => ({ ...i, start: snap(text, i.start), end: snap(text, i.end) }))
    .filter((i) => i.start < i.end);
}

/** Moves an offset that falls inside a surrogate pair to the start of the pair. */
function snap(text: string, index: number): number {
  const code = text.charCodeAt(index);
  const before = text.charCodeAt(index - 1);
  const lowSurrogate = code >= 0xdc00 && code <= 0xdfff;
  const afterHigh = before >= 0xd800 && before <= 0xdbff;
  return lowSurrogate && afterHigh ? index - 1 : index;
}

/** Where the scorer's fillers are in the text (the same definition, see shared/fillers.ts). */
function fillerSpans(text: string, counted: readonly string[]): Span[] {
  const shown = new Set(counted);
  return findFillers(text)
    .filter((f) => shown.has(f.filler))
    .map((f) => ({
      start: f.start,
      end: f.end,
      kind: 'filler',
      title: `Filler word: “${f.filler}”`,
    }));
}

/** "WordChoice" → "Word choice"; an empty kind reads as "Language". */
export function issueKindLabel(kind: string): string {
  const words = kind
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words === '' ? 'Language' : words.charAt(0).toUpperCase() + words.slice(1);
}

/** "Spelling: did you mean “received”?", then the checker's own message. */
export function issueTitle(issue: GrammarIssue): string {
  const kind = issueKindLabel(issue.kind);
  const quoted = issue.suggestions.filter((s) => s !== '').map((s) => `“${s}”`);
  const head =
    quoted.length > 0
      ? `${kind}: did you mean ${joinOr(quoted)}?`
      : issue.suggestions.includes('')
        ? `${kind}: consider removing this`
        : kind;
  // Harper quotes words in backticks: shown as typographic quotes in a tooltip.
  const message = issue.message.trim().replace(/`([^`]*)`/g, '“$1”');
  return message === '' ? head : `${head}\n${message}`;
}

function joinOr(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/** "i think" → "I think": hedges and fillers are stored lower-cased. */
export function phrase(words: string): string {
  return words.replace(/\bi\b/g, 'I');
}

export function specificityLabel(value: number): string {
  if (value >= 0.5) return 'concrete: numbers and specifics in most sentences';
  if (value > 0) return 'some specifics: numbers or measures in a few sentences';
  return 'general: no numbers or measures';
}

export function vocabularyLabel(value: number): string {
  if (value >= 0.8) return 'varied: few words repeated';
  if (value >= 0.6) return 'some words repeated';
  return 'many words repeated';
}

export function toneLabel(sentiment: number): 'positive' | 'neutral' | 'negative' {
  if (sentiment > 0.2) return 'positive';
  if (sentiment < -0.2) return 'negative';
  return 'neutral';
}

const FLAG_LABELS: Record<string, string> = {
  'instructions-to-grader': 'part of the answer spoke to the grader; it earned nothing',
  'mostly-non-english': 'mostly not in English; the scoring reads English words best',
  'code-block': 'contains code, which is read as plain text',
  'very-long': 'very long: over 3,000 words',
  'very-short': 'very short: fewer than 8 words',
  'no-attempt': 'no attempt: the answer says there is no answer',
  empty: 'no words to score',
};

export function flagLabel(flag: string): string {
  return FLAG_LABELS[flag] ?? flag.replace(/-/g, ' ');
}

/**
 * "lexical@3+rules-grammar@1+hunspell-en_US@dictionary-en-4.0.0+wink-nlp@2.4.0" → friendly names,
 * in order, once each. Anything unknown is the embedding model, named by its id.
 */
export function engineNames(engine: string): string[] {
  const names = engine
    .split('+')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const at = part.lastIndexOf('@');
      const name = (at > 0 ? part.slice(0, at) : part).toLowerCase();
      if (name === 'lexical') return 'rule-based scoring';
      if (name.startsWith('harper')) return 'grammar checker (Harper)';
      if (name === 'rules-grammar') return 'grammar rules';
      if (name.startsWith('hunspell')) return 'spelling dictionary (Hunspell en_US)';
      if (name.startsWith('wink')) return 'language analysis (wink-nlp)';
      if (name.startsWith('wordnet')) return 'thesaurus (WordNet)';
      return `meaning model (${at > 0 ? part.slice(0, at) : part})`;
    });
  return [...new Set(names)];
}

export const STAR_PARTS = ['situation', 'task', 'action', 'result'] as const;
