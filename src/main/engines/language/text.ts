// Plain-text helpers for the lexical scorer: Unicode-aware tokens, English stopwords and a light
// suffix stemmer. Deliberately small: the evaluation-engine issue brings lemmas and embeddings.

const STOPWORDS = new Set(
  (
    'a about above after again against all am an and any are as at be because been before being ' +
    'below between both but by can could did do does doing down during each few for from further ' +
    'had has have having he her here hers herself him himself his how i if in into is it its ' +
    'itself just me more most my myself no nor not now of off on once only or other our ours ' +
    'ourselves out over own same she should so some such than that the their theirs them ' +
    'themselves then there these they this those through to too under until up very was we were ' +
    'what when where which while who whom why will with would you your yours yourself yourselves ' +
    "also i'm i've i'd it's that's we'd we're we've they're don't didn't can't won't"
  ).split(' '),
);

/** Lower-cased words (letters, digits, inner apostrophes/hyphens), in any script. */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? [];
}

export function isStopword(word: string): boolean {
  return STOPWORDS.has(word.replace('’', "'"));
}

/**
 * Stopwords that still carry an answer's meaning: negation and order in time. "It runs at least
 * once", "checks the condition before it runs" and "cannot be accessed outside" say what the
 * ideal answer says only with them, so comparing an answer with an ideal answer keeps them; the
 * rest of the app (search, similar questions, follow-up terms) drops them with the others.
 */
const MEANINGFUL_STOPWORDS = new Set(
  "not no nor don't didn't can't won't once before after until again then".split(' '),
);

/** A stopword for comparing an answer with its ideal answer (see MEANINGFUL_STOPWORDS). */
export function isScoringStopword(word: string): boolean {
  return isStopword(word) && !MEANINGFUL_STOPWORDS.has(word.replace('’', "'"));
}

/** Strips common English suffixes so "indexes", "indexing" and "indexed" meet. */
export function stem(word: string): string {
  let w = word.replace(/['’]s$/, '');
  if (w.length <= 3 || !/^[a-z]+$/.test(w)) return w;
  const rules: readonly [RegExp, string][] = [
    [/ies$/, 'y'],
    [/(x|ch|sh|ss|z)es$/, '$1'],
    [/(ss|us)$/, '$1'],
    [/([^s])s$/, '$1'],
  ];
  for (const [pattern, replacement] of rules) {
    if (pattern.test(w)) {
      w = w.replace(pattern, replacement);
      break;
    }
  }
  for (const suffix of [
    'ational',
    'ization',
    'ation',
    'ments',
    'ment',
    'ness',
    'ing',
    'ed',
    'ly',
    'er',
  ]) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 3) {
      w = w.slice(0, -suffix.length);
      break;
    }
  }
  // Collapse a doubled final consonant left by -ing/-ed ("planning" -> "plann" -> "plan").
  if (/([b-df-hj-np-tv-z])\1$/.test(w)) w = w.slice(0, -1);
  return w;
}

/** Stems of the content words: stopwords (by default the app's list) dropped. */
export function contentStems(
  text: string,
  stopword: (word: string) => boolean = isStopword,
): string[] {
  return contentWords(text, stopword).map((w) => w.stem);
}

/** The content words themselves, each with its stem. */
export function contentWords(
  text: string,
  stopword: (word: string) => boolean = isStopword,
): { word: string; stem: string }[] {
  // "last-in" and "last in" should meet, so hyphenated words count as their parts.
  // A hyphenated word made only of stopwords ("as-is") stays whole.
  return words(text)
    .flatMap((w) => {
      const parts = w.split('-').filter((p) => p !== '' && !stopword(p));
      return parts.length > 0 ? parts : stopword(w) ? [] : [w];
    })
    .map((word) => ({ word, stem: stem(word) }));
}

export function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?。！？])\s+|\n+/u)
    .map((s) => s.trim())
    .filter((s) => words(s).length > 0);
}

export function termFrequencies(stems: readonly string[]): Map<string, number> {
  const tf = new Map<string, number>();
  for (const s of stems) tf.set(s, (tf.get(s) ?? 0) + 1);
  return tf;
}

/** Cosine similarity of two weighted term vectors. */
export function cosine(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (const [term, wa] of a) {
    normA += wa * wa;
    const wb = b.get(term);
    if (wb !== undefined) dot += wa * wb;
  }
  for (const wb of b.values()) normB += wb * wb;
  return normA === 0 || normB === 0 ? 0 : dot / Math.sqrt(normA * normB);
}
