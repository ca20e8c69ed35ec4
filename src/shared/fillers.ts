// Filler words, found where they are in the answer text: one definition for the scorer that counts
// them and the results screen that shades them, so the two always agree.

/** Hesitation sounds as people transcribe them, and words and phrases that fill a pause. */
const FILLERS = [
  'um',
  'umm',
  'uhm',
  'uh',
  'uhh',
  'erm',
  'er',
  'ah',
  'hmm',
  'basically',
  'actually',
  'literally',
  'you know',
  'sort of',
  'kind of',
  'i mean',
] as const;

// "like" set off by a pause (", like,") is a filler. Otherwise it is a verb after a subject or a
// modal ("I like", "would like") and a preposition in comparisons and examples ("looks like",
// "tools like Jira"); only the rest is a filler.
const LIKE_VERB_BEFORE = new Set(
  "i you we they he she who people would i'd we'd you'd they'd really also don't didn't doesn't not to do did does still".split(
    ' ',
  ),
);
const LIKE_PREPOSITION_BEFORE = new Set(
  'look looks looked sound sounds sounded feel feels felt seem seems something things tools languages just much more exactly anything nothing stuff companies teams products'.split(
    ' ',
  ),
);
const LIKE_PREPOSITION_AFTER = new Set('this that these those them it me us a an the'.split(' '));

export interface FillerSpan {
  /** The filler as counted, in lower case ("um", "you know", "like"). */
  readonly filler: string;
  readonly start: number;
  readonly end: number;
}

interface Token {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

const TOKEN = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*|[,.!?;:…—–-]/gu;
const isPause = (t: Token | undefined) => t === undefined || !/[\p{L}\p{N}]/u.test(t.text);

/** Whether "like" at tokens[i] is a filler. */
function isFillerLike(tokens: readonly Token[], i: number): boolean {
  const before = tokens[i - 1];
  const after = tokens[i + 1];
  const next = after?.text ?? '';
  if (isPause(after) || (before?.text === ',' && !LIKE_PREPOSITION_AFTER.has(next))) return true;
  if (before === undefined || isPause(before)) return true;
  if (LIKE_VERB_BEFORE.has(before.text) || LIKE_PREPOSITION_BEFORE.has(before.text)) return false;
  // "was like" introduces a quote or a hedge ("I was like, …"); "is like a …" is a comparison.
  if (['is', 'was', 'be'].includes(before.text)) return !LIKE_PREPOSITION_AFTER.has(next);
  return true;
}

/** Every filler in the text, in order, without overlaps. */
export function findFillers(text: string): FillerSpan[] {
  const tokens: Token[] = [...text.matchAll(TOKEN)].map((m) => ({
    text: m[0].toLowerCase().replace('’', "'"),
    start: m.index,
    end: m.index + m[0].length,
  }));
  const spans: FillerSpan[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.text === 'like') {
      if (isFillerLike(tokens, i))
        spans.push({ filler: 'like', start: token.start, end: token.end });
      continue;
    }
    for (const filler of FILLERS) {
      const parts = filler.split(' ');
      if (parts.every((p, k) => tokens[i + k]?.text === p)) {
        const last = tokens[i + parts.length - 1]!;
        spans.push({ filler, start: token.start, end: last.end });
        i += parts.length - 1;
        break;
      }
    }
  }
  return spans;
}
