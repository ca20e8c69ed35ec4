// `npm run bench`: speed and size figures as JSON (targets live here, never in timed tests).
// Needs a built renderer (npm run build) and Chromium for the first-paint figure.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { startRehearse } from '../src/main/app/rehearse-app';
import { startLocalServer } from '../src/main/transport/http/local-server';
import { modelManagerBench } from './models';
import { engineReports } from './engines';
import { reportsBenchmark } from './reports';
import { chromiumPath, launchChromium } from '../e2e/chromium';
import { llmBenchmarks } from './llm-bench';
import { speechBench } from './speech';
import { testAppBench } from './test-app';

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

// `npm run bench -- --only engines,llm` runs just those sections (names as in the JSON).
const onlyArg = process.argv.indexOf('--only');
const only = onlyArg >= 0 ? new Set((process.argv[onlyArg + 1] ?? '').split(',')) : null;
const sections: Record<string, () => Promise<unknown>> = {
  engines: engineReports,
  interview: interviewRoundTrip,
  browserColdStart,
  modelManager: modelManagerBench,
  // Results, history, progress and PDF reports over 10,000 sessions / 100,000 answers.
  reports: reportsBenchmark,
  llm: llmBenchmarks,
  speech: speechBench,
  testApp: testAppBench,
};
const unknown = [...(only ?? [])].filter((name) => !(name in sections));
if (unknown.length > 0)
  throw new Error(
    `unknown bench section ${unknown.join(', ')}; one of ${Object.keys(sections).join(', ')}`,
  );
const report: Record<string, unknown> = {
  when: new Date().toISOString(),
  machine: {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    node: process.version,
  },
  rendererBundle: rendererBundle(),
};
for (const [name, run] of Object.entries(sections))
  if (!only || only.has(name)) report[name] = await run();
report['memory'] = { rssMB: Math.round(process.memoryUsage().rss / 1024 / 1024) };
console.log(JSON.stringify(report, null, 2));
