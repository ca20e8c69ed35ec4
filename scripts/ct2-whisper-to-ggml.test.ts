import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The converter on a tiny CTranslate2 Whisper written here (1 encoder and 1 decoder layer, width
// 8), so its splitting, naming and types are checked without the real 145 MB model; the real
// model's conversion is pinned by sha256 in models/test-models.json.
const SCRIPT = path.resolve(import.meta.dirname, 'ct2-whisper-to-ggml.py');
const D = 8;
const N_MELS = 4;
const VOCAB = ['a', 'b', '\u0120c', '<|endoftext|>', '<|startoftranscript|>'];

interface Variable {
  shape: number[];
  /** CTranslate2 type id: 4 float16, 2 int16, 1 int8. */
  dtype: number;
  data: Buffer;
}

/** Every element of a float16 tensor set to one value (exact in float16). */
function halves(shape: number[], value: number): Variable {
  const n = shape.reduce((a, b) => a * b, 1);
  const data = Buffer.alloc(n * 2);
  // float16 bit patterns of the few values used here.
  const bits = new Map([
    [0, 0x0000],
    [1, 0x3c00],
    [2, 0x4000],
    [3, 0x4200],
    [0.5, 0x3800],
  ]).get(value);
  if (bits === undefined) throw new Error(`no float16 pattern for ${value}`);
  for (let i = 0; i < n; i++) data.writeUInt16LE(bits, i * 2);
  return { shape, dtype: 4, data };
}

/** A fused projection: row blocks of 1, 2, 3 … (q, k, v), biases likewise, the key's zero. */
function fused(parts: number, keyAt: number, keyBias = 0): Record<string, Variable> {
  const blocks = Array.from({ length: parts }, (_, i) => halves([D, D], i + 1).data);
  const biases = Array.from(
    { length: parts },
    (_, i) => halves([D], i === keyAt ? keyBias : 0.5).data,
  );
  return {
    weight: { shape: [parts * D, D], dtype: 4, data: Buffer.concat(blocks) },
    bias: { shape: [parts * D], dtype: 4, data: Buffer.concat(biases) },
  };
}

function tinyWhisper(options: { spec?: string; keyBias?: number; int8?: boolean } = {}) {
  const v: Record<string, Variable> = {};
  const linear = (name: string, out: number, inp: number) => {
    v[`${name}/weight`] = halves([out, inp], 1);
    v[`${name}/bias`] = halves([out], 0.5);
  };
  const norm = (name: string) => {
    v[`${name}/gamma`] = halves([D], 1);
    v[`${name}/beta`] = halves([D], 0);
  };
  const heads = { shape: [], dtype: 2, data: Buffer.from([2, 0]) };
  v['encoder/num_heads'] = heads;
  v['decoder/num_heads'] = heads;
  v['encoder/conv1/weight'] = halves([D, N_MELS, 3], 1);
  v['encoder/conv1/bias'] = halves([D], 0.5);
  v['encoder/conv2/weight'] = halves([D, D, 3], 1);
  v['encoder/conv2/bias'] = halves([D], 0.5);
  v['encoder/position_encodings/encodings'] = halves([6, D], 1);
  v['decoder/position_encodings/encodings'] = halves([4, D], 1);
  v['decoder/embeddings/weight'] = halves([VOCAB.length + 3, D], 1);
  for (const side of ['encoder', 'decoder']) {
    const layer = `${side}/layer_0`;
    norm(`${layer}/self_attention/layer_norm`);
    for (const [k, x] of Object.entries(fused(3, 1, options.keyBias)))
      v[`${layer}/self_attention/linear_0/${k}`] = x;
    linear(`${layer}/self_attention/linear_1`, D, D);
    norm(`${layer}/ffn/layer_norm`);
    linear(`${layer}/ffn/linear_0`, 4 * D, D);
    linear(`${layer}/ffn/linear_1`, D, 4 * D);
    norm(`${side}/layer_norm`);
  }
  norm('decoder/layer_0/attention/layer_norm');
  linear('decoder/layer_0/attention/linear_0', D, D);
  for (const [k, x] of Object.entries(fused(2, 0)))
    v[`decoder/layer_0/attention/linear_1/${k}`] = x;
  linear('decoder/layer_0/attention/linear_2', D, D);
  if (options.int8) v['decoder/layer_0/attention/linear_2/weight']!.dtype = 1;

  const parts: Buffer[] = [];
  const u32 = (n: number) => parts.push(Buffer.from(new Uint32Array([n]).buffer));
  const str = (s: string) => {
    parts.push(Buffer.from(new Uint16Array([s.length + 1]).buffer), Buffer.from(`${s}\0`));
  };
  u32(6);
  str(options.spec ?? 'WhisperSpec');
  u32(3);
  u32(Object.keys(v).length);
  for (const [name, x] of Object.entries(v)) {
    str(name);
    parts.push(Buffer.from([x.shape.length]));
    x.shape.forEach(u32);
    parts.push(Buffer.from([x.dtype]));
    u32(x.data.length);
    parts.push(x.data);
  }
  u32(1);
  str('decoder/projection/weight');
  str('decoder/embeddings/weight');
  return Buffer.concat(parts);
}

interface GgmlTensor {
  type: number;
  ne: number[];
  data: Buffer;
}

function readGgml(file: Buffer) {
  let at = 0;
  const i32 = () => ((at += 4), file.readInt32LE(at - 4));
  expect(i32()).toBe(0x67676d6c);
  const hparams = Array.from({ length: 11 }, i32);
  const [rows, cols] = [i32(), i32()];
  at += rows * cols * 4;
  const tokens = Array.from({ length: i32() }, () => {
    const n = i32();
    return file.subarray((at += n) - n, at).toString('latin1');
  });
  const tensors = new Map<string, GgmlTensor>();
  while (at < file.length) {
    const [dims, nameLength, type] = [i32(), i32(), i32()];
    const ne = Array.from({ length: dims }, i32);
    const name = file.subarray(at, (at += nameLength)).toString();
    const bytes = ne.reduce((a, b) => a * b, 1) * (type === 1 ? 2 : 4);
    tensors.set(name, { type, ne, data: file.subarray(at, (at += bytes)) });
  }
  return { hparams, filterShape: [rows, cols], tokens, tensors };
}

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rehearse-ct2-'));
  fs.writeFileSync(path.join(dir, 'vocabulary.json'), JSON.stringify(VOCAB));
  const filters = Buffer.alloc(N_MELS * 5 * 4, 1);
  const npy = `import sys, zipfile\nheader = "{'descr': '<f4', 'fortran_order': False, 'shape': (${N_MELS}, 5), }".ljust(117) + "\\n"\nwith zipfile.ZipFile(sys.argv[1], "w") as z: z.writestr("mel_${N_MELS}.npy", b"\\x93NUMPY\\x01\\x00" + len(header).to_bytes(2, "little") + header.encode() + bytes.fromhex(sys.argv[2]))\n`;
  execFileSync('python3', ['-c', npy, path.join(dir, 'mel.npz'), filters.toString('hex')]);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function convert(model: Buffer) {
  fs.writeFileSync(path.join(dir, 'model.bin'), model);
  const out = path.join(dir, 'out.bin');
  fs.rmSync(out, { force: true });
  const run = spawnSync('python3', [SCRIPT, dir, path.join(dir, 'mel.npz'), out], {
    encoding: 'utf8',
  });
  return { status: run.status, stderr: run.stderr, out: fs.existsSync(out) ? out : null };
}

describe('ct2-whisper-to-ggml', () => {
  it("writes whisper.cpp's layout: hparams, filters, text tokens, split projections", () => {
    const { status, stderr, out } = convert(tinyWhisper());
    expect(status, stderr).toBe(0);
    const ggml = readGgml(fs.readFileSync(out!));
    expect(ggml.hparams).toEqual([8, 6, D, 2, 1, 4, D, 2, 1, N_MELS, 1]);
    expect(ggml.filterShape).toEqual([N_MELS, 5]);
    expect(ggml.tokens).toEqual(['a', 'b', ' c']); // bytes, up to <|endoftext|>
    const t = (name: string) => ggml.tensors.get(name)!;
    expect([...ggml.tensors.keys()].filter((n) => n.includes('.key.'))).toEqual([
      'encoder.blocks.0.attn.key.weight',
      'decoder.blocks.0.attn.key.weight',
      'decoder.blocks.0.cross_attn.key.weight',
    ]);
    // Encoder: conv1/2, positions, 15 per block, ln_post; decoder: embeddings, positions, 24 per
    // block, ln (the real base model: 245 with 6 blocks each).
    expect(ggml.tensors.size).toBe(5 + 15 + 2 + (2 + 24 + 2));
    // q|k|v rows were 1|2|3 and k|v 1|2: each part keeps its own block.
    expect(t('encoder.blocks.0.attn.query.weight').data.readUInt16LE(0)).toBe(0x3c00);
    expect(t('encoder.blocks.0.attn.key.weight').data.readUInt16LE(0)).toBe(0x4000);
    expect(t('decoder.blocks.0.attn.value.weight').data.readUInt16LE(0)).toBe(0x4200);
    expect(t('decoder.blocks.0.cross_attn.key.weight').data.readUInt16LE(0)).toBe(0x3c00);
    expect(t('decoder.blocks.0.cross_attn.value.weight').data.readUInt16LE(0)).toBe(0x4000);
    expect(t('decoder.blocks.0.cross_attn.value.bias').data.readFloatLE(0)).toBe(0.5);
    expect(t('encoder.blocks.0.attn.query.weight')).toMatchObject({ type: 1, ne: [D, D] });
    expect(t('encoder.conv1.weight')).toMatchObject({ type: 1, ne: [3, N_MELS, D] });
    expect(t('encoder.conv1.bias')).toMatchObject({ type: 0, ne: [1, D] });
    expect(t('encoder.positional_embedding')).toMatchObject({ type: 0, ne: [D, 6] });
    expect(t('decoder.token_embedding.weight')).toMatchObject({ type: 1, ne: [D, 8] });
    expect(t('decoder.ln.bias')).toMatchObject({ type: 0, ne: [D] });
  });

  it('is deterministic', () => {
    const first = fs.readFileSync(convert(tinyWhisper()).out!);
    expect(fs.readFileSync(convert(tinyWhisper()).out!).equals(first)).toBe(true);
  });

  it('refuses what it cannot convert, with a clear error and no output', () => {
    const cases: [Buffer, RegExp][] = [
      [tinyWhisper({ spec: 'TransformerSpec' }), /a TransformerSpec model, not a Whisper model/],
      [tinyWhisper({ keyBias: 1 }), /key projection has a non-zero bias/],
      [tinyWhisper({ int8: true }), /CTranslate2 type 1; only float16\/float32/],
      [tinyWhisper().subarray(0, 2000), /truncated/],
    ];
    for (const [model, message] of cases) {
      const { status, stderr, out } = convert(model);
      expect(status).toBe(1);
      expect(stderr).toMatch(message);
      expect(out).toBeNull();
    }
  });
});
