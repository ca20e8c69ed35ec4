#!/usr/bin/env python3
"""Converts a Whisper model saved by CTranslate2 (faster-whisper's model.bin + vocabulary.json)
into whisper.cpp's ggml file, with the Python standard library only.

    python3 scripts/ct2-whisper-to-ggml.py MODEL_DIR MEL_FILTERS.npz OUT.bin

The output is what whisper.cpp's models/convert-pt-to-ggml.py writes for the same weights:
hparams, the mel filter bank, the byte-level vocabulary, then each tensor under OpenAI's name,
2-D and larger weights in float16, vectors, conv biases and positional embeddings in float32.
CTranslate2 fuses attention projections (q|k|v in the self-attention, k|v in the cross-attention)
and gives the key projection a zero bias; they are split here and the key bias dropped, as
whisper.cpp's graph has none. The output is a pure function of the inputs (no timestamps, no
dict-order dependence), so its sha256 can be pinned.
"""

from __future__ import annotations

import ast
import json
import struct
import sys
import zipfile
from pathlib import Path

GGML_MAGIC = 0x67676D6C
CT2_BINARY_VERSION = 6
CT2_FLOAT32, CT2_FLOAT16 = 0, 4
GGML_F32, GGML_F16 = 0, 1
HPARAM_NAMES = (
    "n_vocab n_audio_ctx n_audio_state n_audio_head n_audio_layer "
    "n_text_ctx n_text_state n_text_head n_text_layer n_mels"
).split()


class ConversionError(Exception):
    pass


class Ct2Model:
    """The variables of a CTranslate2 model.bin, read lazily by offset."""

    def __init__(self, path: Path):
        self.path = path
        self.variables: dict[str, tuple[tuple[int, ...], int, int, int]] = {}
        self.aliases: dict[str, str] = {}
        with path.open("rb") as f:

            def unpack(fmt: str):
                size = struct.calcsize("<" + fmt)
                data = f.read(size)
                if len(data) != size:
                    raise ConversionError(f"{path}: truncated CTranslate2 model")
                return struct.unpack("<" + fmt, data)

            def string() -> str:
                (length,) = unpack("H")
                return f.read(length)[:-1].decode("utf-8")

            (version,) = unpack("I")
            if version != CT2_BINARY_VERSION:
                raise ConversionError(
                    f"{path}: CTranslate2 binary version {version}, "
                    f"this converter reads {CT2_BINARY_VERSION}"
                )
            self.spec = string()
            if self.spec != "WhisperSpec":
                raise ConversionError(f"{path}: a {self.spec} model, not a Whisper model")
            unpack("I")  # spec revision
            (count,) = unpack("I")
            for _ in range(count):
                name = string()
                (rank,) = unpack("B")
                shape = unpack("I" * rank) if rank else ()
                (dtype,) = unpack("B")
                (nbytes,) = unpack("I")
                self.variables[name] = (tuple(shape), dtype, f.tell(), nbytes)
                f.seek(nbytes, 1)
            (count,) = unpack("I")
            for _ in range(count):
                alias = string()
                self.aliases[alias] = string()

    def shape(self, name: str) -> tuple[int, ...]:
        return self._get(name)[0]

    def _get(self, name: str):
        name = self.aliases.get(name, name)
        if name not in self.variables:
            raise ConversionError(f"{self.path}: no variable {name}")
        return self.variables[name]

    def scalar(self, name: str) -> int:
        shape, dtype, offset, nbytes = self._get(name)
        with self.path.open("rb") as f:
            f.seek(offset)
            data = f.read(nbytes)
        formats = {1: "<b", 2: "<h", 4: "<i"}  # int8, int16, int32 scalars of the spec
        if shape or nbytes not in formats:
            raise ConversionError(f"{self.path}: {name} is not an integer scalar")
        return struct.unpack(formats[nbytes], data)[0]

    def halves(self, name: str) -> tuple[tuple[int, ...], bytes]:
        """The variable as little-endian float16 bytes (float32 variables are rounded)."""
        shape, dtype, data = self._read(name)
        if dtype == CT2_FLOAT16:
            return shape, data
        n = len(data) // 4
        return shape, struct.pack(f"<{n}e", *struct.unpack(f"<{n}f", data))

    def floats(self, name: str) -> tuple[tuple[int, ...], bytes]:
        """The variable as little-endian float32 bytes (float16 widens exactly)."""
        shape, dtype, data = self._read(name)
        if dtype == CT2_FLOAT32:
            return shape, data
        n = len(data) // 2
        return shape, struct.pack(f"<{n}f", *struct.unpack(f"<{n}e", data))

    def _read(self, name: str):
        shape, dtype, offset, nbytes = self._get(name)
        if dtype not in (CT2_FLOAT16, CT2_FLOAT32):
            raise ConversionError(
                f"{self.path}: {name} has CTranslate2 type {dtype}; only float16/float32 models "
                "convert (an int8 model needs its scales applied first)"
            )
        with self.path.open("rb") as f:
            f.seek(offset)
            data = f.read(nbytes)
        if len(data) != nbytes:
            raise ConversionError(f"{self.path}: truncated at {name}")
        return shape, dtype, data


