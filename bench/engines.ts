// Scoring engines for `npm run bench`: load time, answers per second, latency, CPU and memory per
// answer, and agreement with human grades (asag-dev), for each embedding model Rehearse can use.
// The real models come from `npm run test-models`; where one is absent its entry says so.
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { builtinQuestions } from '../src/main/features/bank/builtin-questions';
import {
  createEvaluatorProvider,
  type EngineOptions,
} from '../src/main/assessment/evaluator-provider';
import type { AnswerEvaluator } from '../src/main/assessment/evaluator';
import { realModel } from '../src/main/testing/real-models';
import { sharedModelPath } from '../src/main/testing/models';
import { scoreInputOf } from '../src/main/testing/bank-input';
import { asagValidity } from './validity';
import { behaviouralValidity } from './behavioural-validity';
import { interviewValidity } from './interview-validity';

const ROOT = path.resolve(import.meta.dirname, '..');
const ASAG = path.resolve(ROOT, '../shared/data/asag-dev/asag-dev.jsonl');
const INTERVIEWS = path.resolve(ROOT, '../shared/data/interviews-dev');

const TARGETS = {
  answersPerSecond: '>= 200 with all-MiniLM-L6-v2 (one answer at a time, one onnxruntime thread)',
  p95Ms: '< 50 with all-MiniLM-L6-v2',
};

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}
const round = (n: number) => Math.round(n * 100) / 100;

/** Latency, rate and CPU of a run of answers scored one at a time. */
class Meter {
  private readonly latencies: number[] = [];
  private readonly cpu = process.cpuUsage();
  private readonly started = performance.now();

  async time<T>(work: () => Promise<T>): Promise<T> {
    const t = performance.now();
    const result = await work();
    this.latencies.push(performance.now() - t);
    return result;
  }

  figures() {
    const seconds = (performance.now() - this.started) / 1000;
    // CPU of every thread of the process (the language worker's and onnxruntime's included):
    // the honest cost per answer, next to the wall-clock rate of one answer at a time.
    const cpu = process.cpuUsage(this.cpu);
    const sorted = [...this.latencies].sort((a, b) => a - b);
    return {
      answers: sorted.length,
      answersPerSecond: Math.round(sorted.length / seconds),
      p50Ms: round(percentile(sorted, 50)),
      p95Ms: round(percentile(sorted, 95)),
      cpuMsPerAnswer: round((cpu.user + cpu.system) / 1000 / sorted.length),
    };
  }
}

/** The bank's questions answered with their own ideal answers (~150 words each), `rounds` times. */
async function scoringThroughput(evaluator: AnswerEvaluator, rounds: number) {
  const questions = builtinQuestions();
  // Each question is answered with the sample answer of the next question of its type: real
  // answers' length and wording, but not a copy of this question's sample (a copied story earns
  // no content, and skipping its comparison would flatter the speed).
  const sameType = (q: (typeof questions)[number]) => questions.filter((o) => o.type === q.type);
  const inputOf = (q: (typeof questions)[number]) => {
    const others = sameType(q);
    const next = others[(others.indexOf(q) + 1) % others.length] ?? q;
    return scoreInputOf(q, next.idealAnswer);
  };
  // The first answers through each engine are slower (JIT warm-up, Harper's first parses): the
  // app pays that once per start, so it is measured on its own and kept out of the steady state.
  const warmUp = performance.now();
  for (const q of questions.slice(0, 50)) await evaluator.evaluate(inputOf(q));
  const warmUpMs = performance.now() - warmUp;
  const meter = new Meter();
  for (let r = 0; r < rounds; r++)
    for (const q of questions) await meter.time(() => evaluator.evaluate(inputOf(q)));
  return { engines: evaluator.id, ...meter.figures(), firstFiftyAnswersMs: round(warmUpMs) };
}

