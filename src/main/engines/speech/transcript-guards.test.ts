import { describe, expect, it } from 'vitest';
import { collapseLoops, guardSegments } from './transcript-guards';

const speech = [
  { start: 1, end: 4 },
  { start: 6, end: 9 },
];

describe('transcript guards', () => {
  it('drops text where no speech was detected, hallucinated phrases and non-speech tags', () => {
    const { segments, removed } = guardSegments(
      [
        { text: ' [BLANK_AUDIO]', start: 0, end: 1 },
        { text: ' I led the migration.', start: 1, end: 4 },
        { text: ' Thank you for watching!', start: 4.2, end: 5.8 },
        { text: ' It cut costs by half.', start: 6, end: 9 },
        { text: ' Please subscribe.', start: 9.5, end: 10 },
      ],
      speech,
      10,
    );
    expect(segments.map((s) => s.text)).toEqual(['I led the migration.', 'It cut costs by half.']);
    expect(removed).toHaveLength(3);
    expect(removed.join('\n')).toMatch(/non-speech tag[\s\S]*no speech was detected/);
  });

  it('drops a known hallucination even inside a short blip of detected noise', () => {
    const { segments } = guardSegments(
      [{ text: 'Thanks for watching.', start: 0.9, end: 1.3 }],
      [{ start: 1, end: 1.3 }],
      2,
    );
    expect(segments).toEqual([]);
  });

  it('merges repeated segments and collapses looping phrases', () => {
    const { segments, removed } = guardSegments(
      [
        { text: 'and then we shipped it', start: 1, end: 2 },
        { text: 'and then we shipped it', start: 2, end: 3 },
        { text: 'to the the the the customers', start: 6, end: 8 },
      ],
      speech,
      10,
    );
    expect(segments).toEqual([
      { text: 'and then we shipped it', start: 1, end: 3 },
      { text: 'to the customers', start: 6, end: 8 },
    ]);
    expect(removed).toEqual(['"and then we shipped it" repeated', '"the" looped 4 times']);
  });

  it('collapses multi-word loops but keeps a phrase said twice', () => {
    expect(collapseLoops('I think so. I think so. I think so. I think so. Yes')).toBe(
      'I think so. Yes',
    );
    expect(collapseLoops('very very good')).toBe('very very good');
  });

  it('clamps timestamps to the audio, and places segments timed past its end after the last one', () => {
    const { segments } = guardSegments(
      [
        { text: 'hello', start: 6, end: 7 },
        { text: 'there', start: 12, end: 86.6 },
      ],
      speech,
      10,
    );
    expect(segments).toEqual([
      { text: 'hello', start: 6, end: 7 },
      { text: 'there', start: 7, end: 10 },
    ]);
    // Past the end with no speech after the previous segment: dropped like any invented text.
    expect(
      guardSegments([{ text: 'bye', start: 30, end: 31 }], [{ start: 0, end: 1 }], 10).segments,
    ).toEqual([]);
  });
});
