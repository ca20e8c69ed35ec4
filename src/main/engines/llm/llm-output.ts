// What the LLM writes is checked like user input: parsed, validated with zod, repaired where a
// repair is safe (whitespace, a missing question mark), and refused with a reason otherwise.
// The reason is stored, and the bank/template text stays in place.
import type { z } from 'zod';

export type Checked<T> = { ok: true; value: T } | { ok: false; reason: string };

// Tags, script URLs, event handlers, and template slots ("{{name}}") a model echoed back.
const MARKUP = /<\s*\/?\s*[a-z!?]|javascript:|\bon[a-z]+\s*=|\{\{|\}\}/i;
// eslint-disable-next-line no-control-regex -- control characters are exactly what we refuse
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export function parseJson<S extends z.ZodType>(text: string, schema: S): Checked<z.output<S>> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'the model did not write valid JSON' };
  }
  const parsed = schema.safeParse(raw);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : {
        ok: false,
        reason: `the model's JSON did not match the schema (${parsed.error.issues[0]?.message ?? 'invalid'})`,
      };
}

export function tidy(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/^["'\s]+|["'\s]+$/g, '')
    .trim();
}

export function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Common checks for text shown to the candidate. */
export function checkProse(
  text: string,
  limits: { readonly minWords: number; readonly maxChars: number; readonly what: string },
): Checked<string> {
  const t = tidy(text);
  // Words are what has a letter or digit in it: "}, { }, { }" is punctuation, however long.
  const words = t.split(' ').filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  if (words < limits.minWords)
    return { ok: false, reason: `the ${limits.what} was empty or too short` };
  if (t.length > limits.maxChars)
    return {
      ok: false,
      reason: `the ${limits.what} was longer than ${limits.maxChars} characters`,
    };
  if (MARKUP.test(t) || CONTROL.test(t))
    return { ok: false, reason: `the ${limits.what} contained markup or control characters` };
  if (/ignore (all |any )?(previous|prior|above) instructions/i.test(t))
    return { ok: false, reason: `the ${limits.what} repeated instructions from the answer` };
  if (loops(t)) return { ok: false, reason: `the ${limits.what} repeated itself` };
  return { ok: true, value: t };
}

// Small models under greedy decoding fall into loops ("I am a nurse, and I am a nurse, and …");
// the grammar still closes the JSON, so the text parses but says nothing. A sentence written
// twice, or a run of LOOP_WORDS words written LOOP_TIMES times, marks such a loop: people's
// prose of a few sentences does not do either.
const LOOP_WORDS = 5;
const LOOP_TIMES = 3;

function loops(text: string): boolean {
  const sentences = text
    .split(/[.?!]+/)
    .map(normalise)
    .filter((s) => s.split(' ').length >= 4);
  if (new Set(sentences).size < sentences.length) return true;
  const words = normalise(text).split(' ');
  const counts = new Map<string, number>();
  for (let i = 0; i + LOOP_WORDS <= words.length; i++) {
    const key = words.slice(i, i + LOOP_WORDS).join(' ');
    const n = (counts.get(key) ?? 0) + 1;
    if (n >= LOOP_TIMES) return true;
    counts.set(key, n);
  }
  return false;
}

/** A follow-up question: one sentence, ending in "?", not a copy of the question it follows. */
export function checkFollowUpQuestion(text: string, avoid: readonly string[]): Checked<string> {
  const prose = checkProse(text, { minWords: 3, maxChars: 300, what: 'follow-up question' });
  if (!prose.ok) return prose;
  const question = /[?]$/.test(prose.value)
    ? prose.value
    : `${prose.value.replace(/[.!,;:]+$/, '')}?`;
  // Small models often copy the question they follow and add a few words: that is a repeat too.
  const key = normalise(question);
  if (avoid.some((a) => normalise(a) !== '' && key.includes(normalise(a))))
    return { ok: false, reason: 'the follow-up question repeated a question already asked' };
  return { ok: true, value: question };
}

/**
 * Grounding: feedback may only quote numbers the evaluation produced (scores never come from the
 * LLM). Any other number in its text means it made something up. A score is read with its scale
 * ("52/100"), and the scale alone is no fact: "/100" in the facts does not let the text claim a
 * score of 100.
 */
export function checkGrounded(text: string, facts: string): Checked<string> {
  const allowed = new Set<string>();
  for (const n of numbersIn(facts)) {
    allowed.add(n);
    allowed.add(n.split('/')[0]!);
  }
  const invented = numbersIn(text).filter((n) => !allowed.has(n));
  return invented.length === 0
    ? { ok: true, value: text }
    : {
        ok: false,
        reason: `the text mentioned numbers the evaluation does not contain (${invented.slice(0, 3).join(', ')})`,
      };
}

function numbersIn(text: string): string[] {
  return (text.match(/\d+(?:\.\d+)?(?:\s*\/\s*\d+(?:\.\d+)?)?/g) ?? []).map((n) =>
    n.replace(/\s+/g, ''),
  );
}