/** Speed and agreement with human grades for one set of engines. */
async function engineReport(name: string, options: EngineOptions, rounds: number) {
  const provider = createEvaluatorProvider(options, async () =>
    builtinQuestions().map((q) => ({ roleId: q.roleId, idealAnswer: q.idealAnswer })),
  );
  const loadStart = performance.now();
  const evaluator = await provider.get();
  const loadMs = round(performance.now() - loadStart);
  const throughput = await scoringThroughput(evaluator, rounds);
  // asag-dev's answers are short (a sentence or two): the other end of the range of lengths.
  const meter = new Meter();
  const timed: AnswerEvaluator = {
    ...evaluator,
    evaluate: (input, options) => meter.time(() => evaluator.evaluate(input, options)),
  };
  const validity = await asagValidity(timed, ASAG);
  const report = {
    name,
    loadMs,
    problems: provider.problems(),
    throughput,
    shortAnswers: { data: 'asag-dev', ...meter.figures() },
    validity,
    // Behavioural, situational and motivation answers: intended grades and real interviews.
    behaviouralValidity: await behaviouralValidity(evaluator),
    interviewValidity: await interviewValidity(evaluator, INTERVIEWS),
    rssMB: Math.round(process.memoryUsage().rss / 1024 / 1024),
  };
  await provider.dispose();
  // Each report as soon as it is done: the whole section takes minutes on a small machine.
  process.stderr.write(`engines: ${JSON.stringify(report)}\n`);
  return report;
}

/** A real model's folder from `npm run test-models`, or why there is none. */
function realFolder(id: string): { dir: string } | { missing: string } {
  const model = realModel(id);
  return model.available ? { dir: model.path } : { missing: model.reason };
}

const GLOVE = sharedModelPath('glove-wordpiece-onnx');

/**
 * The model the default-engine variants are measured with: REHEARSE_EMBEDDING_MODEL, else the
 * real all-MiniLM-L6-v2 (int8, what the model manager installs), else the GloVe stand-in.
 */
function benchEmbeddingModel(): { dir: string; note: string } {
  const explicit = process.env['REHEARSE_EMBEDDING_MODEL'];
  if (explicit) return { dir: explicit, note: 'REHEARSE_EMBEDDING_MODEL' };
  const minilm = realFolder('all-minilm-l6-v2-q');
  if ('dir' in minilm) return { dir: minilm.dir, note: 'all-MiniLM-L6-v2 int8 (real model)' };
  return {
    dir: GLOVE,
    note: `GloVe stand-in in MiniLM's layout, because ${minilm.missing}: speed and agreement are not MiniLM's`,
  };
}

const REAL_EMBEDDERS = [
  ['all-minilm-l6-v2', 'all-MiniLM-L6-v2 fp32'],
  ['bge-small-en-v1.5-q', 'bge-small-en-v1.5 int8 ([CLS] pooling)'],
  ['e5-small-v2-q', 'e5-small-v2 int8 ("query: " prompt)'],
] as const;

export async function engineReports() {
  const model = benchEmbeddingModel();
  const defaults = { embeddingModelDir: model.dir, grammar: 'rules', linguistics: true } as const;
  const reports: unknown[] = [
    await engineReport(
      'lexical only',
      { embeddingModelDir: null, grammar: false, linguistics: false },
      10,
    ),
    await engineReport(
      `default engines (${model.note}; rules grammar; language worker)`,
      defaults,
      1,
    ),
    await engineReport(
      'default engines with the GloVe stand-in (what the tests used before real models)',
      { ...defaults, embeddingModelDir: GLOVE },
      1,
    ),
  ];
  for (const [id, name] of REAL_EMBEDDERS) {
    const folder = realFolder(id);
    reports.push(
      'dir' in folder
        ? await engineReport(
            `default engines with ${name}`,
            { ...defaults, embeddingModelDir: folder.dir },
            1,
          )
        : { name: `default engines with ${name}`, skipped: folder.missing },
    );
  }
  reports.push(
    await engineReport(
      'default engines, grammar and tagging in the main thread (no language worker)',
      { ...defaults, languageThread: 'main' },
      1,
    ),
    await engineReport(
      'thorough grammar: Harper instead of the rules (REHEARSE_GRAMMAR=harper)',
      { ...defaults, grammar: 'harper' },
      1,
    ),
    await engineReport(
      'default engines without a grammar checker',
      { ...defaults, grammar: false },
      1,
    ),
  );
  return { targets: TARGETS, embeddingModel: model, reports };
}
