// LLM figures for `npm run bench`. Per model: load time, time to first token, prompt and
// generation speed, memory, and for the real instruct models (SmolLM2 135M, Gemma 3 270M) how
// often what they write passes the checks: schema-valid and accepted questions, accepted
// follow-up wordings and written feedback. The same for the bank/template path that runs with no
// model, and, with the stand-in, what our own code adds to a bare node-llama-cpp call.
// `npx tsx bench/llm-bench.ts` runs this section alone; LLM_BENCH_TRIES sets the tries per rate.
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { resolveDataDir } from '../src/main/platform/data-dir';
import {
  phraseAnswer,
  phraseSummary,
} from '../src/main/features/written-feedback/written-feedback-job';
import { answerParagraph, sessionSummary } from '../src/main/assessment/written-feedback';
import { phraseFollowUp } from '../src/main/features/follow-ups/phrase-follow-up';
import {
  generateQuestion,
  writeQuestion,
} from '../src/main/features/question-generation/question-generator';
import { LlmRuntime } from '../src/main/engines/llm/llm-runtime';
import { findLlmModel } from '../src/main/engines/llm/model-path';
import {
  FEEDBACK_CASES,
  FOLLOW_UP_CASES,
  QUESTION_REQUESTS,
  realLlms,
} from '../src/main/testing/llm-cases';
import { createTestApp } from '../src/main/testing/test-app';

const ROOT = path.resolve(import.meta.dirname, '..');
const TEST_MODEL = path.resolve(ROOT, '../shared/models/stories260k/stories260K.gguf');
const round = (n: number) => Math.round(n * 100) / 100;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
const TIMEOUT = { timeoutMs: 300_000 };

const LONG_PROMPT = Array.from(
  { length: 12 },
  () => 'Once upon a time, there was a little girl named Lily. She loved to play outside.',
).join(' ');

/** The process's resident memory, sampled while `work` runs (the model lives in a worker thread of this process). */
async function peakRss<T>(work: () => Promise<T>): Promise<{ value: T; peakRssMb: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  try {
    const value = await work();
    return { value, peakRssMb: mb(Math.max(peak, process.memoryUsage().rss)) };
  } finally {
    clearInterval(timer);
  }
}

/** Share of tries that passed, with the reasons of those that did not, most frequent first. */
function rate(results: readonly { ok: boolean; reason?: string }[]) {
  const reasons = new Map<string, number>();
  for (const r of results) if (!r.ok) reasons.set(r.reason!, (reasons.get(r.reason!) ?? 0) + 1);
  return {
    tries: results.length,
    passed: results.filter((r) => r.ok).length,
    rate: round(results.filter((r) => r.ok).length / Math.max(1, results.length)),
    refusals: Object.fromEntries([...reasons].sort((a, b) => b[1] - a[1])),
  };
}

/** Load, speed and time to first token: the same figures for every model. */
async function speed(llm: LlmRuntime) {
  const cold = performance.now();
  const first = await llm.generate(
    { mode: 'completion', prompt: 'Once upon a time', maxTokens: 1, temperature: 0 },
    TIMEOUT,
  );
  const coldStartMs = performance.now() - cold;
  // Prompt processing: a long prompt, one token out.
  const prompt = await llm.generate(
    { mode: 'completion', prompt: LONG_PROMPT, maxTokens: 1, temperature: 0 },
    TIMEOUT,
  );
  // Generation: a short prompt, many tokens out.
  const gen = await llm.generate(
    { mode: 'completion', prompt: 'Once upon a time', maxTokens: 128, temperature: 0 },
    TIMEOUT,
  );
  const genMs = gen.stats.totalMs - (gen.stats.firstTokenMs ?? 0);
  // A follow-up wording end to end: chat template, JSON grammar, checks.
  const followUps: number[] = [];
  const firstTokens: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    let firstToken: number | null = null;
    await phraseFollowUp(llm, FOLLOW_UP_CASES[0]!, {
      ...TIMEOUT,
      onToken: () => (firstToken ??= performance.now() - t),
    });
    followUps.push(performance.now() - t);
    if (firstToken !== null) firstTokens.push(firstToken);
  }
  return {
    coldStartMs: round(coldStartMs),
    loadMs: first.loadMs,
    promptTokensPerSecond: round(prompt.stats.promptTokens / (prompt.stats.totalMs / 1000)),
    promptTokens: prompt.stats.promptTokens,
    generationTokensPerSecond: round((gen.stats.generatedTokens - 1) / (genMs / 1000)),
    generatedTokens: gen.stats.generatedTokens,
    followUpTimeToFirstTokenMs: round(median(firstTokens)),
    followUpEndToEndMsMedian: round(median(followUps)),
  };
}

