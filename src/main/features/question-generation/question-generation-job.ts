import type { Level } from '../../../shared/contract';
import type { GenerationStatus } from '../../../shared/contract/interviews';
import { parseStringArray } from '../../platform/json';
import { defineJob } from '../../jobs/define-job';
import { JOB_TYPES } from '../../jobs/job-types';
import type { LlmService } from '../../engines/llm/llm-service';
import type { ServiceContext } from '../service-context';
import { appendGeneratedQuestion, setGeneration } from './generation-state';
import { describeDuplicate, type DuplicateCheck } from './question-dedup';
import { writeQuestion } from './question-generator';

/** Tries per missing question: the model may repeat itself or fail a check. */
const TRIES_PER_QUESTION = 3;

/**
 * Writes the questions an interview's bank plan lacked and appends each to the plan as soon as
 * it passes the checks (schema, prose, not a repeat of the bank or of this person's history).
 * The interview runs meanwhile; questions only ever go after the candidate's current position.
 * Progress is reported per question; cancelling the job (jobs.cancel) stops it between tokens.
 */
export const questionGenerationJob = defineJob(
  JOB_TYPES.generateQuestions,
  ({
    ctx,
    llm,
    isDuplicate,
  }: {
    ctx: ServiceContext;
    llm: LlmService;
    isDuplicate: DuplicateCheck;
  }) =>
    // The questions are useful only while the interview runs: declared with one attempt.
    async ({ sessionId }, job) => {
      const { db, repos, clock, ids, events } = ctx;
      const s = await repos.sessions.generationRequest(sessionId);
      if (!s) return;
      let total = s.total_questions;
      const finish = async (status: GenerationStatus, note: string | null) => {
        await setGeneration(repos.sessions, clock, sessionId, status, note);
        events.emit('interview.plan', { sessionId, generation: status, totalQuestions: total });
      };
      const missing = (s.requested_questions ?? total) - total;
      if (missing <= 0) return finish('done', null);
      if (s.status !== 'pending' && s.status !== 'active')
        return finish(
          'cancelled',
          `The interview was ${s.status} before questions were generated.`,
        );
      const runtime = llm.current();
      if (!runtime)
        return finish(
          'no-model',
          `The bank had ${total} questions for this (${total + missing} asked for); the language model was removed before it could write more.`,
        );
      await finish('running', null);

      const jobSkills = parseStringArray(s.job_skills);
      const skills = jobSkills.length > 0 ? jobSkills : parseStringArray(s.skill_tags);
      const history = await askedBefore(ctx, s.user_id);
      const reasons: string[] = [];
      let made = 0;
      let stopped: string | null = null;
      for (let attempt = 0; made < missing && attempt < missing * TRIES_PER_QUESTION; attempt++) {
        if (job.signal.aborted) break;
        job.progress('generating', made, missing);
        // Each try leads with another skill, so the prompts (and questions) differ.
        const lead = skills.length > 0 ? attempt % skills.length : 0;
        const focus = [...skills.slice(lead), ...skills.slice(0, lead)].slice(0, 3);
        const written = await writeQuestion(
          runtime,
          {
            role: s.title,
            level: s.difficulty_level as Level,
            skills: focus,
            ...(s.job_description && { jobDescription: s.job_description }),
            history,
          },
          {
            timeoutMs: llm.questionBudgetMs,
            signal: job.signal,
            onToken: (text) =>
              events.emit('llm.token', {
                jobId: job.jobId,
                type: JOB_TYPES.generateQuestions.type,
                text,
              }),
          },
        );
        if (!written.ok) {
          reasons.push(written.reason);
          if ('final' in written) break;
          continue;
        }
        const duplicate = await isDuplicate(written.value.question, history);
        if (duplicate) {
          reasons.push(describeDuplicate(duplicate));
          continue;
        }
        const outcome = await appendGeneratedQuestion(
          db,
          clock,
          ids,
          sessionId,
          written.value,
          focus.slice(0, 1),
        );
        if (!outcome.added) {
          stopped = outcome.why;
          break;
        }
        made++;
        total = outcome.totalQuestions;
        history.push(written.value.question);
        events.emit('interview.plan', { sessionId, generation: 'running', totalQuestions: total });
      }
      job.progress('done', made, missing);
      if (job.signal.aborted)
        return finish(
          'cancelled',
          `Generating questions was cancelled after ${made} of ${missing}.`,
        );
      if (made === missing) return finish('done', null);
      const why = stopped ?? reasons.at(-1) ?? 'the model gave no usable question';
      return finish(
        'failed',
        `The language model added ${made} of the ${missing} questions the bank lacked: ${why}.`,
      );
    },
);

/** Every question this person was shown, oldest first (this interview's plan included). */
async function askedBefore(ctx: ServiceContext, profileId: string): Promise<string[]> {
  return [...new Set(await ctx.repos.bank.askedContents(profileId))];
}
