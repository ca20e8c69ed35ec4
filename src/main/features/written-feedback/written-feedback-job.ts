import { z } from 'zod';
import type { AnswerResult } from '../../../shared/contract';
import { defineJob } from '../../jobs/define-job';
import { JOB_TYPES } from '../../jobs/job-types';
import { checkGrounded, checkProse, parseJson, type Checked } from '../../engines/llm/llm-output';
import { LlmError, type LlmRuntime } from '../../engines/llm/llm-runtime';
import type { LlmService } from '../../engines/llm/llm-service';
import { fillPrompt, loadPrompt } from '../../engines/llm/prompts';
import type { ServiceContext } from '../service-context';
import { ResultsService } from '../results/results-service';
import {
  answerFacts,
  answerParagraph,
  sessionSummary,
  TEMPLATE_ENGINE,
} from '../../assessment/written-feedback';

const ANSWER_SCHEMA = {
  type: 'object',
  properties: {
    feedback: { type: 'string', minLength: 40, maxLength: 400 },
    improved_answer: { type: 'string', minLength: 40, maxLength: 600 },
  },
  required: ['feedback', 'improved_answer'],
} as const;
const answerOutput = z.object({ feedback: z.string(), improved_answer: z.string() });
const SUMMARY_SCHEMA = {
  type: 'object',
  properties: { summary: { type: 'string', minLength: 40, maxLength: 400 } },
  required: ['summary'],
} as const;
const summaryOutput = z.object({ summary: z.string() });

/**
 * Writes the feedback of an ended interview: first the template text for every answer and the
 * session summary (stored at once, so the results page never waits), then, if a model is
 * installed, the LLM's phrasing of the same facts, which replaces a text only when it passes the
 * checks. Runs after the session's scoring jobs (the queue is first in, first out).
 */
export const writtenFeedbackJob = defineJob(
  JOB_TYPES.writtenFeedback,
  ({ ctx, llm }: { ctx: ServiceContext; llm: LlmService }) => {
    return async ({ sessionId }, job) => {
      const { repos, clock, ids, events } = ctx;
      const profileId = await repos.sessions.ownerOf(sessionId);
      if (profileId === undefined) return;
      const results = await new ResultsService(ctx).session(profileId, sessionId);
      const scored = results.answers.filter((a) => a.scores && a.answerId);
      const summary = sessionSummary(results.answers);
      const now = () => clock.now().toISOString();

      // 1. The template, always.
      const save = (answerId: string | null, text: string, recommendations: string[]) =>
        repos.writtenFeedback.saveTemplate(
          sessionId,
          answerId,
          { text, recommendations, engine: TEMPLATE_ENGINE, now: now() },
          ids,
        );
      for (const a of scored) await save(a.answerId, answerParagraph(a), []);
      await save(null, summary.text, summary.recommendations);
      events.emit('feedback.written', { sessionId, engine: TEMPLATE_ENGINE });

      // 2. The LLM's phrasing, when a model is installed.
      const fallback = (answerId: string | null, reason: string) =>
        repos.writtenFeedback.setFallbackReason(sessionId, answerId, reason, now());
      const runtime = llm.current();
      if (!runtime) {
        for (const a of scored) await fallback(a.answerId, 'no language model is installed');
        await fallback(null, 'no language model is installed');
        return;
      }
      // One budget for the whole session: the queue runs one job at a time, and scoring the next
      // interview's answers must not wait minutes behind a slow model.
      const deadline = Date.now() + llm.feedbackBudgetMs;
      const budget = () => deadline - Date.now();
      const total = scored.length + 1;
      let done = 0;
      let phrased = false;
      // The summary first: it matters most if the budget runs out.
      job.progress('phrasing', done++, total);
      const streaming: Streaming = {
        signal: job.signal,
        onToken: (text) =>
          events.emit('llm.token', {
            jobId: job.jobId,
            type: JOB_TYPES.writtenFeedback.type,
            text,
          }),
      };
      const s = await phraseSummary(runtime, budget(), summary, streaming);
      if (s.ok) {
        await repos.writtenFeedback.savePhrasing(sessionId, null, {
          text: s.value.text,
          engine: s.value.engine,
          now: now(),
        });
        phrased = true;
      } else await fallback(null, s.reason);
      for (const a of scored) {
        job.progress('phrasing', done++, total);
        if (budget() <= 0) {
          await fallback(a.answerId, 'the time budget for this session’s feedback was used up');
          continue;
        }
        const out = await phraseAnswer(runtime, budget(), a, streaming);
        if (out.ok) {
          await repos.writtenFeedback.savePhrasing(sessionId, a.answerId, {
            text: out.value.feedback,
            improvedAnswer: out.value.improved,
            engine: out.value.engine,
            now: now(),
          });
          phrased = true;
        } else await fallback(a.answerId, out.reason);
        if (job.signal.aborted) return;
      }
      if (job.signal.aborted) return;
      job.progress('done', total, total);
      if (phrased) events.emit('feedback.written', { sessionId, engine: `llm:${runtime.modelId}` });
    };
  },
);

