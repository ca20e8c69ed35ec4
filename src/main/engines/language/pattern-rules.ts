// A handful of grammar rules for answers, as patterns over the text: the mistakes an interviewer
// notices most (a/an, agreement after a pronoun, "could of", doubled words, "i", sentence
// capitals, "more then", "its a"). Fast enough to run on every answer; Harper (grammar.ts)
// is the thorough alternative.
import type { GrammarIssue } from './harper-checker';

interface Rule {
  readonly pattern: RegExp;
  /** Null: the match is fine after all (a closer look than the pattern can take). */
  check(
    match: RegExpExecArray,
    text: string,
  ):
    | (Omit<GrammarIssue, 'start' | 'end'> & {
        /** Which part of the match is flagged: the capture group's index (default 0, the whole). */
        readonly group?: number;
      })
    | null;
}

/** Words after which a bare verb is right ("does he go", "let it run", "to do"). */
const BEFORE_BARE_VERB = new Set(
  (
    "do does did doesn't didn't don't can can't could couldn't will won't would wouldn't " +
    "shall should shouldn't may might must let lets make makes made help helps helped to if " +
    'when whether as wish'
  ).split(' '),
);
const THIRD_PERSON_BARE = (
  'go want need make take think know like work use get say come see give try seem feel become ' +
  'leave look run write build'
).split(' ');
const THIRD_PERSON_S: Record<string, string> = { go: 'goes', try: 'tries' };

