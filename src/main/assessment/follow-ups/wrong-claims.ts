// "Wrong claim": a statement in the answer that contradicts the ideal answer. Rule
// based and deliberately conservative, because telling a candidate who was right to "re-check"
// costs more than missing a mistake. A claim is flagged only when one of the answer's clauses and
// one of the ideal answer's clauses are about the same thing (they share content words) and
//   - one says the opposite word of a known pair ("stateless" vs "stateful"), or
//   - one negates a predicate the other affirms ("…are not drained…" vs "…are drained…"), or
//   - one gives another number for the same thing ("two-way handshake" vs "three-way").
// Negation is read per word ("not stateful" means stateless), so a negated but consistent
// statement is no contradiction. Clauses that compare, hedge or ask are skipped.
import { isStopword, sentences, stem, words } from '../../engines/language/text';

export type ClaimKind = 'opposite' | 'negation' | 'number';

export interface WrongClaim {
  /** The answer's clause, as the candidate wrote it (shortened). */
  readonly said: string;
  /** The ideal answer's clause it contradicts: never shown to the candidate. */
  readonly ideal: string;
  readonly kind: ClaimKind;
}

/** Each pair: two sides that cannot both hold of the same thing. */
const OPPOSITES: readonly (readonly [RegExp, RegExp])[] = [
  [/\bstateless\b/, /\b(?:stateful|(?:keeps?|stores?|holds?|remembers?) (?:the )?state)\b/],
  [/\bsynchronous(?:ly)?\b/, /\basynchronous(?:ly)?\b/],
  [/\bsync\b/, /\basync\b/],
  [/(?<!non-)\bblocking\b/, /\bnon-blocking\b/],
  [/\bincreas(?:e|es|ed|ing)\b/, /\b(?:decreas|reduc)(?:e|es|ed|ing)\b/],
  [/\b(?:faster|quicker)\b/, /\bslower\b/],
  [/\bhigher\b/, /\blower\b/],
  [/\b(?:larger|bigger)\b/, /\bsmaller\b/],
  [/\bbefore\b/, /\bafter\b/],
  [/\bmutable\b/, /\bimmutable\b/],
  [/\bencrypted\b/, /\b(?:unencrypted|plain ?text)\b/],
  [/\bsymmetric\b/, /\basymmetric\b/],
  [/\bsingle(?:-threaded| thread)\b/, /\b(?:multi-?threaded|multiple threads|many threads)\b/],
  [/\bconnectionless\b/, /\bconnection-oriented\b/],
  [/\blossless\b/, /\blossy\b/],
  [/\bascending\b/, /\bdescending\b/],
  [/\bhorizontal(?:ly)?\b/, /\bvertical(?:ly)?\b/],
  [/\b(?:fifo|first[ -]in,? first[ -]out)\b/, /\b(?:lifo|last[ -]in,? first[ -]out)\b/],
  [/\bclient-side\b/, /\bserver-side\b/],
  [/\bsecure\b/, /\binsecure\b/],
  [/\boptional\b/, /\b(?:required|mandatory)\b/],
];

// "without" is left out: it opens a side phrase ("start work without asking") far more often
// than it denies the clause.
const NEGATORS = new Set(['not', 'no', 'never', 'cannot']);
/** Comparing, hedging or reporting others' views: such a clause is not the candidate's claim. */
const SKIP_CLAUSE =
  /\b(?:unlike|whereas|instead|rather|versus|vs|compared|opposed|if|unless|whether|myth|misconception|mistake|wrong|people think|some say)\b/;
// A Map, not an object: "constructor" is not a number.
const NUMBER_WORDS: ReadonlyMap<string, number> = new Map(
  [
    'one',
    'two',
    'three',
    'four',
    'five',
    'six',
    'seven',
    'eight',
    'nine',
    'ten',
    'eleven',
    'twelve',
  ].map((w, i) => [w, i + 1]),
);
/** Numbers of these are amounts in a story (durations, shares), not facts to check. */
const UNITS = new Set(
  [
    'percent',
    'per',
    'cent',
    'time',
    'minute',
    'hour',
    'day',
    'week',
    'month',
    'year',
    'people',
    'person',
  ].map(stem),
);
/** Words within this distance after a negator are what it negates. */
const NEGATION_REACH = 3;
const SAID_MAX_CHARS = 140;

