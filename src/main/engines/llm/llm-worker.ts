// The LLM worker thread: it alone holds node-llama-cpp and the model, so loading and inference
// never block the main process's event loop. One request at a time (the main side queues).
import { parentPort } from 'node:worker_threads';
import type {
  Llama,
  LlamaContext,
  LlamaContextSequence,
  LlamaGrammar,
  LlamaModel,
  Token,
} from 'node-llama-cpp';
import type { FromWorker, GenerateRequest, GenerationStats, ToWorker } from './protocol';

if (!parentPort) throw new Error('llm-worker.ts runs only as a worker thread');
const port = parentPort;

interface Loaded {
  readonly llama: Llama;
  readonly model: LlamaModel;
  readonly context: LlamaContext;
  readonly sequence: LlamaContextSequence;
}

let loaded: Loaded | null = null;
const aborts = new Map<number, AbortController>();
const send = (message: FromWorker) => port.postMessage(message);

port.on('message', (message: ToWorker) => {
  switch (message.type) {
    case 'load':
      void load(message.modelPath, message.contextSize, message.threads);
      return;
    case 'generate':
      void generate(message.id, message.request);
      return;
    case 'abort':
      aborts.get(message.id)?.abort();
      return;
    case 'unload':
      void unload();
      return;
  }
});

async function load(modelPath: string, contextSize: number, threads: number): Promise<void> {
  const started = performance.now();
  try {
    const { getLlama, LlamaLogLevel } = await import('node-llama-cpp');
    const llama = await getLlama({ gpu: false, logLevel: LlamaLogLevel.error });
    const model = await llama.loadModel({ modelPath });
    const context = await model.createContext({
      threads,
      contextSize: Math.min(contextSize, model.trainContextSize),
    });
    loaded = { llama, model, context, sequence: context.getSequence() };
    send({
      type: 'loaded',
      loadMs: Math.round(performance.now() - started),
      trainContextSize: model.trainContextSize,
    });
  } catch (error) {
    send({ type: 'load-failed', message: error instanceof Error ? error.message : String(error) });
  }
}

async function generate(id: number, request: GenerateRequest): Promise<void> {
  if (!loaded) {
    send({ type: 'failed', id, message: 'no model is loaded', aborted: false });
    return;
  }
  const controller = new AbortController();
  aborts.set(id, controller);
  const { model, sequence } = loaded;
  const started = performance.now();
  let firstTokenMs: number | null = null;
  const onTextChunk = (text: string) => {
    if (firstTokenMs === null) firstTokenMs = Math.round(performance.now() - started);
    send({ type: 'token', id, text });
  };
  const before = sequence.tokenMeter.getState();
  try {
    await sequence.clearHistory();
    const { LlamaCompletion, LlamaChatSession } = await import('node-llama-cpp');
    const grammar = request.jsonSchema
      ? await grammarFor(loaded.llama, request.jsonSchema)
      : undefined;
    const options = {
      maxTokens: request.maxTokens,
      temperature: request.temperature,
      signal: controller.signal,
      onTextChunk,
      ...(grammar ? { grammar } : {}),
      // Small instruct models (SmolLM2 135M, Gemma 3 270M) fall into loops under greedy decoding
      // ("-1000-1000-…" until the token budget cuts the JSON off); a penalty on what the last
      // tokens already said took SmolLM2's valid questions from 1 in 4 to 3 in 4. Completion
      // mode is left exact: it continues text as the model would.
      ...(request.mode === 'chat' ? { repeatPenalty: CHAT_REPEAT_PENALTY } : {}),
    };
    let text: string;
    if (request.mode === 'chat') {
      const session = new LlamaChatSession({
        contextSequence: sequence,
        ...(request.system ? { systemPrompt: request.system } : {}),
        autoDisposeSequence: false,
      });
      try {
        text = await session.prompt(request.prompt, options);
      } finally {
        session.dispose({ disposeSequence: false });
      }
    } else {
      const completion = new LlamaCompletion({ contextSequence: sequence });
      try {
        text = await completion.generateCompletion(request.prompt, options);
      } finally {
        completion.dispose({ disposeSequence: false });
      }
    }
    const used = sequence.tokenMeter.diff(before);
    const stats: GenerationStats = {
      promptTokens: used.usedInputTokens,
      generatedTokens: used.usedOutputTokens || countTokens(model.tokenize(text)),
      firstTokenMs,
      totalMs: Math.round(performance.now() - started),
    };
    send({ type: 'done', id, text, stats });
  } catch (error) {
    send({
      type: 'failed',
      id,
      message: error instanceof Error ? error.message : String(error),
      aborted: controller.signal.aborted,
    });
  } finally {
    aborts.delete(id);
  }
}

const CHAT_REPEAT_PENALTY = { penalty: 1.2, lastTokens: 64, penalizeNewLine: false } as const;

// Building a grammar from a schema costs more than a short generation: one per schema.
const grammars = new Map<string, Promise<LlamaGrammar>>();
function grammarFor(
  llama: Llama,
  schema: Readonly<Record<string, unknown>>,
): Promise<LlamaGrammar> {
  const key = JSON.stringify(schema);
  let grammar = grammars.get(key);
  if (!grammar) {
    grammar = llama.createGrammarForJsonSchema(schema as never) as Promise<LlamaGrammar>;
    grammars.set(key, grammar);
  }
  return grammar;
}

function countTokens(tokens: readonly Token[]): number {
  return tokens.length;
}

/** Frees the model and context, then lets the thread end: the memory goes back to the system. */
async function unload(): Promise<void> {
  const current = loaded;
  loaded = null;
  grammars.clear();
  if (current) {
    await current.context.dispose();
    await current.model.dispose();
    await current.llama.dispose();
  }
  send({ type: 'unloaded' });
  port.close();
}