/** Where a phrasing's tokens go, and what stops it. */
export interface Streaming {
  readonly signal: AbortSignal;
  readonly onToken?: (text: string) => void;
}

async function generateJson(
  runtime: LlmRuntime,
  budgetMs: number,
  streaming: Streaming,
  request: {
    system: string;
    prompt: string;
    jsonSchema: Record<string, unknown>;
    maxTokens: number;
  },
): Promise<Checked<{ text: string; modelId: string }>> {
  try {
    const result = await runtime.generate(
      { mode: 'chat', temperature: 0, ...request },
      { timeoutMs: budgetMs, ...streaming },
    );
    return { ok: true, value: { text: result.text, modelId: result.modelId } };
  } catch (error) {
    if (error instanceof LlmError) return { ok: false, reason: error.message };
    throw error;
  }
}

/** The LLM's feedback on one answer, from its facts; accepted only when it passes the checks. */
export async function phraseAnswer(
  runtime: LlmRuntime,
  budgetMs: number,
  a: AnswerResult,
  streaming: Streaming,
): Promise<Checked<{ feedback: string; improved: string | null; engine: string }>> {
  const prompt = loadPrompt('answer-feedback');
  const facts = answerFacts(a).join('; ');
  const generated = await generateJson(runtime, budgetMs, streaming, {
    system: prompt.system,
    prompt: fillPrompt(prompt.user, { question: a.question, facts, answer: a.answerText }),
    jsonSchema: ANSWER_SCHEMA,
    maxTokens: 320,
  });
  if (!generated.ok) return generated;
  const parsed = parseJson(generated.value.text, answerOutput);
  if (!parsed.ok) return parsed;
  const prose = checkProse(parsed.value.feedback, { minWords: 3, maxChars: 400, what: 'feedback' });
  if (!prose.ok) return prose;
  const grounded = checkGrounded(prose.value, facts);
  if (!grounded.ok) return grounded;
  const improved = checkProse(parsed.value.improved_answer, {
    minWords: 4,
    maxChars: 600,
    what: 'improved answer',
  });
  return {
    ok: true,
    value: {
      feedback: grounded.value,
      // The example answer is optional: a bad one is left out, the feedback still counts.
      improved: improved.ok ? improved.value : null,
      engine: `llm:${generated.value.modelId}+${prompt.id}`,
    },
  };
}

/** The LLM's session summary, from the session's facts; accepted only when it passes the checks. */
export async function phraseSummary(
  runtime: LlmRuntime,
  budgetMs: number,
  summary: ReturnType<typeof sessionSummary>,
  streaming: Streaming,
): Promise<Checked<{ text: string; engine: string }>> {
  const prompt = loadPrompt('session-summary');
  const facts = summary.facts.join('; ');
  const generated = await generateJson(runtime, budgetMs, streaming, {
    system: prompt.system,
    prompt: fillPrompt(prompt.user, {
      facts,
      recommendations: summary.recommendations.join(' | '),
    }),
    jsonSchema: SUMMARY_SCHEMA,
    maxTokens: 200,
  });
  if (!generated.ok) return generated;
  const parsed = parseJson(generated.value.text, summaryOutput);
  if (!parsed.ok) return parsed;
  const prose = checkProse(parsed.value.summary, { minWords: 3, maxChars: 400, what: 'summary' });
  if (!prose.ok) return prose;
  const grounded = checkGrounded(prose.value, `${facts} ${summary.recommendations.join(' ')}`);
  if (!grounded.ok) return grounded;
  return {
    ok: true,
    value: { text: grounded.value, engine: `llm:${generated.value.modelId}+${prompt.id}` },
  };
}
