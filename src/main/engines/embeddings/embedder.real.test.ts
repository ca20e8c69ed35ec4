// The real sentence-embedding models (fetched by `npm run test-models`), used as their authors
// say: each folder's sentence-transformers files set the pooling, prompt and length.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realModel, realModelPath, skipWithoutRealModel } from '../../testing/real-models';
import { cosineSimilarity, loadEmbedder, type Embedder } from './embedder';
import { readSentenceConfig, type SentenceConfig } from './sentence-config';

/** [sentence, a paraphrase of it, an unrelated sentence]. */
const TRIPLES: readonly (readonly [string, string, string])[] = [
  [
    'I fixed the slow database query by adding an index',
    'I added an index to speed up the database query',
    'My favourite holiday was a beach in Spain',
  ],
  [
    'We wrote unit tests before changing the payment code',
    'Before touching the payment code we added unit tests',
    'The cat slept on the warm windowsill all afternoon',
  ],
  [
    'I told my manager early that the deadline was at risk',
    'I warned my boss in good time that we would miss the date',
    'Photosynthesis turns sunlight into chemical energy',
  ],
  [
    'A stack is last in, first out',
    'The last item pushed onto a stack is the first one popped',
    'We celebrated the team launch with pizza',
  ],
  [
    'I split the monolith into services owned by separate teams',
    'We broke the single large application into smaller services, each with its own team',
    'The recipe needs two eggs and a cup of flour',
  ],
];

const MODELS: readonly { id: string; config: SentenceConfig }[] = [
  { id: 'all-minilm-l6-v2-q', config: { pooling: 'mean', prompt: '', maxTokens: 256 } },
  { id: 'all-minilm-l6-v2', config: { pooling: 'mean', prompt: '', maxTokens: 256 } },
  { id: 'bge-small-en-v1.5-q', config: { pooling: 'cls', prompt: '', maxTokens: 512 } },
  { id: 'e5-small-v2-q', config: { pooling: 'mean', prompt: 'query: ', maxTokens: 512 } },
];

for (const { id, config } of MODELS) {
  const model = realModel(id);
  describe.skipIf(skipWithoutRealModel(model))(`the real ${id}`, () => {
    let embedder: Embedder;
    beforeAll(async () => {
      embedder = await loadEmbedder(realModelPath(model));
    }, 30_000);
    afterAll(() => embedder.dispose());

    it('is set up as its model card says (pooling, prompt, length)', async () => {
      expect(await readSentenceConfig(realModelPath(model))).toEqual(config);
      expect(embedder.dimensions).toBe(384);
    });

    it('puts every paraphrase closer to its sentence than an unrelated sentence', async () => {
      const vectors = await embedder.embed(TRIPLES.flat());
      const margins = TRIPLES.map((_, i) => {
        const [a, b, unrelated] = vectors.slice(3 * i, 3 * i + 3);
        return cosineSimilarity(a!, b!) - cosineSimilarity(a!, unrelated!);
      });
      for (const margin of margins) expect(margin).toBeGreaterThan(0.1);
    });

    it("gives the text's words their vectors, and the same sentence vector as embed()", async () => {
      const text = 'The indexing of Tables is unbelievably slow, and 42 of them failed.';
      const words = await embedder.embedWords(text);
      // No prompt word ("query") and no special token is a word of the text.
      expect(words.words).toEqual(['indexing', 'tables', 'unbelievably', 'slow', 'failed']);
      const [sentence] = await embedder.embed([text]);
      expect(cosineSimilarity(words.sentence!, sentence!)).toBeCloseTo(1, 4);
    });
  });
}

const minilm = realModel('all-minilm-l6-v2-q');
const minilmFull = realModel('all-minilm-l6-v2');
describe.skipIf(skipWithoutRealModel(minilm) || skipWithoutRealModel(minilmFull))(
  'the real all-MiniLM-L6-v2',
  () => {
    it('behaves as published: paraphrases well above 0.5, unrelated sentences near 0, int8 close to fp32', async () => {
      const [int8, fp32] = await Promise.all([
        loadEmbedder(realModelPath(minilm)),
        loadEmbedder(realModelPath(minilmFull)),
      ]);
      try {
        const vectors = await int8.embed(TRIPLES.flat());
        TRIPLES.forEach((_, i) => {
          const [a, b, unrelated] = vectors.slice(3 * i, 3 * i + 3);
          expect(cosineSimilarity(a!, b!)).toBeGreaterThan(0.5);
          expect(Math.abs(cosineSimilarity(a!, unrelated!))).toBeLessThan(0.25);
        });
        // The int8 export stays close to the full-precision model it was made from.
        const full = await fp32.embed(TRIPLES.flat());
        full.forEach((v, i) => expect(cosineSimilarity(v, vectors[i]!)).toBeGreaterThan(0.95));
      } finally {
        await Promise.all([int8.dispose(), fp32.dispose()]);
      }
    }, 30_000);
  },
);