interface Clause {
  readonly text: string;
  readonly lower: string;
  /** Stems of the content words, in order. */
  readonly stems: readonly string[];
  /** Lower-case words with hyphenated words split, stopwords kept (for negation reach). */
  readonly tokens: readonly string[];
}

/** Where factual claims can be checked: questions whose ideal answer states facts, not a story. */
export function checksClaims(type: string): boolean {
  return type === 'technical' || type === 'role-specific';
}

/** Statements of the answer that contradict the ideal answer (at most one per answer clause). */
export function findWrongClaims(answer: string, idealAnswer: string): WrongClaim[] {
  const ideal = clausesOf(idealAnswer);
  const idealNumbers = numberFacts(ideal);
  const out: WrongClaim[] = [];
  for (const said of clausesOf(answer)) {
    if (isSkipped(said)) continue;
    const verdicts = ideal.map((i) => ({ i, verdict: compare(said, i, idealNumbers) }));
    // A clause the ideal answer also says (in another of its clauses) is not wrong.
    if (verdicts.some((v) => v.verdict?.agrees === true)) continue;
    const against = verdicts.find((v) => v.verdict?.agrees === false);
    if (against?.verdict)
      out.push({ said: shorten(said.text), ideal: against.i.text, kind: against.verdict.kind });
  }
  return out;
}

/**
 * Whether a later answer (a follow-up) puts a claim right: it no longer contradicts that clause
 * of the ideal answer and says something about the same thing that agrees with it, or it
 * withdraws what was said ("I was wrong", "actually…").
 */
export function correctsClaim(text: string, claim: Pick<WrongClaim, 'ideal'>): boolean {
  const ideal = clausesOf(claim.ideal);
  const idealNumbers = numberFacts(ideal);
  let agrees = false;
  for (const c of clausesOf(text)) {
    if (c.lower.endsWith('?')) continue;
    for (const i of ideal) {
      const verdict = compare(c, i, idealNumbers);
      if (verdict?.agrees === false && !isSkipped(c)) return false;
      if (verdict?.agrees === true) agrees = true;
    }
  }
  const withdraws =
    /\b(?:i was wrong|i got (?:that|it) wrong|i meant|i misspoke|my mistake|correction|actually)\b/i.test(
      text,
    );
  return agrees || withdraws;
}

function compare(
  said: Clause,
  ideal: Clause,
  idealNumbers: ReadonlyMap<string, ReadonlySet<number>>,
): { agrees: boolean; kind: ClaimKind } | null {
  for (const pair of OPPOSITES) {
    const a = sideOf(said, pair);
    const i = sideOf(ideal, pair);
    if (!a || !i) continue;
    if (!aligned(said, ideal, new Set([...a.stems, ...i.stems]))) continue;
    return { agrees: a.sign === i.sign, kind: 'opposite' };
  }
  for (const [noun, n] of numberPairs(said)) {
    const expected = idealNumbers.get(noun);
    if (!expected || expected.size !== 1 || !ideal.stems.includes(noun)) continue;
    if (UNITS.has(noun) || !aligned(said, ideal, new Set([noun]))) continue;
    return { agrees: expected.has(n), kind: 'number' };
  }
  const shared = sharedStems(said, ideal, new Set());
  // Two shared words are too few here ("indexes do not speed up writes" vs "indexes speed up
  // reads"): a denial must repeat most of what it denies.
  if (shared.size >= 3 && aligned(said, ideal, new Set(), 0.6)) {
    const a = negatesShared(said, shared);
    const i = negatesShared(ideal, shared);
    const aNegated = said.tokens.some(isNegator);
    const iNegated = ideal.tokens.some(isNegator);
    // Only a negation aimed at what both clauses talk about counts; anything else is unclear.
    if (a !== i && (a ? !iNegated : !aNegated)) return { agrees: false, kind: 'negation' };
    if (a === i && aNegated === iNegated) return { agrees: true, kind: 'negation' };
  }
  return null;
}

// The same texts are compared again and again (an ideal answer with every answer to its
// question, an answer with each follow-up), so their clauses are kept; clauses are never changed.
const CLAUSE_CACHE_SIZE = 2_000;
const clauseCache = new Map<string, readonly Clause[]>();

