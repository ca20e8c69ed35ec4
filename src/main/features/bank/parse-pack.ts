import { createHash } from 'node:crypto';
import { questionPackSchema, type QuestionPack } from '../../../shared/packs/pack-schema';
import { AppError } from '../../platform/errors';

/** Larger files are refused before parsing: a real pack of 10,000 questions is under 25 MB. */
export const MAX_PACK_BYTES = 25 * 1024 * 1024;
/** The format nests 5 levels deep; anything far deeper is an attack on the parser. */
const MAX_JSON_DEPTH = 16;

export interface ParsedPack {
  readonly pack: QuestionPack;
  /** sha256 of the canonical JSON, to notice when a built-in pack's content changed. */
  readonly contentHash: string;
}

/**
 * Reads a pack from text. Every refusal names the offending item (its index and id, the field)
 * so a career centre can fix its file; nothing is stored by this function.
 */
export function parsePackText(text: string, source = 'the pack'): ParsedPack {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_PACK_BYTES) {
    throw packError(
      `${source} is ${(bytes / 1024 / 1024).toFixed(1)} MB; a pack may be at most ${MAX_PACK_BYTES / 1024 / 1024} MB.`,
    );
  }
  const depth = jsonDepth(text);
  if (depth > MAX_JSON_DEPTH) {
    throw packError(
      `${source} nests ${depth > 1000 ? 'over 1000' : depth} levels deep; a pack nests at most ${MAX_JSON_DEPTH}.`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw packError(
      `${source} is not valid JSON: ${error instanceof Error ? error.message : String(error)}.`,
    );
  }
  return parsePackJson(json, source);
}

export function parsePackJson(json: unknown, source = 'the pack'): ParsedPack {
  const parsed = questionPackSchema.safeParse(json);
  if (!parsed.success) {
    // The whole list goes in the message: a pack's problems are about items, not form fields.
    const problems = parsed.error.issues
      .slice(0, 10)
      .map((issue) => `${describePath(json, issue.path)}: ${issue.message}`);
    const more =
      parsed.error.issues.length > 10 ? ` (and ${parsed.error.issues.length - 10} more)` : '';
    throw packError(`${source} is not a valid question pack: ${problems.join('; ')}${more}.`, {
      problems,
    });
  }
  const pack = parsed.data;
  const duplicates = [
    ...findDuplicates(pack.roles.map((r) => r.id)).map(
      (id) => `role id "${id}" appears more than once`,
    ),
    ...findDuplicates(pack.questions.map((q) => q.id)).map(
      (id) => `question id "${id}" appears more than once`,
    ),
  ];
  if (duplicates.length > 0)
    throw packError(
      `${source} is not a valid question pack: ${duplicates.slice(0, 10).join('; ')}.`,
    );
  return { pack, contentHash: createHash('sha256').update(JSON.stringify(pack)).digest('hex') };
}

function packError(message: string, details?: unknown): AppError {
  return new AppError('VALIDATION', message, details);
}

/** "questions[12] (id "swe-entry-01").idealAnswer" rather than a bare path. */
function describePath(json: unknown, path: readonly PropertyKey[]): string {
  let node: unknown = json;
  let out = '';
  for (const key of path) {
    node =
      node !== null && typeof node === 'object'
        ? (node as Record<PropertyKey, unknown>)[key]
        : undefined;
    if (typeof key === 'number') {
      const id =
        node !== null && typeof node === 'object'
          ? (node as Record<string, unknown>)['id']
          : undefined;
      out += `[${key}]${typeof id === 'string' ? ` (id "${id.slice(0, 80)}")` : ''}`;
    } else {
      out += `${out ? '.' : ''}${String(key)}`;
    }
  }
  return out || 'the file';
}

function findDuplicates(ids: readonly string[]): string[] {
  const seen = new Set<string>();
  const dupes = new Set<string>();
  for (const id of ids) (seen.has(id) ? dupes : seen).add(id);
  return [...dupes];
}

/** Maximum nesting of arrays/objects, counted without parsing (strings are skipped). */
function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) max = Math.max(max, ++depth);
    else if (c === 125 || c === 93) depth--;
  }
  return max;
}