/** What the model writes on the shared cases, and how much of it the checks accept. */
async function acceptance(llm: LlmRuntime, tries: number) {
  const questions = [];
  const questionMs: number[] = [];
  for (let i = 0; i < tries; i++) {
    const t = performance.now();
    questions.push(
      await writeQuestion(llm, QUESTION_REQUESTS[i % QUESTION_REQUESTS.length]!, TIMEOUT),
    );
    questionMs.push(performance.now() - t);
  }
  // Schema-valid: the JSON parsed and matched the schema; accepted: it passed every check too.
  const schemaFailure = /did not write valid JSON|did not match the schema/;
  const followUps = [];
  for (let i = 0; i < Math.min(tries, FOLLOW_UP_CASES.length * 2); i++)
    followUps.push(
      await phraseFollowUp(llm, FOLLOW_UP_CASES[i % FOLLOW_UP_CASES.length]!, TIMEOUT),
    );
  const streaming = { signal: new AbortController().signal };
  const feedback = [];
  const feedbackMs: number[] = [];
  for (const a of FEEDBACK_CASES) {
    const t = performance.now();
    feedback.push(await phraseAnswer(llm, TIMEOUT.timeoutMs, a, streaming));
    feedbackMs.push(performance.now() - t);
  }
  const summary = await phraseSummary(
    llm,
    TIMEOUT.timeoutMs,
    sessionSummary(FEEDBACK_CASES),
    streaming,
  );
  return {
    questionGeneration: {
      schemaValid: rate(
        questions.map((q) => (!q.ok && schemaFailure.test(q.reason) ? q : { ok: true as const })),
      ),
      accepted: rate(questions),
      msPerQuestionMedian: round(median(questionMs)),
      sample: questions.find((q) => q.ok)?.value.question ?? null,
    },
    followUpWording: {
      accepted: rate(followUps),
      sample: followUps.find((f) => f.ok)?.value.question ?? null,
    },
    writtenFeedback: {
      accepted: rate([...feedback, summary]),
      msPerAnswerMedian: round(median(feedbackMs)),
      sample: feedback.find((f) => f.ok)?.value.feedback ?? null,
    },
  };
}

async function modelReport(modelPath: string, tries: number | null) {
  const rssBeforeMb = mb(process.memoryUsage().rss);
  const llm = new LlmRuntime({ modelPath, contextSize: 2048 });
  try {
    const { value, peakRssMb } = await peakRss(async () => ({
      ...(await speed(llm)),
      ...(tries === null ? {} : await acceptance(llm, tries)),
    }));
    return {
      model: path.basename(modelPath),
      rssBeforeMb,
      peakRssMb,
      // The process's memory goes up and down with what ran before: the model's share is the rise.
      rssAddedMb: peakRssMb - rssBeforeMb,
      ...value,
    };
  } finally {
    await llm.dispose();
  }
}