function previousWord(text: string, index: number): string {
  const before = text
    .slice(Math.max(0, index - 40), index)
    .toLowerCase()
    .replace(/’/g, "'");
  return /([a-z']+)\W*$/.exec(before)?.[1] ?? '';
}

/** Whether "an" (not "a") goes before this word, by its first sound. */
export function takesAn(word: string): boolean {
  const w = word.replace(/^[^A-Za-z]+/, '');
  if (w === '') return false;
  // Read letter by letter (acronyms): "an SQL query", "an API", "a URL".
  if (w.length <= 5 && w === w.toUpperCase() && /^[A-Z]+$/.test(w))
    return /^[AEFHILMNORSX]/.test(w);
  const lower = w.toLowerCase();
  if (/^(hour|honest|honou?r|heir)/.test(lower)) return true;
  if (/^(one|once|uni|use|usu|uti|ure|euro|eu|ewe|u[bcfgklmnprstvz][aeiou])/.test(lower))
    return false;
  return /^[aeiou]/.test(lower);
}

const RULES: readonly Rule[] = [
  {
    pattern: /\b(an?)\s+([A-Za-z][\w'-]*)/gi,
    check: (m) => {
      const article = m[1]!;
      const wantsAn = takesAn(m[2]!);
      if (wantsAn === (article.toLowerCase() === 'an')) return null;
      const fixed = wantsAn ? 'an' : 'a';
      return {
        kind: 'Miscellaneous',
        message: `Use "${fixed}" before "${m[2]}".`,
        suggestions: [article[0] === 'A' ? fixed[0]!.toUpperCase() + fixed.slice(1) : fixed],
        group: 1,
      };
    },
  },
  {
    pattern: /\b([A-Za-z]+)\s+(\1)\b/gi,
    // "had had" and "that that" can be right.
    check: (m) =>
      /^(that|had)$/i.test(m[1]!)
        ? null
        : { kind: 'Repetition', message: `"${m[1]}" is repeated.`, suggestions: [''], group: 2 },
  },
  {
    pattern: /(?<![\w.])i(?=(?:'|’)(?:m|ve|d|ll)\b|\s)/g,
    // Not a loop variable: "i = 0", "i < n".
    check: (m, text) =>
      /^\s*[=<>+\-*/)\],;]/.test(text.slice(m.index + 1, m.index + 4))
        ? null
        : { kind: 'Capitalization', message: 'Write "I" as a capital.', suggestions: ['I'] },
  },
  {
    pattern: /\b(could|should|would|must|might)\s+(of)\b/gi,
    check: (m) => ({
      kind: 'Grammar',
      message: `"${m[1]} of" should be "${m[1]} have".`,
      suggestions: ['have'],
      group: 2,
    }),
  },
  {
    pattern: /\b(he|she|it)\s+(have|do|are|were|don't|don’t)\b/gi,
    check: (m, text) => {
      const before = previousWord(text, m.index);
      if (BEFORE_BARE_VERB.has(before) || (m[2]!.toLowerCase() === 'were' && before === 'if'))
        return null;
      const fix: Record<string, string> = {
        have: 'has',
        do: 'does',
        are: 'is',
        were: 'was',
        "don't": "doesn't",
        'don’t': 'doesn’t',
      };
      const verb = m[2]!.toLowerCase();
      return agreement(m[1]!, m[2]!, fix[verb]!);
    },
  },
  {
    pattern: /\b(I|you|we|they)\s+(has|does|is|doesn't|doesn’t)\b/g,
    check: (m, text) => {
      if (BEFORE_BARE_VERB.has(previousWord(text, m.index))) return null;
      const verb = m[2]!.toLowerCase();
      const fix =
        verb === 'is'
          ? m[1] === 'I'
            ? 'am'
            : 'are'
          : verb === 'has'
            ? 'have'
            : verb === 'does'
              ? 'do'
              : verb.replace('doesn', 'don');
      return agreement(m[1]!, m[2]!, fix);
    },
  },
  {
    pattern: /\b(you|we|they)\s+(was)\b/gi,
    check: (m, text) =>
      BEFORE_BARE_VERB.has(previousWord(text, m.index)) ? null : agreement(m[1]!, m[2]!, 'were'),
  },
  {
    pattern: new RegExp(`\\b(he|she|it)\\s+(${THIRD_PERSON_BARE.join('|')})\\b(?!['’])`, 'gi'),
    check: (m, text) => {
      if (BEFORE_BARE_VERB.has(previousWord(text, m.index))) return null;
      const verb = m[2]!.toLowerCase();
      return agreement(m[1]!, m[2]!, THIRD_PERSON_S[verb] ?? `${verb}s`);
    },
  },
  {
    pattern:
      /\b(more|less|better|worse|faster|slower|bigger|smaller|higher|lower|larger|easier|harder|rather|other|greater|fewer)\s+(then)\b/gi,
    check: (m) => ({
      kind: 'WordChoice',
      message: `After "${m[1]}", use "than".`,
      suggestions: ['than'],
      group: 2,
    }),
  },
  {
    pattern: /\b(its)\s+(a|an|the|been|not|going|important|about|because|very|also|just)\b/gi,
    check: (m) => ({
      kind: 'WordChoice',
      message: '"its" is possessive; "it\'s" means "it is" or "it has".',
      suggestions: [m[1]![0] === 'I' ? "It's" : "it's"],
      group: 1,
    }),
  },
  {
    pattern: /(?:^|[.!?]\s+)([a-z])/g,
    check: (m, text) => {
      // Not after abbreviations such as "e.g." or "etc." (a short word before the full stop).
      const dot = m.index + m[0].search(/[.!?]/);
      if (m.index > 0 && /(\b\w{1,3}|\.\w)\.$/.test(text.slice(Math.max(0, dot - 5), dot + 1)))
        return null;
      // Nor at the start of a line of code ("for i = 0; …").
      const letter = m.index + m[0].length - 1;
      const lineEnd = text.indexOf('\n', letter);
      const line = text.slice(letter, lineEnd === -1 ? undefined : lineEnd);
      if (/[=;{}]|\+\+/.test(line)) return null;
      return {
        kind: 'Capitalization',
        message: 'Start the sentence with a capital letter.',
        suggestions: [m[1]!.toUpperCase()],
        group: 1,
      };
    },
  },
];

function agreement(subject: string, verb: string, fix: string) {
  return {
    kind: 'Agreement',
    message: `"${subject} ${verb}" should be "${subject} ${fix}".`,
    suggestions: [fix],
    group: 2,
  };
}

/** Issues the rules find in `text`, outside the spans in `skip` (code), in order. */
export function ruleIssues(text: string, skip: readonly [number, number][] = []): GrammarIssue[] {
  const issues: GrammarIssue[] = [];
  const skipped = (start: number) => skip.some(([s, e]) => start >= s && start < e);
  for (const rule of RULES) {
    // The d flag gives each group's own offsets.
    const pattern = new RegExp(rule.pattern.source, `${rule.pattern.flags}d`);
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      if (m[0] === '') pattern.lastIndex++;
      const found = rule.check(m, text);
      if (!found) continue;
      const { group = 0, ...issue } = found;
      const [start, end] = m.indices?.[group] ?? [m.index, m.index + m[0].length];
      if (skipped(start)) continue;
      issues.push({ ...issue, start, end });
    }
  }
  return issues.sort((a, b) => a.start - b.start || a.end - b.end);
}