def split_rows(shape: tuple[int, ...], data: bytes, parts: int):
    """Splits a fused projection (weight [parts*n, k] or bias [parts*n]) along its first axis."""
    if shape[0] % parts:
        raise ConversionError(f"cannot split {shape} into {parts}")
    rows = shape[0] // parts
    step = len(data) // parts
    return [((rows, *shape[1:]), data[i * step : (i + 1) * step]) for i in range(parts)]


def read_mel_filters(npz: Path, n_mels: int) -> tuple[tuple[int, int], bytes]:
    """mel_{n_mels} of OpenAI's mel_filters.npz: a float32 [n_mels, n_fft/2+1] array."""
    try:
        with zipfile.ZipFile(npz) as z:
            raw = z.read(f"mel_{n_mels}.npy")
    except zipfile.BadZipFile:
        raise ConversionError(f"{npz} is not an .npz archive") from None
    except KeyError:
        raise ConversionError(f"{npz} has no mel_{n_mels} filter bank") from None
    if raw[:6] != b"\x93NUMPY":
        raise ConversionError(f"{npz}: mel_{n_mels} is not a .npy array")
    major = raw[6]
    header_len_size = 2 if major == 1 else 4
    (header_len,) = struct.unpack(
        "<H" if header_len_size == 2 else "<I", raw[8 : 8 + header_len_size]
    )
    start = 8 + header_len_size
    header = ast.literal_eval(raw[start : start + header_len].decode("latin1"))
    shape = tuple(header["shape"])
    if header["descr"] != "<f4" or header["fortran_order"] or len(shape) != 2 or shape[0] != n_mels:
        raise ConversionError(
            f"{npz}: mel_{n_mels} is {header}, expected little-endian float32 [{n_mels}, n]"
        )
    data = raw[start + header_len :]
    if len(data) != shape[0] * shape[1] * 4:
        raise ConversionError(f"{npz}: mel_{n_mels} is truncated")
    return (shape[0], shape[1]), data


def byte_decoder() -> dict[str, int]:
    """GPT-2's byte-level BPE alphabet, reversed: vocabulary characters back to bytes."""
    printable = (
        list(range(ord("!"), ord("~") + 1))
        + list(range(ord("¡"), ord("¬") + 1))
        + list(range(ord("®"), ord("ÿ") + 1))
    )
    chars = printable[:]
    extra = 0
    for b in range(256):
        if b not in printable:
            printable.append(b)
            chars.append(256 + extra)
            extra += 1
    return {chr(c): b for b, c in zip(printable, chars)}


def read_vocabulary(path: Path) -> list[bytes]:
    """The text tokens (those before <|endoftext|>) as raw bytes, in id order."""
    tokens = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(tokens, list) or "<|endoftext|>" not in tokens:
        raise ConversionError(f"{path}: not a Whisper vocabulary (no <|endoftext|>)")
    decoder = byte_decoder()
    try:
        return [bytes(decoder[c] for c in t) for t in tokens[: tokens.index("<|endoftext|>")]]
    except KeyError as e:
        raise ConversionError(
            f"{path}: a token has a character outside GPT-2's byte alphabet: {e}"
        ) from None


def count_layers(model: Ct2Model, prefix: str) -> int:
    n = 0
    while f"{prefix}/layer_{n}/ffn/linear_0/weight" in model.variables:
        n += 1
    return n


