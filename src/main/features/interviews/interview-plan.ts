// Which questions an interview asks, decided when it is created. The bank always
// answers at once; when it has fewer matching questions than asked for and a language model is
// installed, the rest are left to the generate-questions job, which appends them later. A pasted
// job description's skills (rule-based, no model) choose the matching questions.
import type { Level, QuestionType } from '../../../shared/contract';
import type { GenerationStatus } from '../../../shared/contract/interviews';
import { AppError, notFound } from '../../platform/errors';
import { parseStringArray } from '../../platform/json';
import { extractSkills } from '../question-generation/skills';
import type { ServiceContext } from '../service-context';
import { planQuestions, type PlanCandidate } from './question-plan';
import { nearDuplicateWording } from '../../assessment/near-duplicate';

export interface PlanRequest {
  readonly profileId: string;
  readonly roleId: string;
  readonly roleTitle: string;
  readonly level: Level;
  readonly questionCount: number;
  readonly seed: number;
  /** Skills the candidate chose (or the profile's). */
  readonly skills: readonly string[];
  readonly questionIds?: readonly string[] | undefined;
  readonly jobDescription?: string | undefined;
}

export interface InterviewPlanDraft {
  readonly questionIds: string[];
  readonly requested: number;
  readonly jobDescription: string;
  readonly jobSkills: string[];
  /** 'queued' means: enqueue the generate-questions job for the missing questions. */
  readonly generation: Extract<GenerationStatus, 'not-needed' | 'no-model' | 'queued'>;
  readonly note: string | null;
}

export async function planInterview(
  ctx: ServiceContext,
  request: PlanRequest,
  llmInstalled: boolean,
): Promise<InterviewPlanDraft> {
  const jobDescription = (request.jobDescription ?? '').trim();
  if (request.questionIds?.length) {
    return {
      questionIds: await chosenQuestions(ctx, request.roleId, request.questionIds),
      requested: request.questionIds.length,
      jobDescription,
      jobSkills: [],
      generation: 'not-needed',
      note: null,
    };
  }
  const jobSkills = jobDescription ? extractSkills(jobDescription, await knownSkills(ctx)) : [];
  const skills =
    jobSkills.length > 0 ? [...new Set([...jobSkills, ...request.skills])] : request.skills;
  const recentlyAsked = await recentlyAskedIds(ctx, request.profileId);
  const plan = (candidates: readonly PlanCandidate[], count: number) =>
    planQuestions(candidates, {
      level: request.level,
      count,
      seed: request.seed,
      skills,
      recentlyAsked,
      nearDuplicate: nearDuplicateWording,
    });
  const requested = request.questionCount;
  const roleQuestions = await candidates(ctx, { roleId: request.roleId });
  const base = { requested, jobDescription, jobSkills };
  const noModel = (had: number, what: string): string =>
    `The bank had ${had} question${had === 1 ? '' : 's'} ${what} (${requested} asked for); install a language model to get more.`;

  if (jobSkills.length === 0) {
    // Matching questions are the role's (as before job descriptions).
    const questionIds = plan(roleQuestions, requested);
    const short = requested - questionIds.length;
    const unread = jobDescription
      ? 'No skills the bank knows were found in the job description, so the questions are general ones for the role. '
      : '';
    if (short <= 0) return { ...base, questionIds, generation: 'not-needed', note: unread || null };
    return llmInstalled
      ? { ...base, questionIds, generation: 'queued', note: unread || null }
      : {
          ...base,
          questionIds,
          generation: 'no-model',
          note: `${unread}${noModel(questionIds.length, `for ${request.roleTitle}`)}`,
        };
  }

  // With a job description, matching questions are those on its skills, from any role.
  const onSkills = await candidates(ctx, { skills: jobSkills });
  const skillList = jobSkills.slice(0, 4).join(', ');
  if (llmInstalled) {
    const fromSkills = plan(onSkills, requested);
    // The interview never waits on the model: with no question on these skills, it opens with
    // one of the role's while the rest are written.
    const questionIds = fromSkills.length > 0 ? fromSkills : plan(roleQuestions, 1);
    const short = requested - questionIds.length;
    return { ...base, questionIds, generation: short > 0 ? 'queued' : 'not-needed', note: null };
  }
  // No model: questions on the skills first, then the role's own, so the interview is full length.
  const seen = new Set(onSkills.map((c) => c.id));
  const questionIds = plan(
    [...onSkills, ...roleQuestions.filter((c) => !seen.has(c.id))],
    requested,
  );
  const onSkillCount = questionIds.filter((id) => seen.has(id)).length;
  if (onSkillCount >= requested)
    return { ...base, questionIds, generation: 'not-needed', note: null };
  const rest = questionIds.length - onSkillCount;
  return {
    ...base,
    questionIds,
    generation: 'no-model',
    note:
      `The bank had ${onSkillCount} of the ${requested} questions on ${skillList}` +
      (rest > 0
        ? `; ${rest} general ${request.roleTitle} question${rest === 1 ? '' : 's'} fill the rest`
        : '') +
      '. Install a language model to get questions on these skills.',
  };
}

/** Active bank questions (never generated ones) of a role, or tagged with any of some skills. */
async function candidates(
  ctx: ServiceContext,
  filter: { roleId: string } | { skills: readonly string[] },
): Promise<PlanCandidate[]> {
  const rows = await ctx.repos.bank.activeQuestions({
    includeGenerated: false,
    ...('roleId' in filter && { roleId: filter.roleId }),
  });
  const wanted = 'skills' in filter ? new Set(filter.skills.map((s) => s.toLowerCase())) : null;
  return rows
    .map((c) => ({
      id: c.id,
      type: c.type as QuestionType,
      level: c.difficulty as Level,
      skills: parseStringArray(c.skills),
      content: c.content,
    }))
    .filter((c) => !wanted || c.skills.some((s) => wanted.has(s.toLowerCase())));
}

/** Every skill the bank knows: question skill tags and role skill tags. */
export async function knownSkills(ctx: ServiceContext): Promise<string[]> {
  const questionSkills = await ctx.repos.bank.activeSkillLists();
  const roleSkills = await ctx.repos.bank.roleSkillTags();
  return [...questionSkills, ...roleSkills].flatMap(parseStringArray);
}

/** "Practise this question again": the given questions, in the given order. */
async function chosenQuestions(
  ctx: ServiceContext,
  roleId: string,
  questionIds: readonly string[],
): Promise<string[]> {
  const rows = await ctx.repos.bank.questionsByIds(questionIds);
  for (const id of questionIds) {
    const row = rows.find((r) => r.id === id);
    if (!row) throw notFound('Question', id);
    if (row.job_role_id !== roleId)
      throw new AppError(
        'VALIDATION',
        `Question "${id}" belongs to another role ("${row.job_role_id}").`,
      );
  }
  return [...new Set(questionIds)];
}

/** Questions shown to this person in their last 20 sessions. */
async function recentlyAskedIds(ctx: ServiceContext, profileId: string): Promise<Set<string>> {
  return ctx.repos.bank.recentlyAskedIds(profileId, 20);
}