/** No model: the bank question, the template feedback and the bank's follow-up wording. */
async function fallbackReport(tries: number) {
  const app = await createTestApp({ llm: { modelPath: null } });
  try {
    const { value, peakRssMb } = await peakRss(async () => {
      const questionMs: number[] = [];
      for (let i = 0; i < tries; i++) {
        const t = performance.now();
        await generateQuestion(
          app.context.repos.bank,
          null,
          QUESTION_REQUESTS[i % QUESTION_REQUESTS.length]!,
          TIMEOUT,
        );
        questionMs.push(performance.now() - t);
      }
      const t = performance.now();
      const rounds = 1000;
      for (let i = 0; i < rounds; i++) {
        for (const a of FEEDBACK_CASES) answerParagraph(a);
        sessionSummary(FEEDBACK_CASES);
      }
      return {
        bankQuestionMsMedian: round(median(questionMs)),
        templateFeedbackMsPerSession: round((performance.now() - t) / rounds),
        // Every question comes from the bank and every text from the template: nothing to refuse.
        acceptedRate: 1,
        followUpWording: 'the bank wording chosen by the rules, shown at once (no generation)',
      };
    });
    return { peakRssMb, ...value };
  } finally {
    await app.close();
  }
}

/** The same completion, bare node-llama-cpp in this thread vs through LlmRuntime's worker. */
async function llmOverhead(modelPath: string) {
  const { getLlama, LlamaCompletion, LlamaLogLevel } = await import('node-llama-cpp');
  const llama = await getLlama({ gpu: false, logLevel: LlamaLogLevel.error });
  const model = await llama.loadModel({ modelPath });
  const context = await model.createContext({ threads: 1, contextSize: 512 });
  const sequence = context.getSequence();
  const bare: number[] = [];
  for (let i = 0; i < 20; i++) {
    await sequence.clearHistory();
    const completion = new LlamaCompletion({ contextSequence: sequence });
    const t = performance.now();
    await completion.generateCompletion('Once upon a time', { maxTokens: 40, temperature: 0 });
    bare.push(performance.now() - t);
    completion.dispose({ disposeSequence: false });
  }
  await context.dispose();
  await model.dispose();
  await llama.dispose();

  const llm = new LlmRuntime({ modelPath, contextSize: 512, threads: 1 });
  const ours: number[] = [];
  try {
    await llm.generate(
      { mode: 'completion', prompt: 'x', maxTokens: 1, temperature: 0 },
      { timeoutMs: 60_000 },
    );
    for (let i = 0; i < 20; i++) {
      const t = performance.now();
      await llm.generate(
        { mode: 'completion', prompt: 'Once upon a time', maxTokens: 40, temperature: 0 },
        { timeoutMs: 60_000, onToken: () => undefined },
      );
      ours.push(performance.now() - t);
    }
  } finally {
    await llm.dispose();
  }
  return {
    what: '40 greedy tokens from "Once upon a time", median of 20',
    bareInProcessMs: round(median(bare)),
    throughWorkerMs: round(median(ours)),
    overheadMs: round(median(ours) - median(bare)),
  };
}

export async function llmBenchmarks() {
  const tries = Number(process.env['LLM_BENCH_TRIES'] ?? 6);
  // First, while no model has been in this process: its memory is the app's without a model.
  const fallbackWithoutModel = await fallbackReport(tries);
  const installed = findLlmModel(resolveDataDir())?.path;
  const real = [];
  const missing = [];
  for (const m of realLlms()) {
    if (m.available) real.push(await modelReport(m.path, tries));
    else missing.push(m.reason);
  }
  return {
    standIn: await modelReport(TEST_MODEL, tries),
    real,
    ...(missing.length > 0 ? { realModelsMissing: missing } : {}),
    ...(installed && installed !== TEST_MODEL
      ? { installed: await modelReport(installed, null) }
      : {}),
    fallbackWithoutModel,
    overheadWithTestModel: await llmOverhead(TEST_MODEL),
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  console.log(JSON.stringify(await llmBenchmarks(), null, 2));
}
