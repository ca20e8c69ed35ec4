// Question generation (seed §4.2): a new question for a role, level and skills, written by the
// local LLM under a JSON-schema grammar, validated again with zod, and refused when it repeats a
// bank question or one this person was already asked. Otherwise, and with no model, the best
// matching bank question is returned, with the reason.
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { questionTypes, type Level, type QuestionType } from '../../shared/contract';
import { parseStringArray } from '../core/json';
import type { DatabaseSchema } from '../db/schema';
import { checkProse, parseJson, type Checked } from '../llm/llm-output';
import { LlmError, type LlmFailure, type LlmRuntime } from '../llm/llm-runtime';
import { fillPrompt, loadPrompt } from '../llm/prompts';
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

const text = (min: number, max: number) => ({ type: 'string', minLength: min, maxLength: max });
export const QUESTION_JSON_SCHEMA = {
  type: 'object',
  properties: {
    question: text(15, 300),
    type: { enum: [...questionTypes] },
    expected_keywords: { type: 'array', items: text(2, 30), minItems: 2, maxItems: 6 },
    ideal_answer: text(40, 600),
    rubric: {
      type: 'object',
      properties: { strong: text(5, 200), adequate: text(5, 200), weak: text(5, 200) },
      required: ['strong', 'adequate', 'weak'],
    },
  },
  required: ['question', 'type', 'expected_keywords', 'ideal_answer', 'rubric'],
} as const;

const outputSchema = z.object({
  question: z.string().min(15).max(300),
  type: z.enum(questionTypes),
  expected_keywords: z.array(z.string().min(2).max(30)).min(2).max(6),
  ideal_answer: z.string().min(40).max(600),
  rubric: z.object({
    strong: z.string().min(5).max(200),
    adequate: z.string().min(5).max(200),
    weak: z.string().min(5).max(200),
  }),
});

// The wording check lives with the embedding check; re-exported for the CLI and its tests.
export { DUPLICATE_SIMILARITY, findDuplicate } from './question-dedup';

export interface GenerateOptions {
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
  readonly onToken?: (text: string) => void;
  /** How repeats are found; default: by wording, against the bank and the history. */
  readonly isDuplicate?: DuplicateCheck;
}

export async function generateQuestion(
  db: Kysely<DatabaseSchema>,
  runtime: LlmRuntime | null,
  request: QuestionRequest,
  options: GenerateOptions,
): Promise<GeneratedQuestion> {
  const bank = await db
    .selectFrom('questions')
    .select([
      'id',
      'content',
      'type',
      'difficulty',
      'difficulty_rank',
      'job_role_id',
      'skills',
      'expected_keywords',
      'ideal_answer',
      'rubric',
    ])
    .where('retired_at', 'is', null)
    // Questions generated for someone's interview are not the bank's to offer.
    .where('source', '!=', 'generated')
    .execute();
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
        maxTokens: 500,
        temperature: 0,
        jsonSchema: QUESTION_JSON_SCHEMA,
      },
      options,
    );
    const parsed = parseJson(result.text, outputSchema);
    if (!parsed.ok) return parsed;
    const q = checkProse(parsed.value.question, { minWords: 3, maxChars: 300, what: 'question' });
    if (!q.ok) return q;
    const ideal = checkProse(parsed.value.ideal_answer, {
      minWords: 5,
      maxChars: 600,
      what: 'ideal answer',
    });
    if (!ideal.ok) return ideal;
    return {
      ok: true,
      value: {
        ...parsed.value,
        question: q.value,
        ideal_answer: ideal.value,
        expected_keywords: [...new Set(parsed.value.expected_keywords.map((k) => k.trim()))],
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