def tensors(model: Ct2Model, n_audio_layer: int, n_text_layer: int):
    """(whisper.cpp name, 'f16' or 'f32', shape, bytes) in OpenAI's state-dict order."""

    def half(name):
        return ("f16", *model.halves(name))

    def full(name):
        return ("f32", *model.floats(name))

    def linear(out, src, with_bias=True):
        yield (f"{out}.weight", *half(f"{src}/weight"))
        if with_bias:
            yield (f"{out}.bias", *full(f"{src}/bias"))

    def layer_norm(out, src):
        yield (f"{out}.weight", *full(f"{src}/gamma"))
        yield (f"{out}.bias", *full(f"{src}/beta"))

    def fused(out_names, src):
        """q|k|v or k|v fused by CTranslate2; the key's bias is zeros, whisper.cpp has none."""
        ws = split_rows(*model.halves(f"{src}/weight"), len(out_names))
        bs = split_rows(*model.floats(f"{src}/bias"), len(out_names))
        for name, (wshape, w), (bshape, b) in zip(out_names, ws, bs):
            yield (f"{name}.weight", "f16", wshape, w)
            if name.endswith(".key"):
                if any(struct.unpack(f"<{len(b) // 4}f", b)):
                    raise ConversionError(f"{src}: the key projection has a non-zero bias")
            else:
                yield (f"{name}.bias", "f32", bshape, b)

    def mlp(out, src):
        yield from linear(f"{out}.mlp.0", f"{src}/ffn/linear_0")
        yield from linear(f"{out}.mlp.2", f"{src}/ffn/linear_1")
        yield from layer_norm(f"{out}.mlp_ln", f"{src}/ffn/layer_norm")

    def self_attention(out, src):
        qkv = [f"{out}.attn.{p}" for p in ("query", "key", "value")]
        yield from fused(qkv, f"{src}/self_attention/linear_0")
        yield from linear(f"{out}.attn.out", f"{src}/self_attention/linear_1")
        yield from layer_norm(f"{out}.attn_ln", f"{src}/self_attention/layer_norm")

    yield ("encoder.positional_embedding", *full("encoder/position_encodings/encodings"))
    for conv in ("conv1", "conv2"):
        yield (f"encoder.{conv}.weight", *half(f"encoder/{conv}/weight"))
        shape, bias = model.floats(f"encoder/{conv}/bias")
        yield (f"encoder.{conv}.bias", "f32", (shape[0], 1), bias)  # whisper.cpp reads [n, 1]
    for i in range(n_audio_layer):
        yield from self_attention(f"encoder.blocks.{i}", f"encoder/layer_{i}")
        yield from mlp(f"encoder.blocks.{i}", f"encoder/layer_{i}")
    yield from layer_norm("encoder.ln_post", "encoder/layer_norm")

    yield ("decoder.positional_embedding", *full("decoder/position_encodings/encodings"))
    yield ("decoder.token_embedding.weight", *half("decoder/embeddings/weight"))
    for i in range(n_text_layer):
        out, src = f"decoder.blocks.{i}", f"decoder/layer_{i}"
        yield from self_attention(out, src)
        yield from linear(f"{out}.cross_attn.query", f"{src}/attention/linear_0")
        kv = [f"{out}.cross_attn.key", f"{out}.cross_attn.value"]
        yield from fused(kv, f"{src}/attention/linear_1")
        yield from linear(f"{out}.cross_attn.out", f"{src}/attention/linear_2")
        yield from layer_norm(f"{out}.cross_attn_ln", f"{src}/attention/layer_norm")
        yield from mlp(out, src)
    yield from layer_norm("decoder.ln", "decoder/layer_norm")


def convert(model_dir: Path, mel_npz: Path, out: Path) -> None:
    model = Ct2Model(model_dir / "model.bin")
    n_vocab, n_text_state = model.shape("decoder/embeddings/weight")
    n_audio_ctx, n_audio_state = model.shape("encoder/position_encodings/encodings")
    n_text_ctx = model.shape("decoder/position_encodings/encodings")[0]
    n_mels = model.shape("encoder/conv1/weight")[1]
    n_audio_layer = count_layers(model, "encoder")
    n_text_layer = count_layers(model, "decoder")
    hparams = [
        n_vocab,
        n_audio_ctx,
        n_audio_state,
        model.scalar("encoder/num_heads"),
        n_audio_layer,
        n_text_ctx,
        n_text_state,
        model.scalar("decoder/num_heads"),
        n_text_layer,
        n_mels,
        GGML_F16,
    ]
    (filter_rows, filter_cols), filters = read_mel_filters(mel_npz, n_mels)
    vocabulary = read_vocabulary(model_dir / "vocabulary.json")
    if len(vocabulary) >= n_vocab:
        raise ConversionError(f"{len(vocabulary)} text tokens for a model of {n_vocab}")

    partial = out.with_name(out.name + ".part")
    try:
        write_ggml(partial, hparams, (filter_rows, filter_cols), filters, vocabulary, model)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    partial.replace(out)
    names = ", ".join(f"{k}={v}" for k, v in zip(HPARAM_NAMES, hparams))
    print(f"wrote {out}: {names}; {len(vocabulary)} text tokens", file=sys.stderr)


def write_ggml(out: Path, hparams, filter_shape, filters: bytes, vocabulary, model: Ct2Model):
    n_audio_layer, n_text_layer = hparams[4], hparams[8]
    with out.open("wb") as f:
        f.write(struct.pack("<12i", GGML_MAGIC, *hparams))
        f.write(struct.pack("<2i", *filter_shape))
        f.write(filters)
        f.write(struct.pack("<i", len(vocabulary)))
        for token in vocabulary:
            f.write(struct.pack("<i", len(token)))
            f.write(token)
        for name, kind, shape, data in tensors(model, n_audio_layer, n_text_layer):
            encoded = name.encode("utf-8")
            ttype = GGML_F16 if kind == "f16" else GGML_F32
            f.write(struct.pack("<3i", len(shape), len(encoded), ttype))
            f.write(struct.pack(f"<{len(shape)}i", *reversed(shape)))  # ggml: innermost first
            f.write(encoded)
            f.write(data)


def main(argv: list[str]) -> int:
    if len(argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    try:
        convert(Path(argv[1]), Path(argv[2]), Path(argv[3]))
    except (ConversionError, OSError) as e:
        print(f"ct2-whisper-to-ggml: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