function clausesOf(text: string): readonly Clause[] {
  const cached = clauseCache.get(text);
  if (cached) return cached;
  if (clauseCache.size >= CLAUSE_CACHE_SIZE) clauseCache.clear();
  const clauses = splitClauses(text);
  clauseCache.set(text, clauses);
  return clauses;
}

function splitClauses(text: string): Clause[] {
  return sentences(text)
    .flatMap((s) => s.split(/\s*[;:]\s+|\s+[—–]\s+|\s-\s/))
    .filter((s) => words(s).length > 1)
    .map((text) => {
      const lower = text.toLowerCase();
      const tokens = words(lower).flatMap((w) => w.split('-'));
      return {
        text,
        lower,
        tokens,
        stems: tokens
          .filter((w) => !isStopword(w) && !isNegator(w) && !NUMBER_WORDS.has(w))
          .map(stem),
      };
    });
}

function isSkipped(c: Clause): boolean {
  return c.lower.trimEnd().endsWith('?') || SKIP_CLAUSE.test(c.lower);
}

function isNegator(word: string): boolean {
  return NEGATORS.has(word) || /n['’]t$/.test(word);
}

/** +1 / −1 for the side of the pair a clause takes, negation included; null if none or both. */
function sideOf(c: Clause, [first, second]: readonly [RegExp, RegExp]) {
  const m1 = first.exec(c.lower);
  const m2 = second.exec(c.lower);
  if ((m1 && m2) || (!m1 && !m2)) return null;
  const match = (m1 ?? m2)!;
  const before = words(c.lower.slice(0, match.index)).slice(-NEGATION_REACH);
  const negated = before.some(isNegator);
  const sign = (m1 ? 1 : -1) * (negated ? -1 : 1);
  return {
    sign,
    stems: words(match[0])
      .flatMap((w) => w.split('-'))
      .map(stem),
  };
}

/**
 * Whether two clauses are about the same thing: they share at least half the content words of
 * the shorter one (and at least two, unless a clause has fewer), words of the pair aside. Long
 * story sentences rarely meet this by chance; "HTTP is stateless" and "HTTP is stateful" do.
 */
function aligned(a: Clause, b: Clause, exclude: ReadonlySet<string>, share = 0.5): boolean {
  const restA = new Set(a.stems.filter((s) => !exclude.has(s)));
  const restB = new Set(b.stems.filter((s) => !exclude.has(s)));
  const shared = sharedStems(a, b, exclude).size;
  const shorter = Math.min(restA.size, restB.size);
  return shared >= 1 && shared >= Math.min(2, shorter) && shared >= share * shorter;
}

function sharedStems(a: Clause, b: Clause, exclude: ReadonlySet<string>): Set<string> {
  const other = new Set(b.stems);
  return new Set(a.stems.filter((s) => other.has(s) && !exclude.has(s)));
}

/** Whether a negator in the clause is followed, within reach, by one of the shared words. */
function negatesShared(c: Clause, shared: ReadonlySet<string>): boolean {
  return c.tokens.some(
    (w, i) =>
      isNegator(w) &&
      c.tokens.slice(i + 1, i + 1 + NEGATION_REACH).some((next) => shared.has(stem(next))),
  );
}

/** (noun stem, number) for each number followed closely by a content word: "3 retries". */
function numberPairs(c: Clause): [string, number][] {
  const out: [string, number][] = [];
  c.tokens.forEach((w, i) => {
    const n = /^\d+(?:\.\d+)?$/.test(w) ? Number(w) : NUMBER_WORDS.get(w);
    if (n === undefined) return;
    const noun = c.tokens
      .slice(i + 1, i + 3)
      .find((t) => !isStopword(t) && !isNegator(t) && !/^\d/.test(t) && !NUMBER_WORDS.has(t));
    if (noun) out.push([stem(noun), n]);
  });
  return out;
}

function numberFacts(clauses: readonly Clause[]): Map<string, Set<number>> {
  const facts = new Map<string, Set<number>>();
  for (const c of clauses)
    for (const [noun, n] of numberPairs(c)) {
      const set = facts.get(noun) ?? new Set<number>();
      set.add(n);
      facts.set(noun, set);
    }
  return facts;
}

function shorten(text: string): string {
  const t = text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.!]+$/, '');
  return t.length <= SAID_MAX_CHARS ? t : `${t.slice(0, SAID_MAX_CHARS - 1)}…`;
}
