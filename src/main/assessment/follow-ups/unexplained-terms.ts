// "Unexplained term": the answer leans on an acronym or a product-style name it never
// explains, and the question and ideal answer do not use it either. Deterministic and cheap, so
// the interviewer can ask "You mentioned CQRS: what is it, and why did it fit here?" with no model.
import { isStopword, words } from '../../engines/language/text';

/**
 * Acronyms and names any interviewer for any role reads without a second thought. Asking a
 * candidate to explain "API" or "KPI" would be patronising, and these are far more common in
 * answers than the specialised terms worth asking about (CQRS, CDN, IEP, GAAP…). Chosen as:
 * everyday abbreviations (OK, ASAP), places and job titles (US, UK, CEO, HR), and the handful of
 * computing/business terms that appear across every pack in the bank (API, SQL, KPI, ROI).
 */
const COMMON_TERMS = new Set(
  (
    'OK ASAP ETA FYI FAQ DIY AM PM TV PC ID IDS US USA UK EU UN NYC CEO CTO CFO COO VP HR IT ' +
    'PR CV MBA PHD BSC MSC GPA API UI UX QA KPI ROI SQL HTML CSS JSON XML PDF URL HTTP HTTPS ' +
    'WWW AI ML IOT COVID NASA USB GPS OS IOS CPU GPU RAM SSD TCP IP DNS SMS B2B B2C SAAS CRM ERP SLA ' +
    'CI CD CSV KB MB GB TB README DevOps Q1 Q2 Q3 Q4 JavaScript TypeScript GitHub GitLab LinkedIn YouTube PowerPoint iPhone iPad ' +
    'macOS PayPal WhatsApp ChatGPT OpenAI'
  )
    .split(' ')
    .map((t) => t.toLowerCase()),
);

/** Capitals for emphasis ("I did NOT", "VERY important") are words, not terms. */
const EMPHASIS = new Set(
  'note very really never always must need huge big key yes great best worst every first last only'.split(
    ' ',
  ),
);

/** 2–6 capitals/digits starting with a capital ("CQRS", "S3", "EC2"), optionally plural. */
const ACRONYM = /\b[A-Z][A-Z0-9]{1,5}s?\b/g;
/** Product-style names with an inner capital after lower case ("GraphQL", "DynamoDB", "gRPC"). */
const MIXED_CASE = /\b[A-Za-z]*[a-z][A-Z][A-Za-z0-9]*\b/g;
/** Words that never need explaining even when they look like an acronym. */
const ROMAN_OR_LETTER = /^(?:[IVX]+|[A-Z])$/;

/** Answers typed with caps lock on are not full of acronyms. */
const SHOUTING_SHARE = 0.3;

export const MAX_TERMS = 3;

/**
 * The terms an answer uses without explaining, in order of first use (at most three). A term is
 * explained when the answer spells it out ("content delivery network (CDN)"), defines it
 * ("CDN, which…", "CDN is…", "CDN stands for…", "CDN (…)") or the question, ideal answer or
 * expected key points already use it (the interviewer brought it up, or it is the expected
 * vocabulary).
 */
export function findUnexplainedTerms(
  answer: string,
  context: {
    readonly question: string;
    readonly idealAnswer: string;
    readonly keywords: readonly string[];
  },
): string[] {
  const tokens = answer.match(/\b[\p{L}\p{N}]+\b/gu) ?? [];
  const upper = tokens.filter((t) => t.length > 1 && t === t.toUpperCase() && /\p{L}/u.test(t));
  if (tokens.length > 0 && upper.length / tokens.length > SHOUTING_SHARE) return [];
  const known = new Set(
    words([context.question, context.idealAnswer, ...context.keywords].join(' ')).map(singular),
  );
  const found: { term: string; at: number }[] = [];
  const seen = new Set<string>();
  for (const pattern of [ACRONYM, MIXED_CASE]) {
    for (const match of answer.matchAll(pattern)) {
      const term = singularAcronym(match[0]);
      const key = term.toLowerCase();
      if (seen.has(key) || ROMAN_OR_LETTER.test(term)) continue;
      // Runs of capitals ("LEFT JOIN", "ORDER BY") are code or emphasis, not terms to explain.
      if (pattern === ACRONYM && inCapitalRun(answer, match.index, match[0].length)) continue;
      seen.add(key);
      if (COMMON_TERMS.has(key) || EMPHASIS.has(key) || isStopword(key)) continue;
      if (known.has(key) || known.has(singular(key))) continue;
      if (isExplained(answer, term)) continue;
      found.push({ term, at: match.index });
    }
  }
  return found
    .sort((a, b) => a.at - b.at)
    .slice(0, MAX_TERMS)
    .map((f) => f.term);
}

/** Whether a text explains a term: by spelling it out or by a defining phrase next to it. */
export function isExplained(text: string, term: string): boolean {
  const t = escape(term);
  const plural = `${t}s?`;
  const definitions = [
    // "CQRS (command query …)" and "command query … (CQRS)"
    new RegExp(`\\b${plural}\\s*\\(`),
    new RegExp(`\\(\\s*${plural}\\s*\\)`),
    // "CQRS, which …", "CQRS, a pattern …", "CQRS — …", "CQRS: …", "CQRS, i.e. …"
    new RegExp(
      `\\b${plural}\\s*(?:,\\s*(?:which|that|where|a|an|the|i\\.e\\.|meaning|basically)\\b|[—–:]|\\s-\\s)`,
      'i',
    ),
    // "CQRS is/means/stands for/refers to/lets …"
    new RegExp(
      `\\b${plural}\\s+(?:is|are|was|means|meant|stands\\s+for|refers\\s+to|lets|allows|helps|works\\s+by)\\b`,
      'i',
    ),
    // "… known as CQRS", "a pattern called CQRS"
    new RegExp(`\\b(?:known\\s+as|called|aka|short\\s+for)\\s+${plural}\\b`, 'i'),
  ];
  if (definitions.some((d) => d.test(text))) return true;
  return /^[A-Z0-9]+$/.test(term) && isSpelledOut(text, term);
}

/** "service level agreement" spells out SLA: consecutive words whose initials are the letters
 * (small joining words such as "of" and "and" may sit between them). */
function isSpelledOut(text: string, acronym: string): boolean {
  const letters = acronym.toLowerCase().replace(/[^a-z]/g, '');
  if (letters.length < 2) return false;
  const ws = words(text).flatMap((w) => w.split('-'));
  const joiners = new Set(['of', 'and', 'for', 'to', 'the', 'in', 'on', '&']);
  for (let start = 0; start < ws.length; start++) {
    let i = start;
    let k = 0;
    while (i < ws.length && k < letters.length) {
      const w = ws[i]!;
      if (w[0] === letters[k]) k++;
      else if (!(k > 0 && joiners.has(w))) break;
      i++;
    }
    if (k === letters.length) return true;
  }
  return false;
}

function inCapitalRun(text: string, at: number, length: number): boolean {
  const before = /([A-Z]{2,})\s+$/.test(text.slice(Math.max(0, at - 12), at));
  const after = /^\s+[A-Z]{2,}\b/.test(text.slice(at + length, at + length + 12));
  return before || after;
}

function singularAcronym(term: string): string {
  return /^[A-Z0-9]{2,}s$/.test(term) ? term.slice(0, -1) : term;
}

function singular(word: string): string {
  return word.length > 3 && word.endsWith('s') ? word.slice(0, -1) : word;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
