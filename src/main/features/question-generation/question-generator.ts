// Question generation: a new question for a role, level and skills, written by the
// local LLM under a JSON-schema grammar, validated again with zod, and refused when it repeats a
// bank question or one this person was already asked. Otherwise, and with no model, the best
// matching bank question is returned, with the reason.
import { z } from 'zod';
import { questionTypes, type Level, type QuestionType } from '../../../shared/contract';
import { parseStringArray } from '../../platform/json';
import type { QuestionBankRepository } from '../../storage/repositories/question-bank-repository';
import { checkProse, parseJson, type Checked } from '../../engines/llm/llm-output';
import { LlmError, type LlmFailure, type LlmRuntime } from '../../engines/llm/llm-runtime';
import { fillPrompt, loadPrompt } from '../../engines/llm/prompts';
import { describeDuplicate, lexicalDuplicate, type DuplicateCheck } from './question-dedup';

export interface QuestionRequest {
  readonly role: string;
  readonly level: Level;
  readonly skills: readonly string[];
  readonly jobDescription?: string;
  /** Questions already asked of this person (history): never asked again. */
  readonly history: readonly string[];
  /** Key points earlier answers left out: the next question probes them. */
  readonly gaps?: readonly string[];
}

export interface GeneratedQuestion {
  readonly question: string;
  readonly type: QuestionType;
  readonly expected_keywords: string[];
  readonly ideal_answer: string;
  readonly rubric: { strong: string; adequate: string; weak: string };
  readonly engine: 'llm' | 'bank';
  /** "llm:<model>+question.v1", or the bank question's id. */
  readonly source: string;
  /** Why the LLM's question is not the one returned, when it was tried or could not be. */
  readonly fallback_reason: string | null;
}

// Lengths the grammar enforces, in characters. Together they must fit in MAX_TOKENS: a model
// that rambles to every maximum would otherwise be cut off inside the JSON (as SmolLM2 and Gemma
// 3 270M were, at 300/600/200). At about 4 characters a token the maxima below come to ~330
// tokens of text plus ~50 of JSON.
const LIMITS = {
  question: [15, 200],
  keyword: [2, 30],
  keywords: [2, 5],
  ideal: [40, 400],
  rubric: [5, 150],
} as const;
const MAX_TOKENS = 500;

const text = ([min, max]: readonly [number, number]) => ({
  type: 'string',
  minLength: min,
  maxLength: max,
});
export const QUESTION_JSON_SCHEMA = {
  type: 'object',
  properties: {
    question: text(LIMITS.question),
    type: { enum: [...questionTypes] },
    expected_keywords: {
      type: 'array',
      items: text(LIMITS.keyword),
      minItems: LIMITS.keywords[0],
      maxItems: LIMITS.keywords[1],
    },
    ideal_answer: text(LIMITS.ideal),
    rubric: {
      type: 'object',
      properties: {
        strong: text(LIMITS.rubric),
        adequate: text(LIMITS.rubric),
        weak: text(LIMITS.rubric),
      },
      required: ['strong', 'adequate', 'weak'],
    },
  },
  required: ['question', 'type', 'expected_keywords', 'ideal_answer', 'rubric'],
} as const;

const zText = ([min, max]: readonly [number, number]) => z.string().min(min).max(max);
const outputSchema = z.object({
  question: zText(LIMITS.question),
  type: z.enum(questionTypes),
  expected_keywords: z.array(zText(LIMITS.keyword)).min(LIMITS.keywords[0]).max(LIMITS.keywords[1]),
  ideal_answer: zText(LIMITS.ideal),
  rubric: z.object({
    strong: zText(LIMITS.rubric),
    adequate: zText(LIMITS.rubric),
    weak: zText(LIMITS.rubric),
  }),
});

export interface GenerateOptions {
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
  readonly onToken?: (text: string) => void;
  /** How repeats are found; default: by wording, against the bank and the history. */
  readonly isDuplicate?: DuplicateCheck;
}

export async function generateQuestion(
  questions: QuestionBankRepository,
  runtime: LlmRuntime | null,
  request: QuestionRequest,
  options: GenerateOptions,
): Promise<GeneratedQuestion> {
  // Questions generated for someone's interview are not the bank's to offer.
  const bank = await questions.activeQuestions({ includeGenerated: false });
  let reason = 'no language model is installed';
  if (runtime) {
    const written = await writeQuestion(runtime, request, options);
    if (written.ok) {
      const duplicate = options.isDuplicate
        ? await options.isDuplicate(written.value.question, request.history)
        : lexicalDuplicate(
            written.value.question,
            request.history,
            bank.map((q) => q.content),
          );
      if (!duplicate) return written.value;
      reason = describeDuplicate(duplicate);
    } else reason = written.reason;
  }
  return fromBank(bank, request, reason);
}

/** Failures another try cannot mend: the model file itself, or the caller gave up. */
const FINAL_FAILURES: ReadonlySet<LlmFailure> = new Set([
  'model-missing',
  'model-invalid',
  'too-big',
  'cancelled',
]);

/** What the model wrote, checked; `final` when trying again would fail the same way. */
export type WrittenQuestion =
  | Checked<GeneratedQuestion>
  | { readonly ok: false; readonly reason: string; readonly final: true };

