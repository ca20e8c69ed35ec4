// The language worker thread: Harper (WebAssembly) and wink run here, one request at a time, so a
// long answer's grammar check never stalls the main process, and runs while the main thread
// embeds the same answer.
import { parentPort, workerData } from 'node:worker_threads';
import type { GrammarChecker } from './harper-checker';
import { createLinguistics, type Linguistics } from './linguistics';
import { createGrammarEngine, inProcessLanguage } from './language-analyser';
import { loadThesaurus, type Thesaurus } from './thesaurus';
import type { FromLanguageWorker, LanguageWorkerInit, ToLanguageWorker } from './language-protocol';

if (!parentPort) throw new Error('language-worker.ts runs only as a worker thread');
const port = parentPort;
const send = (message: FromLanguageWorker) => port.postMessage(message);
const init = (workerData as { init?: LanguageWorkerInit } | undefined)?.init ?? {
  grammar: null,
  linguistics: false,
};

const problems: string[] = [];
const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));
let grammar: GrammarChecker | null = null;
let linguistics: Linguistics | null = null;
if (init.grammar) {
  try {
    grammar = await createGrammarEngine(init.grammar, init.vocabulary ?? []);
  } catch (error) {
    problems.push(`grammar checker: ${reason(error)}`);
  }
}
if (init.linguistics) {
  try {
    linguistics = createLinguistics();
  } catch (error) {
    problems.push(`linguistics: ${reason(error)}`);
  }
}

let thesaurus: Thesaurus | null = null;
if (init.thesaurus) {
  try {
    thesaurus = loadThesaurus();
  } catch (error) {
    problems.push(`thesaurus: ${reason(error)}`);
  }
}

// The same analysis as in-process, here in this thread.
const language = inProcessLanguage(grammar, linguistics, init.vocabulary ?? [], thesaurus);
// Requests are answered in order; the main side may send several before the first is done.
let queue: Promise<void> = Promise.resolve();
port.on('message', (message: ToLanguageWorker) => {
  if (message.type === 'close') {
    queue = queue.then(async () => {
      await language.dispose();
      port.close();
    });
    return;
  }
  const { id, request } = message;
  queue = queue.then(async () => {
    try {
      send({ type: 'result', id, result: await language.analyse(request) });
    } catch (error) {
      send({ type: 'error', id, message: reason(error) });
    }
  });
});
send({
  type: 'ready',
  grammarId: grammar?.id ?? null,
  linguisticsId: linguistics?.id ?? null,
  thesaurusId: thesaurus?.id ?? null,
  problems,
});
