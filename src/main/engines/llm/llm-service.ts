import type { Clock } from '../../platform/clock';
import { LlmRuntime, type LlmRuntimeOptions } from './llm-runtime';
import { findLlmModel } from './model-path';

export interface LlmServiceOptions {
  readonly dataDir: string;
  /** A model file to use, or null for none; undefined: look it up (findLlmModel) on every use. */
  readonly modelPath?: string | null;
  readonly env?: NodeJS.ProcessEnv;
  readonly runtime?: Omit<LlmRuntimeOptions, 'modelPath'>;
  /**
   * Time budgets, ms: a follow-up must come while it is still useful; feedback may take longer;
   * each generated interview question gets its own budget (the interview goes on meanwhile).
   */
  readonly budgets?: {
    readonly followUpMs?: number;
    readonly feedbackMs?: number;
    readonly questionMs?: number;
  };
}

export interface LlmStatus {
  readonly modelPath: string | null;
  readonly modelId: string | null;
  readonly state: 'none' | 'unloaded' | 'loading' | 'ready';
}

/**
 * The app's one handle on the local LLM. The model is looked up again on every use, so a model
 * installed or removed while the app runs is picked up (or dropped) without a restart; the
 * runtime (and its worker thread) exists only while that model file does.
 */
export class LlmService {
  private runtime: LlmRuntime | null = null;
  readonly followUpBudgetMs: number;
  readonly feedbackBudgetMs: number;
  readonly questionBudgetMs: number;

  constructor(
    private readonly options: LlmServiceOptions,
    readonly clock?: Clock,
  ) {
    this.followUpBudgetMs = options.budgets?.followUpMs ?? 20_000;
    this.feedbackBudgetMs = options.budgets?.feedbackMs ?? 60_000;
    this.questionBudgetMs = options.budgets?.questionMs ?? 60_000;
  }

  modelPath(): string | null {
    if (this.options.modelPath !== undefined) return this.options.modelPath;
    return (
      findLlmModel(this.options.dataDir, { env: this.options.env ?? process.env })?.path ?? null
    );
  }

  /** The runtime for the model installed now, or null when there is none. */
  current(): LlmRuntime | null {
    const modelPath = this.modelPath();
    if (this.runtime && this.runtime.modelPath !== modelPath) {
      void this.runtime.dispose();
      this.runtime = null;
    }
    if (!modelPath) return null;
    this.runtime ??= new LlmRuntime({ ...this.options.runtime, modelPath });
    return this.runtime;
  }

  status(): LlmStatus {
    const modelPath = this.modelPath();
    if (!modelPath) return { modelPath: null, modelId: null, state: 'none' };
    const runtime = this.current();
    return { modelPath, modelId: runtime?.modelId ?? null, state: runtime?.status() ?? 'unloaded' };
  }

  async dispose(): Promise<void> {
    await this.runtime?.dispose();
    this.runtime = null;
  }
}
