import { z } from 'zod';
import { checkFollowUpQuestion, parseJson, type Checked } from '../../engines/llm/llm-output';
import { LlmError, type LlmRuntime } from '../../engines/llm/llm-runtime';
import { fillPrompt, loadPrompt } from '../../engines/llm/prompts';

const outputSchema = z.object({ question: z.string() });
export const FOLLOW_UP_JSON_SCHEMA = {
  type: 'object',
  properties: { question: { type: 'string', minLength: 15, maxLength: 200 } },
  required: ['question'],
} as const;

export interface FollowUpPhrasing {
  readonly question: string;
  /** "llm:<model>+follow-up.v2" */
  readonly engine: string;
}

/**
 * Asks the LLM to word a follow-up the rules chose, for this answer. Returns the checked
 * question, or why there is none (no JSON, off-schema, a repeat, a timeout…): the caller keeps
 * the bank's wording then. Errors other than the LLM's own are thrown.
 */
export async function phraseFollowUp(
  runtime: LlmRuntime,
  input: {
    readonly question: string;
    readonly answer: string;
    readonly gap: string;
    readonly suggestion: string;
    /** Questions it must not repeat (the one it follows, earlier follow-ups). */
    readonly avoid: readonly string[];
  },
  options: {
    readonly timeoutMs: number;
    readonly signal?: AbortSignal;
    readonly onToken?: (text: string) => void;
  },
): Promise<Checked<FollowUpPhrasing>> {
  const prompt = loadPrompt('follow-up');
  try {
    const result = await runtime.generate(
      {
        mode: 'chat',
        system: prompt.system,
        prompt: fillPrompt(prompt.user, {
          question: input.question,
          gap: input.gap,
          suggestion: input.suggestion,
          answer: input.answer,
        }),
        maxTokens: 120,
        temperature: 0,
        jsonSchema: FOLLOW_UP_JSON_SCHEMA,
      },
      options,
    );
    const parsed = parseJson(result.text, outputSchema);
    if (!parsed.ok) return parsed;
    const checked = checkFollowUpQuestion(parsed.value.question, [input.question, ...input.avoid]);
    return checked.ok
      ? {
          ok: true,
          value: { question: checked.value, engine: `llm:${result.modelId}+${prompt.id}` },
        }
      : checked;
  } catch (error) {
    if (error instanceof LlmError) return { ok: false, reason: error.message };
    throw error;
  }
}
