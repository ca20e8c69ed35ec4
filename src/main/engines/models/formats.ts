import fs from 'node:fs';
import path from 'node:path';
import type { ModelKind } from '../../../shared/contract/models';

/** Why a file is not a model of the kind asked for, or null when it looks right. */
export type FormatProblem = string | null;

const GGUF_MAGIC = Buffer.from('GGUF', 'ascii');
/** whisper.cpp writes the uint32 0x67676d6c ("ggml") little-endian: the bytes "lmgg". */
const GGML_MAGIC = Buffer.from('lmgg', 'ascii');

function readHead(file: string, bytes: number): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const read = fs.readSync(fd, buffer, 0, bytes, 0);
    return buffer.subarray(0, read);
  } finally {
    fs.closeSync(fd);
  }
}

function describeHead(head: Buffer): string {
  const shown = head.subarray(0, 4);
  const printable = [...shown].every((b) => b >= 0x20 && b < 0x7f);
  return printable ? `"${shown.toString('ascii')}"` : `0x${shown.toString('hex')}`;
}

/**
 * Checks a candidate custom model against what its kind needs, by its first bytes (or, for
 * embeddings, its folder layout), so a wrong file fails at import with the file named rather than
 * later inside a native library.
 */
export function checkModelFormat(target: string, kind: ModelKind): FormatProblem {
  const name = path.basename(target);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(target);
  } catch {
    return `${target} does not exist`;
  }
  if (kind === 'embeddings') return checkOnnxFolder(target, stat);
  if (!stat.isFile()) return `${name} is a folder; a ${kind} model is a single file`;
  const head = readHead(target, 64);
  if (kind === 'llm') {
    return head.subarray(0, 4).equals(GGUF_MAGIC)
      ? null
      : `${name} is not a GGUF model (a language model file starts with "GGUF"; this one starts with ${describeHead(head)})`;
  }
  if (!head.subarray(0, 4).equals(GGML_MAGIC)) {
    return `${name} is not a whisper.cpp ggml model (expected the magic "lmgg" at the start, found ${describeHead(head)})`;
  }
  const vad = looksLikeVad(head);
  if (kind === 'vad' && !vad) {
    return `${name} is a whisper.cpp speech-recognition model, not a voice-activity (VAD) model`;
  }
  if (kind === 'whisper' && vad) {
    return `${name} is a voice-activity (VAD) model, not a Whisper speech-recognition model`;
  }
  return null;
}

/** whisper.cpp VAD files follow the magic with a short length-prefixed name like "silero-…". */
function looksLikeVad(head: Buffer): boolean {
  if (head.length < 12) return false;
  const length = head.readUInt32LE(4);
  if (length < 1 || length > 48 || head.length < 8 + length) return false;
  const text = head.subarray(8, 8 + length);
  return [...text].every((b) => b >= 0x20 && b < 0x7f);
}

function checkOnnxFolder(folder: string, stat: fs.Stats): FormatProblem {
  const name = path.basename(folder);
  if (!stat.isDirectory()) {
    return `${name} is a file; an embedding model is a folder with config.json, tokenizer.json and onnx/*.onnx`;
  }
  const missing = ['config.json', 'tokenizer.json'].filter(
    (f) => !fs.existsSync(path.join(folder, f)),
  );
  const onnxDir = path.join(folder, 'onnx');
  const onnx = fs.existsSync(onnxDir)
    ? fs.readdirSync(onnxDir).filter((f) => f.endsWith('.onnx'))
    : [];
  if (onnx.length === 0) missing.push('onnx/*.onnx');
  return missing.length === 0
    ? null
    : `${name} is not an embedding model folder: it lacks ${missing.join(', ')}`;
}
