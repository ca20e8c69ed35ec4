// How a sentence-embedding model wants to be used, read from the sentence-transformers files its
// authors publish beside the weights (modules.json, the pooling module's config.json,
// sentence_bert_config.json, config_sentence_transformers.json). Models differ: all-MiniLM-L6-v2
// averages its token vectors over at most 256 word pieces, bge-small-en-v1.5 takes the [CLS]
// token's vector, e5-small-v2 expects every text to start with "query: ". Using a model another
// way still runs, but gives vectors its authors never measured. A folder without these files
// (Xenova's exports, the GloVe test model) gets what sentence-transformers itself assumes then:
// mean pooling, no prompt, the tokenizer's own length limit.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

export interface SentenceConfig {
  /** 'mean': average of the text's token vectors; 'cls': the first ([CLS]) token's vector. */
  readonly pooling: 'mean' | 'cls';
  /** Put before every text (e5's "query: "); '' for none. */
  readonly prompt: string;
  /** Word pieces per text (special tokens included) the model was trained with; null: the
   * tokenizer's model_max_length. */
  readonly maxTokens: number | null;
}

export const DEFAULT_SENTENCE_CONFIG: SentenceConfig = {
  pooling: 'mean',
  prompt: '',
  maxTokens: null,
};

const modulesSchema = z.array(z.object({ path: z.string(), type: z.string() }).passthrough());

const poolingSchema = z
  .object({
    pooling_mode_cls_token: z.boolean().default(false),
    pooling_mode_mean_tokens: z.boolean().default(false),
    pooling_mode_max_tokens: z.boolean().default(false),
    pooling_mode_mean_sqrt_len_tokens: z.boolean().default(false),
    pooling_mode_weightedmean_tokens: z.boolean().default(false),
    pooling_mode_lasttoken: z.boolean().default(false),
    include_prompt: z.boolean().default(true),
  })
  .passthrough();

const sentenceBertSchema = z
  .object({ max_seq_length: z.number().int().positive().optional() })
  .passthrough();

const promptsSchema = z
  .object({
    prompts: z.record(z.string(), z.string()).default({}),
    default_prompt_name: z.string().nullable().default(null),
  })
  .passthrough();

/** Why the folder's sentence-transformers files cannot be honoured (shown to the user). */
export class SentenceConfigError extends Error {}

/** Reads the folder's sentence-transformers settings; files that are absent mean the defaults. */
export async function readSentenceConfig(dir: string): Promise<SentenceConfig> {
  const modules = await readJson(dir, 'modules.json', modulesSchema);
  const poolingModule = modules?.find((m) => m.type.endsWith('.Pooling'));
  if (modules && !poolingModule)
    throw new SentenceConfigError('modules.json names no Pooling module');
  const pooling = poolingModule
    ? poolingMode(
        await readJson(dir, path.posix.join(poolingModule.path, 'config.json'), poolingSchema),
        poolingModule.path,
      )
    : DEFAULT_SENTENCE_CONFIG.pooling;
  const lengths = await readJson(dir, 'sentence_bert_config.json', sentenceBertSchema);
  const prompts = await readJson(dir, 'config_sentence_transformers.json', promptsSchema);
  const name = prompts?.default_prompt_name ?? null;
  const prompt = name === null ? '' : prompts?.prompts[name];
  if (prompt === undefined)
    throw new SentenceConfigError(
      `config_sentence_transformers.json names the default prompt "${name}" but has no such prompt`,
    );
  return { pooling, prompt, maxTokens: lengths?.max_seq_length ?? null };
}

function poolingMode(
  config: z.infer<typeof poolingSchema> | null,
  folder: string,
): SentenceConfig['pooling'] {
  const file = `${folder}/config.json`;
  if (!config)
    throw new SentenceConfigError(`modules.json names ${folder}, but ${file} is missing`);
  if (!config.include_prompt)
    throw new SentenceConfigError(
      `${file} leaves the prompt out of pooling, which is not supported`,
    );
  const modes = Object.entries(config)
    .filter(([key, on]) => key.startsWith('pooling_mode_') && on === true)
    .map(([key]) => key.slice('pooling_mode_'.length));
  if (modes.length === 1 && modes[0] === 'cls_token') return 'cls';
  if (modes.length === 1 && modes[0] === 'mean_tokens') return 'mean';
  throw new SentenceConfigError(
    `${file} asks for ${modes.length === 0 ? 'no pooling' : `${modes.join(' + ')} pooling`}; only mean_tokens or cls_token is supported`,
  );
}

async function readJson<T>(dir: string, name: string, schema: z.ZodType<T>): Promise<T | null> {
  let text: string;
  try {
    text = await readFile(path.join(dir, name), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new SentenceConfigError(`${name} cannot be read`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new SentenceConfigError(`${name} is not valid JSON`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success)
    throw new SentenceConfigError(
      `${name} is not a sentence-transformers file (${parsed.error.issues[0]?.path.join('.') || 'top level'}: ${parsed.error.issues[0]?.message ?? 'invalid'})`,
    );
  return parsed.data;
}
