// Messages between the main process and the LLM worker thread (llm-worker.ts). Plain data only:
// they cross a structured-clone boundary.

export interface GenerateRequest {
  /**
   * completion: the prompt is continued as is (base models, exact-output tests);
   * chat: `system` holds the instructions and `prompt` the user turn, in the model's chat template.
   */
  readonly mode: 'completion' | 'chat';
  readonly system?: string;
  readonly prompt: string;
  readonly maxTokens: number;
  /** 0 is greedy: the same prompt gives the same text. */
  readonly temperature: number;
  /** When set, output is constrained by a grammar made from this JSON schema. */
  readonly jsonSchema?: Readonly<Record<string, unknown>>;
}

export interface GenerationStats {
  readonly promptTokens: number;
  readonly generatedTokens: number;
  /** From sending the request to the first generated text (prompt processing dominates it). */
  readonly firstTokenMs: number | null;
  readonly totalMs: number;
}

export type ToWorker =
  | {
      readonly type: 'load';
      readonly modelPath: string;
      readonly contextSize: number;
      readonly threads: number;
    }
  | { readonly type: 'generate'; readonly id: number; readonly request: GenerateRequest }
  | { readonly type: 'abort'; readonly id: number }
  | { readonly type: 'unload' };

export type FromWorker =
  | { readonly type: 'loaded'; readonly loadMs: number; readonly trainContextSize: number }
  | { readonly type: 'load-failed'; readonly message: string }
  | { readonly type: 'token'; readonly id: number; readonly text: string }
  | {
      readonly type: 'done';
      readonly id: number;
      readonly text: string;
      readonly stats: GenerationStats;
    }
  | {
      readonly type: 'failed';
      readonly id: number;
      readonly message: string;
      readonly aborted: boolean;
    }
  | { readonly type: 'unloaded' }
  /** Made up by the main side when the thread ends, so nobody waits on a thread that is gone. */
  | { readonly type: 'exited' };
