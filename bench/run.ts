// `npm run bench`: speed and size figures as JSON (targets live here, never in timed tests).
// Needs a built renderer (npm run build) and Chromium for the first-paint figure.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { builtinQuestions } from '../src/main/bank/builtin-questions';
import { startRehearse } from '../src/main/app/rehearse-app';
import { createEvaluatorProvider, type EngineOptions } from '../src/main/evaluation/engines';
import type { AnswerEvaluator } from '../src/main/evaluation/evaluator';
import { startLocalServer } from '../src/main/web/local-server';
import { modelManagerBench } from './models';
import { asagValidity } from './validity';
import { behaviouralValidity } from './behavioural-validity';
import { interviewValidity } from './interview-validity';
import { reportsBenchmark } from './reports';
import { chromiumPath, launchChromium } from '../e2e/chromium';
import { llmBenchmarks } from './llm-bench';
import { speechBench } from './speech';

const ROOT = path.resolve(import.meta.dirname, '..');

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}
const round = (n: number) => Math.round(n * 100) / 100;

function rendererBundle() {
  const dir = path.join(ROOT, 'out/renderer/assets');
  if (!fs.existsSync(dir)) return null;
  const files = fs.readdirSync(dir);
  const bytes = (ext: string) =>
    files
      .filter((f) => f.endsWith(ext))
      .reduce((n, f) => n + fs.statSync(path.join(dir, f)).size, 0);
  return { jsBytes: bytes('.js'), cssBytes: bytes('.css') };
}

/** Answers scored per second, one at a time on one thread, by the given engines. */
/** The embedding model the default engines are measured with (the GloVe test model by default). */
const benchEmbeddingModel =
  process.env['REHEARSE_EMBEDDING_MODEL'] ??
  path.resolve(ROOT, '../shared/models/glove-wordpiece-onnx');

async function scoringThroughput(evaluator: AnswerEvaluator, rounds: number) {
  const questions = builtinQuestions();
  const inputOf = (q: (typeof questions)[number]) => ({
    question: q.content,
    idealAnswer: q.idealAnswer,
    expectedKeywords: q.keywords.map((k) => k.term),
    type: q.type,
    answer: q.idealAnswer,
    timeLimitSeconds: q.timeLimitSeconds,
    overTimeSeconds: 0,
  });
  // The first answers through each engine are slower (JIT warm-up, Harper's first parses): the
  // app pays that once per start, so it is measured on its own and kept out of the steady state.
  const warmUp = performance.now();
  for (const q of questions.slice(0, 50)) await evaluator.evaluate(inputOf(q));
  const warmUpMs = performance.now() - warmUp;
  const latencies: number[] = [];
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  for (let r = 0; r < rounds; r++) {
    for (const q of questions) {
      const t = performance.now();
      await evaluator.evaluate(inputOf(q));
      latencies.push(performance.now() - t);
    }
  }
  const seconds = (performance.now() - started) / 1000;
  // CPU of every thread of the process (the language worker's and onnxruntime's included): the
  // honest cost per answer, next to the wall-clock rate of one answer at a time.
  const cpu = process.cpuUsage(cpuBefore);
  latencies.sort((a, b) => a - b);
  return {
    engines: evaluator.id,
    answers: latencies.length,
    answersPerSecond: Math.round(latencies.length / seconds),
    p50Ms: round(percentile(latencies, 50)),
    p95Ms: round(percentile(latencies, 95)),
    cpuMsPerAnswer: round((cpu.user + cpu.system) / 1000 / latencies.length),
    firstFiftyAnswersMs: round(warmUpMs),
  };
}

/** Speed and agreement with human grades for one set of engines. */
async function engineReport(name: string, options: EngineOptions, rounds: number) {
  const provider = createEvaluatorProvider(options, async () =>
    builtinQuestions().map((q) => ({ roleId: q.roleId, idealAnswer: q.idealAnswer })),
  );
  const loadStart = performance.now();
  const evaluator = await provider.get();
  const loadMs = round(performance.now() - loadStart);
  const report = {
    name,
    loadMs,
    problems: provider.problems(),
    throughput: await scoringThroughput(evaluator, rounds),
    validity: await asagValidity(
      evaluator,
      path.resolve(ROOT, '../shared/data/asag-dev/asag-dev.jsonl'),
    ),
    // Behavioural, situational and motivation answers: intended grades and real interviews.
    behaviouralValidity: await behaviouralValidity(evaluator),
    interviewValidity: await interviewValidity(
      evaluator,
      path.resolve(ROOT, '../shared/data/interviews-dev'),
    ),
    rssMB: Math.round(process.memoryUsage().rss / 1024 / 1024),
  };
  await provider.dispose();
  return report;
}

