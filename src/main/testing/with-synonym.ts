import { loadThesaurus } from '../engines/language/thesaurus';
import { stem, words } from '../engines/language/text';

/**
 * A text with one of its words (five letters or more) said another way: the first WordNet synonym
 * whose stem the text does not already use, put in for every occurrence. For tests of synonym
 * matching on answers whose ideal answer comes from the bank.
 */
export function withSynonym(text: string): { text: string; said: string; instead: string } {
  const thesaurus = loadThesaurus();
  const stems = new Set(words(text).map(stem));
  for (const said of words(text).filter((w) => w.length > 4)) {
    const instead = thesaurus.synonyms(said).find((s) => /^[a-z]+$/.test(s) && !stems.has(stem(s)));
    if (instead)
      return { text: text.replace(new RegExp(`\\b${said}\\b`, 'gi'), instead), said, instead };
  }
  throw new Error(`No word of "${text.slice(0, 60)}…" has a WordNet synonym to put in.`);
}