/** One question from the LLM, checked (JSON schema, zod, prose checks); no de-duplication. */
export async function writeQuestion(
  runtime: LlmRuntime,
  request: QuestionRequest,
  options: Pick<GenerateOptions, 'timeoutMs' | 'signal' | 'onToken'>,
): Promise<WrittenQuestion> {
  const prompt = loadPrompt('question');
  try {
    const result = await runtime.generate(
      {
        mode: 'chat',
        system: prompt.system,
        prompt: fillPrompt(prompt.user, {
          role: request.role,
          level: request.level,
          skills: request.skills.join(', ') || 'general',
          asked: request.history.slice(-3).join(' | ') || 'none',
          gaps: (request.gaps ?? []).slice(0, 6).join(', ') || 'none',
          job: (request.jobDescription ?? '').slice(0, 600) || 'none',
        }),
        maxTokens: MAX_TOKENS,
        temperature: 0,
        jsonSchema: QUESTION_JSON_SCHEMA,
      },
      options,
    );
    const parsed = parseJson(result.text, outputSchema);
    if (!parsed.ok) return parsed;
    // A small model that loses its place writes the JSON's own field names into the text.
    const fields = /\b(expected_keywords|ideal_answer|rubric)\b/i;
    const echoed = [
      parsed.value.question,
      parsed.value.ideal_answer,
      ...Object.values(parsed.value.rubric),
    ].find((t) => fields.test(t));
    if (echoed !== undefined)
      return { ok: false, reason: 'the model wrote the JSON field names into its text' };
    const q = checkProse(parsed.value.question, {
      minWords: 3,
      maxChars: LIMITS.question[1],
      what: 'question',
    });
    if (!q.ok) return q;
    const ideal = checkProse(parsed.value.ideal_answer, {
      minWords: 5,
      maxChars: LIMITS.ideal[1],
      what: 'ideal answer',
    });
    if (!ideal.ok) return ideal;
    // The grammar counts items, not distinct ones: a model that writes one term twice has
    // given one key term, and scoring needs at least two.
    const keywords = [...new Set(parsed.value.expected_keywords.map((k) => k.trim()))];
    if (keywords.length < LIMITS.keywords[0])
      return { ok: false, reason: 'the key terms repeated each other' };
    // Key terms and rubric are shown and scored against too: the same checks as any prose.
    for (const keyword of keywords) {
      const term = checkProse(keyword, {
        minWords: 1,
        maxChars: LIMITS.keyword[1],
        what: 'key term',
      });
      if (!term.ok) return term;
      if (!/\p{L}/u.test(keyword)) return { ok: false, reason: 'a key term had no word in it' };
    }
    for (const grade of ['strong', 'adequate', 'weak'] as const) {
      const line = checkProse(parsed.value.rubric[grade], {
        minWords: 1,
        maxChars: LIMITS.rubric[1],
        what: `rubric's "${grade}" line`,
      });
      if (!line.ok) return line;
    }
    return {
      ok: true,
      value: {
        ...parsed.value,
        question: q.value,
        ideal_answer: ideal.value,
        expected_keywords: keywords,
        engine: 'llm',
        source: `llm:${result.modelId}+${prompt.id}`,
        fallback_reason: null,
      },
    };
  } catch (error) {
    if (error instanceof LlmError)
      return FINAL_FAILURES.has(error.kind)
        ? { ok: false, reason: error.message, final: true }
        : { ok: false, reason: error.message };
    throw error;
  }
}

type BankRow = {
  id: string;
  content: string;
  type: string;
  difficulty: string;
  difficulty_rank: number;
  job_role_id: string;
  skills: string;
  expected_keywords: string;
  ideal_answer: string;
  rubric: string;
};

/**
 * The bank's best match: this role (or, for a role the bank lacks, any role) at this level, most
 * skills in common, not asked before; deterministic (ties by difficulty rank, then id).
 */
function fromBank(
  bank: readonly BankRow[],
  request: QuestionRequest,
  reason: string,
): GeneratedQuestion {
  const wanted = new Set(request.skills.map((s) => s.toLowerCase()));
  const asked = new Set(request.history);
  const hasRole = bank.some((q) => q.job_role_id === request.role);
  const pool = bank.filter(
    (q) =>
      (!hasRole || q.job_role_id === request.role) &&
      q.difficulty === request.level &&
      !asked.has(q.content),
  );
  // Skills asked for, and key points earlier answers missed, both count.
  const gaps = new Set((request.gaps ?? []).map((g) => g.toLowerCase()));
  const overlap = (q: BankRow) =>
    parseStringArray(q.skills).filter((s) => wanted.has(s.toLowerCase())).length +
    parseStringArray(q.expected_keywords).filter((k) => gaps.has(k.toLowerCase())).length;
  const ranked = [...pool].sort(
    (a, b) =>
      overlap(b) - overlap(a) || a.difficulty_rank - b.difficulty_rank || a.id.localeCompare(b.id),
  );
  const pick = ranked[0];
  if (!pick)
    throw new Error(`The bank has no ${request.level} question left for "${request.role}".`);
  const rubric = parseRubric(pick.rubric);
  return {
    question: pick.content,
    type: pick.type as QuestionType,
    expected_keywords: parseStringArray(pick.expected_keywords),
    ideal_answer: pick.ideal_answer,
    rubric,
    engine: 'bank',
    source: pick.id,
    fallback_reason: hasRole
      ? reason
      : `${reason}; the bank has no role "${request.role}", so this matches the skills`,
  };
}

function parseRubric(text: string): GeneratedQuestion['rubric'] {
  try {
    const r = JSON.parse(text) as Record<string, unknown>;
    const s = (k: string) => (typeof r[k] === 'string' ? r[k] : '');
    return { strong: s('strong'), adequate: s('adequate'), weak: s('weak') };
  } catch {
    return { strong: '', adequate: '', weak: '' };
  }
}
