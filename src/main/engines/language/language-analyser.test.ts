import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors';
import { createGrammarChecker, type GrammarChecker } from './harper-checker';
import { createLinguistics } from './linguistics';
import { loadThesaurus } from './thesaurus';
import {
  inProcessLanguage,
  startLanguageWorker,
  type LanguageAnalyser,
  type StartedLanguageWorker,
} from './language-analyser';

const ANSWER =
  'He go to the office every day. I recieved the report and we was running the tests before release.';

// The real engines on both sides: the worker must give what the main thread would.
let worker: StartedLanguageWorker;
let grammar: GrammarChecker;
let inProcess: LanguageAnalyser;
beforeAll(async () => {
  [worker, grammar] = await Promise.all([
    startLanguageWorker({ grammar: 'harper', linguistics: true, thesaurus: true }),
    createGrammarChecker(),
  ]);
  inProcess = inProcessLanguage(grammar, createLinguistics(), [], loadThesaurus());
}, 120_000);
afterAll(async () => {
  await worker.dispose();
  await inProcess.dispose();
});

describe('language worker', () => {
  it('names the engines it runs and reports no problems', () => {
    expect(worker.grammarId).toBe(grammar.id);
    expect(worker.linguisticsId).toMatch(/^wink-nlp@/);
    expect(worker.thesaurusId).toMatch(/^wordnet-3\.1@/);
    expect(worker.problems).toEqual([]);
  });

  it('finds the same grammar issues, lemmas and key-point lemmas as the main thread', async () => {
    const request = {
      text: ANSWER,
      grammar: true,
      linguistics: true,
      lemmaForms: ['running tests', 'reports'],
      // "study" is WordNet's synonym of "report" ("a detailed critical inspection").
      synonymTargets: ['study', 'office'],
    };
    const [there, here] = await Promise.all([worker.analyse(request), inProcess.analyse(request)]);
    expect(there).toEqual(here);
    const flagged = there.grammarIssues?.map((i) => ANSWER.slice(i.start, i.end)) ?? [];
    expect(flagged).toEqual(expect.arrayContaining(['go', 'recieved']));
    expect(there.analysis?.lemmas).toEqual(expect.arrayContaining(['office', 'report', 'test']));
    expect(there.formLemmas).toEqual([['run', 'test'], ['report']]);
    expect(there.synonyms).toEqual([['report', 'study']]);
  });

  it('runs only what is asked for', async () => {
    const result = await worker.analyse({
      text: ANSWER,
      grammar: false,
      linguistics: false,
      lemmaForms: ['tests'],
    });
    expect(result).toEqual({
      grammarIssues: null,
      grammarId: null,
      analysis: null,
      formLemmas: [[]],
      synonyms: [],
    });
  });

  it('answers requests sent together, each with its own result', async () => {
    const texts = ['I has a cat.', 'They was late.', 'She have two dogs.', 'We has shipped it.'];
    const results = await Promise.all(
      texts.map((text) =>
        worker.analyse({ text, grammar: true, linguistics: true, lemmaForms: [] }),
      ),
    );
    results.forEach((result, i) => {
      expect(result.analysis?.sentenceCount).toBe(1);
      expect(result.grammarIssues?.length, texts[i]).toBeGreaterThan(0);
    });
    expect(results.map((r) => r.analysis?.lemmas[0])).toEqual(['cat', 'late', 'dog', 'ship']);
  });

  it('finishes work sent before dispose, then refuses more with a clear error', async () => {
    const own = await startLanguageWorker({ grammar: null, linguistics: true });
    expect(own.grammarId).toBeNull();
    const pending = own.analyse({
      text: 'We shipped it.',
      grammar: false,
      linguistics: true,
      lemmaForms: [],
    });
    await own.dispose();
    expect((await pending).analysis?.lemmas).toEqual(['ship']);
    const after = own.analyse({
      text: 'Again.',
      grammar: false,
      linguistics: true,
      lemmaForms: [],
    });
    await expect(after).rejects.toBeInstanceOf(AppError);
    await expect(after).rejects.toThrow(/language worker has stopped/);
  }, 60_000);
});
