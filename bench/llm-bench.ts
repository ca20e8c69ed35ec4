// LLM figures for `npm run bench`: per model present, prompt and generation speed, time to first
// token and the end-to-end follow-up latency; with the test model, what our own code (worker
// thread, messages, prompt, checks) adds to a bare in-process node-llama-cpp call.
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { resolveDataDir } from '../src/main/core/data-dir';
import { phraseFollowUp } from '../src/main/followups/phrase-follow-up';
import { LlmRuntime } from '../src/main/llm/llm-runtime';
import { findLlmModel } from '../src/main/llm/model-path';

const ROOT = path.resolve(import.meta.dirname, '..');
const TEST_MODEL = path.resolve(ROOT, '../shared/models/stories260k/stories260K.gguf');
const round = (n: number) => Math.round(n * 100) / 100;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

const LONG_PROMPT = Array.from(
  { length: 12 },
  () => 'Once upon a time, there was a little girl named Lily. She loved to play outside.',
).join(' ');

const FOLLOW_UP_INPUT = {
  question:
    'Tell me about a time you worked on a team project where a teammate was not pulling their weight.',
  answer: 'We had a teammate who did not do much. I talked to him and it was fine in the end.',
  gap: 'no measurable result (no number or outcome)',
  suggestion: 'How did the project end up, and what did the grade or delivery date show?',
  avoid: [],
};

async function modelReport(modelPath: string) {
  const llm = new LlmRuntime({ modelPath, contextSize: 1024 });
  try {
    const cold = performance.now();
    const first = await llm.generate(
      { mode: 'completion', prompt: 'Once upon a time', maxTokens: 1, temperature: 0 },
      { timeoutMs: 300_000 },
    );
    const coldStartMs = performance.now() - cold;
    // Prompt processing: a long prompt, one token out.
    const prompt = await llm.generate(
      { mode: 'completion', prompt: LONG_PROMPT, maxTokens: 1, temperature: 0 },
      { timeoutMs: 300_000 },
    );
    // Generation: a short prompt, many tokens out.
    const gen = await llm.generate(
      { mode: 'completion', prompt: 'Once upon a time', maxTokens: 128, temperature: 0 },
      { timeoutMs: 300_000 },
    );
    const genMs = gen.stats.totalMs - (gen.stats.firstTokenMs ?? 0);
    const followUps: number[] = [];
    const firstTokens: number[] = [];
    let lastWording = '';
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      let firstToken: number | null = null;
      const out = await phraseFollowUp(llm, FOLLOW_UP_INPUT, {
        timeoutMs: 300_000,
        onToken: () => (firstToken ??= performance.now() - t),
      });
      followUps.push(performance.now() - t);
      if (firstToken !== null) firstTokens.push(firstToken);
      lastWording = out.ok ? out.value.question : `(fallback: ${out.reason})`;
    }
    return {
      model: path.basename(modelPath),
      coldStartMs: round(coldStartMs),
      loadMs: first.loadMs,
      promptTokensPerSecond: round(prompt.stats.promptTokens / (prompt.stats.totalMs / 1000)),
      promptTokens: prompt.stats.promptTokens,
      generationTokensPerSecond: round((gen.stats.generatedTokens - 1) / (genMs / 1000)),
      generatedTokens: gen.stats.generatedTokens,
      followUpTimeToFirstTokenMs: round(median(firstTokens)),
      followUpEndToEndMsMedian: round(median(followUps)),
      followUpWording: lastWording,
    };
  } finally {
    await llm.dispose();
  }
}

/** The same completion, bare node-llama-cpp in this thread vs through LlmRuntime's worker. */
async function overhead(modelPath: string) {
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
  const installed = findLlmModel(resolveDataDir())?.path;
  const models = [TEST_MODEL, ...(installed && installed !== TEST_MODEL ? [installed] : [])];
  const reports = [];
  for (const m of models) reports.push(await modelReport(m));
  return { models: reports, overheadWithTestModel: await overhead(TEST_MODEL) };
}

// `npx tsx bench/llm-bench.ts` runs this section alone.
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  console.log(JSON.stringify(await llmBenchmarks(), null, 2));
}
