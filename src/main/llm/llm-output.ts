// What the LLM writes is checked like user input: parsed, validated with zod, repaired where a
// repair is safe (whitespace, a missing question mark), and refused with a reason otherwise.
// The reason is stored, and the bank/template text stays in place.
import type { z } from 'zod';

export type Checked<T> = { ok: true; value: T } | { ok: false; reason: string };

const MARKUP = /<\s*\/?\s*[a-z!?]|javascript:|\bon[a-z]+\s*=/i;
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
  const words = t.split(' ').filter(Boolean).length;
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
  return { ok: true, value: t };
}

/** A follow-up question: one sentence, ending in "?", not a copy of the question it follows. */
export function checkFollowUpQuestion(text: string, avoid: readonly string[]): Checked<string> {
  const prose = checkProse(text, { minWords: 3, maxChars: 300, what: 'follow-up question' });
  if (!prose.ok) return prose;
  const question = /[?]$/.test(prose.value)
    ? prose.value
    : `${prose.value.replace(/[.!,;:]+$/, '')}?`;
  const key = normalise(question);
  if (avoid.some((a) => normalise(a) === key))
    return { ok: false, reason: 'the follow-up question repeated a question already asked' };
  return { ok: true, value: question };
}

/**
 * Grounding: feedback may only quote numbers the evaluation produced (scores never come from the
 * LLM). Any other number in its text means it made something up.
 */
export function checkGrounded(text: string, facts: string): Checked<string> {
  const allowed = new Set(facts.match(/\d+(?:\.\d+)?/g) ?? []);
  const invented = (text.match(/\d+(?:\.\d+)?/g) ?? []).filter((n) => !allowed.has(n));
  return invented.length === 0
    ? { ok: true, value: text }
    : {
        ok: false,
        reason: `the text mentioned numbers the evaluation does not contain (${invented.slice(0, 3).join(', ')})`,
      };
}