async function interviewRoundTrip() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rehearse-bench-'));
  const startedAt = performance.now();
  const app = await startRehearse({ dataDir, transport: 'web' });
  const startupMs = performance.now() - startedAt;
  const call = (name: string, input: unknown) =>
    app.registry.invoke(name, input) as Promise<Record<string, unknown>>;
  const profile = await call('profiles.create', { name: 'Bench' });
  const answerLatencies: number[] = [];
  for (let s = 0; s < 20; s++) {
    const session = await call('interviews.create', {
      profileId: profile['id'],
      roleId: 'software-engineer',
      level: 'entry',
      questionCount: 5,
      seed: s,
    });
    let state = await call('interviews.start', {
      profileId: profile['id'],
      sessionId: session['id'],
    });
    while (state['currentQuestion']) {
      const q = state['currentQuestion'] as { id: string };
      const t = performance.now();
      const reply = await call('interviews.answer', {
        profileId: profile['id'],
        sessionId: session['id'],
        questionId: q.id,
        text: 'I would profile the query, add an index and measure again.',
      });
      answerLatencies.push(performance.now() - t);
      state = reply['session'] as Record<string, unknown>;
    }
    await call('interviews.end', { profileId: profile['id'], sessionId: session['id'] });
  }
  await app.jobs.whenIdle();
  const h = performance.now();
  await call('results.history', { profileId: profile['id'] });
  const historyMs = performance.now() - h;
  await app.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  answerLatencies.sort((a, b) => a - b);
  return {
    servicesStartupMs: round(startupMs),
    answerP50Ms: round(percentile(answerLatencies, 50)),
    answerP95Ms: round(percentile(answerLatencies, 95)),
    historyPageMs: round(historyMs),
  };
}

/** From "start the services" to the first screen's heading painted in Chromium. */
async function browserColdStart() {
  if (!fs.existsSync(chromiumPath()) || !rendererBundle())
    return { skipped: 'needs /usr/bin/chromium and a built renderer (npm run build)' };
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rehearse-bench-'));
  const browser = await launchChromium();
  const page = await browser.newPage();
  const t0 = performance.now();
  const app = await startRehearse({ dataDir, transport: 'web' });
  const server = await startLocalServer({
    registry: app.registry,
    events: app.events,
    staticDir: path.join(ROOT, 'out/renderer'),
  });
  const serverReadyMs = performance.now() - t0;
  await page.goto(server.url);
  await page.getByRole('heading', { name: 'Who is practising?' }).waitFor();
  const firstScreenMs = performance.now() - t0;
  const fcp = await page.evaluate(
    () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
  );
  await browser.close();
  await server.close();
  await app.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  return {
    serverReadyMs: round(serverReadyMs),
    firstContentfulPaintMsAfterNavigation: fcp === null ? null : round(fcp),
    firstScreenReadyMs: round(firstScreenMs),
  };
}

const report = {
  when: new Date().toISOString(),
  machine: {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    node: process.version,
  },
  rendererBundle: rendererBundle(),
  engines: [
    await engineReport(
      'lexical only',
      { embeddingModelDir: null, grammar: false, linguistics: false },
      10,
    ),
    await engineReport(
      'default engines (glove test model stands in for all-MiniLM-L6-v2; rules grammar; language worker)',
      {
        embeddingModelDir: benchEmbeddingModel,
        grammar: 'rules',
        linguistics: true,
      },
      3,
    ),
    await engineReport(
      'default engines, grammar and tagging in the main thread (no language worker)',
      {
        embeddingModelDir: benchEmbeddingModel,
        grammar: 'rules',
        linguistics: true,
        languageThread: 'main',
      },
      1,
    ),
    await engineReport(
      'thorough grammar: Harper instead of the rules (REHEARSE_GRAMMAR=harper)',
      {
        embeddingModelDir: benchEmbeddingModel,
        grammar: 'harper',
        linguistics: true,
      },
      1,
    ),
    await engineReport(
      'default engines without a grammar checker',
      {
        embeddingModelDir: benchEmbeddingModel,
        grammar: false,
        linguistics: true,
      },
      1,
    ),
  ],
  interview: await interviewRoundTrip(),
  browserColdStart: await browserColdStart(),
  modelManager: await modelManagerBench(),
  // Results, history, progress and PDF reports over 10,000 sessions / 100,000 answers.
  reports: await reportsBenchmark(),
  llm: await llmBenchmarks(),
  speech: await speechBench(),
  memory: { rssMB: Math.round(process.memoryUsage().rss / 1024 / 1024) },
};
console.log(JSON.stringify(report, null, 2));
