// Sentiment, lemmas, sentences, named entities and first-person action phrases of an answer, from
// wink-nlp with its English lite web model (pure JavaScript, offline). Fillers, hedges and
// specificity live in scoring/signals.ts; this adds what needs a tagger.
import winkNLP, { type PartOfSpeech } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

export interface LinguisticAnalysis {
  /** -1..1, wink's document sentiment. */
  readonly sentiment: number;
  /** Lower-case lemmas of content words (nouns, verbs, adjectives, adverbs, proper nouns), in order. */
  readonly lemmas: string[];
  readonly sentenceCount: number;
  /** wink's named entities (DATE, DURATION, CARDINAL, PERCENT, MONEY, …), emoji and emoticons left out. */
  readonly entities: { text: string; type: string }[];
  /** "I" + verb phrases ("I built", "I have led", "I was running"): evidence of one's own actions. */
  readonly firstPersonActions: number;
}

export interface Linguistics {
  readonly id: string;
  analyse(text: string): LinguisticAnalysis;
}

/** Keep in step with package.json; linguistics.test.ts checks them against the installed packages. */
export const WINK_NLP_VERSION = '2.4.0';
export const WINK_MODEL_VERSION = '1.8.1';

const CONTENT_POS: ReadonlySet<PartOfSpeech> = new Set(['NOUN', 'VERB', 'ADJ', 'ADV', 'PROPN']);
const SKIPPED_ENTITIES = new Set(['EMOJI', 'EMOTICON']);
/** Auxiliaries that make "I … verb" hypothetical rather than something done. */
const MODALS = new Set([
  'will',
  'would',
  'can',
  'could',
  'shall',
  'should',
  'may',
  'might',
  'must',
]);
/** Verbs of thinking, feeling and wanting: "I think", "I hope" are not actions. */
const NON_ACTIONS = new Set([
  'think',
  'guess',
  'believe',
  'suppose',
  'reckon',
  'assume',
  'mean',
  'know',
  'feel',
  'hope',
  'wish',
  'want',
  'like',
  'love',
  'hate',
  'need',
  'wonder',
  'remember',
  'forget',
]);
/** wink keeps some contractions as one token ("I'm" is tagged PROPN); what each implies. */
const SUBJECT_FORMS: ReadonlyMap<string, 'none' | 'be' | 'have' | 'modal'> = new Map([
  ['i', 'none'],
  ["i'm", 'be'],
  ["i've", 'have'],
  ["i'd", 'modal'],
  ["i'll", 'modal'],
]);
/** How many adverbs/auxiliaries may sit between "I" and the verb ("I have also personally built"). */
const MAX_GAP = 4;

/**
 * The part of wink-nlp used here. Its bundled types declare the `its.*` helpers as methods (so
 * passing them trips unbound-method), type `each` callbacks as a union of signatures (so their
 * parameters become implicit any) and reject `its.lemma` as an `out()` argument. This narrow view
 * is what the library does at run time; values come back `unknown` and are checked where read.
 */
type ItsFn = (...args: never[]) => unknown;
interface WinkItems {
  out(f: ItsFn): unknown[];
  each(cb: (item: WinkItem) => void): void;
}
interface WinkItem {
  out(f: ItsFn): unknown;
  tokens(): WinkItems;
}
interface WinkDoc {
  tokens(): WinkItems;
  sentences(): WinkItems;
  entities(): WinkItems;
  out(f: ItsFn): unknown;
}
interface Wink {
  readDoc(text: string): WinkDoc;
  readonly its: Record<'value' | 'pos' | 'lemma' | 'negationFlag' | 'detail' | 'sentiment', ItsFn>;
}

/** Custom entities ("cer") are not used, so that step of wink's pipeline is left out. */
const PIPE = ['sbd', 'negation', 'sentiment', 'pos', 'ner'];
let shared: Wink | undefined;

/** Loads the model on the first call (~90 ms) and shares it afterwards. */
export function createLinguistics(): Linguistics {
  shared ??= winkNLP(model, PIPE) as unknown as Wink;
  const nlp = shared;
  return {
    id: `wink-nlp@${WINK_NLP_VERSION}+wink-eng-lite-web-model@${WINK_MODEL_VERSION}`,
    analyse: (text) => analyse(nlp, text),
  };
}

interface TokenView {
  readonly value: string;
  readonly lower: string;
  readonly pos: PartOfSpeech;
  readonly lemma: string;
  readonly negated: boolean;
}

function analyse(nlp: Wink, text: string): LinguisticAnalysis {
  const its = nlp.its;
  const doc = nlp.readDoc(text);
  const all = doc.tokens();
  const values = all.out(its.value);
  const pos = all.out(its.pos);
  const lemmas = all.out(its.lemma);
  const negated = all.out(its.negationFlag);
  const tokens: TokenView[] = values.map((raw, i) => {
    const value = str(raw);
    return {
      value,
      lower: value.toLowerCase().replace(/\u2019/g, "'"),
      pos: str(pos[i]) as PartOfSpeech,
      lemma: str(lemmas[i]).toLowerCase(),
      negated: negated[i] === true,
    };
  });

  let sentenceCount = 0;
  doc.sentences().each((sentence) => {
    // wink reports one sentence for empty or punctuation-only text; count only those with words.
    const tags = sentence.tokens().out(its.pos);
    if (tags.some((p) => p !== 'PUNCT' && p !== 'SPACE')) sentenceCount += 1;
  });

  const entities: { text: string; type: string }[] = [];
  doc.entities().each((entity) => {
    const detail = entity.out(its.detail);
    if (typeof detail !== 'object' || detail === null) return;
    const { value, type } = detail as { value?: unknown; type?: unknown };
    if (typeof value === 'string' && typeof type === 'string' && !SKIPPED_ENTITIES.has(type)) {
      entities.push({ text: value, type });
    }
  });

  const sentiment = doc.out(its.sentiment);
  return {
    sentiment:
      sentenceCount === 0 || typeof sentiment !== 'number'
        ? 0
        : Math.max(-1, Math.min(1, sentiment)),
    lemmas: tokens
      .filter((t) => CONTENT_POS.has(t.pos) && /\p{L}/u.test(t.lemma))
      .map((t) => t.lemma),
    sentenceCount,
    entities,
    firstPersonActions: countFirstPersonActions(tokens),
  };
}

/**
 * Counts "I" followed (after at most a few adverbs or auxiliaries) by a verb that is a deed:
 * not negated ("I didn't build"), not hypothetical ("I would lead"), not passive ("I was
 * promoted"; "I was leading" counts), and not a verb of thinking or feeling ("I think").
 */
function countFirstPersonActions(tokens: readonly TokenView[]): number {
  let count = 0;
  for (const [i, token] of tokens.entries()) {
    const form = SUBJECT_FORMS.get(token.lower);
    if (form === undefined || (form === 'none' && token.pos !== 'PRON')) continue;
    if (form === 'modal') continue;
    let sawBe = form === 'be';
    for (let j = i + 1; j < tokens.length && j <= i + MAX_GAP + 1; j += 1) {
      const next = tokens[j];
      if (next === undefined) break;
      if (next.pos === 'VERB') {
        const passive = sawBe && !next.lower.endsWith('ing');
        if (!next.negated && !passive && !NON_ACTIONS.has(next.lemma)) count += 1;
        break;
      }
      if (next.pos === 'PART' && next.lemma === 'not') break;
      if (next.pos === 'AUX') {
        if (MODALS.has(next.lemma)) break;
        if (next.lemma === 'be') sawBe = true;
        continue;
      }
      if (next.pos !== 'ADV') break;
    }
  }
  return count;
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
