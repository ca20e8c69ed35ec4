/**
 * Word error rate of a transcript against a reference: (substitutions + deletions + insertions)
 * / reference words, after both are lower-cased and stripped of punctuation, so "Country." and
 * "country" are the same word. The usual speech-recognition measure, used by the real-Whisper
 * tests and the speech bench.
 */
export function wordErrorRate(reference: string, hypothesis: string): number {
  const ref = normalisedWords(reference);
  const hyp = normalisedWords(hypothesis);
  if (ref.length === 0) throw new Error('the reference transcript has no words');
  // Levenshtein distance over words, one row at a time.
  let previous = Array.from({ length: hyp.length + 1 }, (_, j) => j);
  for (let i = 1; i <= ref.length; i++) {
    const current = [i];
    for (let j = 1; j <= hyp.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (ref[i - 1] === hyp[j - 1] ? 0 : 1);
      current.push(Math.min(substitution, (previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1));
    }
    previous = current;
  }
  return (previous[hyp.length] ?? 0) / ref.length;
}

/** Lower-case words without punctuation; apostrophes inside words stay ("don't"). */
export function normalisedWords(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[^\p{L}\p{N}']+/gu, ' ')
    .split(' ')
    .map((w) => w.replace(/^'+|'+$/g, ''))
    .filter((w) => w.length > 0);
}
