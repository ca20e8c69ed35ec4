import { parseArgs } from 'node:util';
import { levelSchema, questionTypes, type QuestionType } from '../../../shared/contract';
import { startRehearse } from '../../app/rehearse-app';
import { resolveDataDir } from '../../platform/data-dir';
import { asStringArray, parseObject, parseStringArray } from '../../platform/json';
import type { AnswerRepository } from '../../storage/repositories/answer-repository';
import {
  FOLLOW_UP_RULES_ENGINE,
  GENERIC_FOLLOW_UPS,
  chooseFollowUp,
  describeGap,
  describeGaps,
  findGaps,
  type BankFollowUp,
} from '../../assessment/follow-ups/follow-up-rules';
import { phraseFollowUp } from '../../features/follow-ups/phrase-follow-up';
import { extractSkills } from '../../features/question-generation/skills';
import { generateQuestion } from '../../features/question-generation/question-generator';
import { duplicateCheck } from '../../features/question-generation/question-dedup';
import { knownSkills } from '../../features/interviews/interview-plan';
import { QuestionSimilarity } from '../../features/bank/question-similarity';
import { findLlmModel } from '../../engines/llm/model-path';
import { parseKeywordSynonyms } from '../../storage/question-rows';
import fs from 'node:fs';
import path from 'node:path';
import type { CliIo } from './cli-io';
import { UsageError } from './cli-io';

function list(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

function seconds(value: string | undefined, fallback: number): number {
  const n = value === undefined ? fallback : Number(value);
  if (!Number.isFinite(n) || n <= 0)
    throw new UsageError('--timeout must be a number of seconds > 0.');
  return n * 1000;
}

async function openApp(io: CliIo, modelFlag: string | undefined) {
  const dataDir = resolveDataDir(io.env);
  const model = findLlmModel(dataDir, { flag: modelFlag, env: io.env });
  return startRehearse({ dataDir, transport: 'web', llm: { modelPath: model?.path ?? null } });
}

/**
 * `rehearse ask --role R --level L [--skills a,b] [--job-description FILE] [--profile NAME]
 * [--model PATH] [--json]`: one generated question ("engine": "llm"), or the bank's best match
 * ("engine": "bank") with the reason.
 */
export async function askCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      role: { type: 'string' },
      level: { type: 'string' },
      skills: { type: 'string' },
      'job-description': { type: 'string' },
      profile: { type: 'string' },
      model: { type: 'string' },
      timeout: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (!values.role || !values.level) throw new UsageError('ask needs --role and --level.');
  const level = levelSchema.safeParse(values.level);
  if (!level.success)
    throw new UsageError(`--level must be entry, intermediate or senior, not "${values.level}".`);
  const timeoutMs = seconds(values.timeout, 120);
  const app = await openApp(io, values.model);
  try {
    const { bank, answers } = app.context.repos;
    const jobDescription = values['job-description']
      ? fs.readFileSync(values['job-description'], 'utf8')
      : undefined;
    let skills = list(values.skills);
    if (jobDescription && skills.length === 0)
      skills = extractSkills(jobDescription, await knownSkills(app.context));
    const history = values.profile ? await bank.askedContentsByProfileName(values.profile) : [];
    const gaps = values.profile ? await recentGaps(answers, values.profile) : [];
    const question = await generateQuestion(
      bank,
      app.llm.current(),
      { role: values.role, level: level.data, skills, jobDescription, history, gaps },
      {
        timeoutMs,
        // The same check interviews use: by meaning with an embedding model, else by wording.
        isDuplicate: duplicateCheck(
          app.context,
          new QuestionSimilarity(app.context, path.join(app.dataDir, 'indexes')),
        ),
      },
    );
    const out = { ...question, skills, gaps };
    io.stdout(
      values.json
        ? `${JSON.stringify(out, null, 2)}\n`
        : `${question.question}\n(${question.type}; engine: ${question.engine}${question.fallback_reason ? `; ${question.fallback_reason}` : ''})\n`,
    );
    return 0;
  } finally {
    await app.close();
  }
}

