// Prompts are versioned text files in resources/prompts/<name>.v<N>.txt, read at run time so a
// wording change is a new file and every stored output names the prompt that produced it.
// Short on purpose: on a CPU a 3B model reads only ~20–30 prompt tokens a second.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export type PromptName = 'follow-up' | 'answer-feedback' | 'session-summary' | 'question';

export interface Prompt {
  /** e.g. "follow-up.v1": stored in the engine of whatever it produced. */
  readonly id: string;
  readonly system: string;
  readonly user: string;
}

export const PROMPT_VERSIONS: Readonly<Record<PromptName, number>> = {
  // v2: the gap may name a term or a claim of the answer; a claim is never answered for them.
  'follow-up': 2,
  'answer-feedback': 1,
  'session-summary': 1,
  // v2: the JSON shape is spelled out; small models (SmolLM2, Gemma 3 270M) fill it far better.
  question: 2,
};

/** resources/prompts beside the sources (dev, tests, CLI), the bundle, or the packaged app. */
export function promptsDir(env: NodeJS.ProcessEnv = process.env): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const packaged = (process as { resourcesPath?: string }).resourcesPath;
  const candidates = [
    env['REHEARSE_PROMPTS_DIR'],
    path.resolve(here, '../../../../resources/prompts'), // src/main/engines/llm
    path.resolve(here, '../../resources/prompts'), // out/main
    packaged ? path.join(packaged, 'prompts') : undefined,
  ];
  for (const dir of candidates) if (dir && fs.existsSync(dir)) return dir;
  throw new Error(
    `The prompt files were not found (looked in ${candidates.filter(Boolean).join(', ')}).`,
  );
}

const cache = new Map<string, Prompt>();

export function loadPrompt(name: PromptName): Prompt {
  const id = `${name}.v${PROMPT_VERSIONS[name]}`;
  const cached = cache.get(id);
  if (cached) return cached;
  const text = fs.readFileSync(path.join(promptsDir(), `${id}.txt`), 'utf8');
  const match = /^### system\n([\s\S]*?)\n### user\n([\s\S]*)$/.exec(text.replace(/\r\n/g, '\n'));
  if (!match) throw new Error(`Prompt ${id} lacks its "### system" and "### user" sections.`);
  const prompt = { id, system: match[1]!.trim(), user: match[2]!.trim() };
  cache.set(id, prompt);
  return prompt;
}

/**
 * Fills {{name}} slots. Every value is data: its delimiters are neutralised (so an answer cannot
 * close its own <answer> block and speak as the app) and it is cut to `maxChars`, which also
 * keeps the prompt short.
 */
export function fillPrompt(
  template: string,
  values: Readonly<Record<string, string>>,
  maxChars = 1_200,
): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`prompt slot {{${key}}} has no value`);
    return asData(value, maxChars);
  });
}

export function asData(value: string, maxChars: number): string {
  const cleaned = value
    .replace(/<\/?\s*(answer|job)\s*>/gi, '')
    .replace(/^#{3,}/gm, '')
    .replace(/\{\{|\}\}/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return cleaned.length <= maxChars ? cleaned : `${cleaned.slice(0, maxChars - 1)}…`;
}