/** Fact key points the profile's last scored answers left out, most frequent first. */
async function recentGaps(answers: AnswerRepository, profileName: string): Promise<string[]> {
  const counts = new Map<string, number>();
  for (const detailsJson of await answers.latestFeedbackDetailsByProfileName(profileName, 10)) {
    const details = parseObject(detailsJson);
    // Parts of a story ("the result") are not topics to ask about: only fact key points are.
    if (details['answerParts']) continue;
    for (const k of asStringArray(details['keywordsMissing']))
      counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 6)
    .map(([k]) => k);
}

/**
 * `rehearse follow-up --question Q --answer A [--type T] [--model PATH] [--json]`: whether the
 * bank's rules would follow up on this answer, about which gap, and the question (worded by the
 * LLM when a model is installed and its wording passes the checks).
 */
export async function followUpCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      question: { type: 'string' },
      answer: { type: 'string' },
      type: { type: 'string' },
      keywords: { type: 'string' },
      model: { type: 'string' },
      timeout: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (!values.question || values.answer === undefined)
    throw new UsageError('follow-up needs --question and --answer.');
  if (values.type && !(questionTypes as readonly string[]).includes(values.type))
    throw new UsageError(`--type must be one of ${questionTypes.join(', ')}.`);
  const timeoutMs = seconds(values.timeout, 60);
  const app = await openApp(io, values.model);
  try {
    // A bank question with this wording brings its key points and its own follow-ups.
    const bank = await app.context.repos.bank.activeQuestions({ includeGenerated: true });
    const key = values.question.trim().toLowerCase();
    const match = bank.find((q) => q.content.trim().toLowerCase() === key);
    const type = (values.type ?? match?.type ?? 'behavioral') as QuestionType;
    const gaps = findGaps({
      question: values.question,
      idealAnswer: match?.ideal_answer ?? '',
      expectedKeywords: match ? parseStringArray(match.expected_keywords) : list(values.keywords),
      keywordSynonyms: match ? parseKeywordSynonyms(match.keyword_synonyms) : {},
      type,
      answer: values.answer,
      timeLimitSeconds: 120,
      overTimeSeconds: 0,
    });
    const followUps: BankFollowUp[] = match
      ? (JSON.parse(match.follow_ups) as BankFollowUp[])
      : [...GENERIC_FOLLOW_UPS];
    const choice = chooseFollowUp(followUps, gaps, type, new Set());
    const gapWords = describeGaps(gaps, type);
    let question = choice?.question ?? null;
    let engine: string | null = choice ? FOLLOW_UP_RULES_ENGINE : null;
    let fallbackReason: string | null = null;
    const runtime = app.llm.current();
    if (choice && runtime) {
      const phrased = await phraseFollowUp(
        runtime,
        {
          question: values.question,
          answer: values.answer,
          gap: describeGap(choice.when, choice.detail, gaps),
          suggestion: choice.question,
          avoid: [],
        },
        { timeoutMs },
      );
      if (phrased.ok) ({ question, engine } = phrased.value);
      else fallbackReason = phrased.reason;
    } else if (choice) fallbackReason = 'no language model is installed';
    const out = {
      follow_up: choice !== null,
      trigger: choice?.when ?? null,
      gaps: gapWords,
      question,
      bank_question: choice?.question ?? null,
      engine,
      fallback_reason: fallbackReason,
      bank_question_id: match?.id ?? null,
    };
    io.stdout(
      values.json
        ? `${JSON.stringify(out, null, 2)}\n`
        : choice
          ? `${question}\n(${choice.when}; engine: ${engine}${fallbackReason ? `; ${fallbackReason}` : ''})\n`
          : 'No follow-up: the answer has no gap this question follows up on.\n',
    );
    return 0;
  } finally {
    await app.close();
  }
}
