import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { modelIdOf, resolveSpeechModels } from './model-paths';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rehearse-models-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function file(relative: string, content = 'x'): string {
  const full = path.join(dir, relative);
  fs.mkdirSync(path.dirname(full), { recursive: true });
  fs.writeFileSync(full, content);
  return full;
}

describe('speech model paths', () => {
  it('takes a flag first, then the env var, then the data folder, else none', () => {
    const installed = file('data/models/whisper/ggml-small.en.bin');
    file('data/models/whisper/notes.txt');
    const fromEnv = file('env/ggml-base.en.bin');
    const fromFlag = file('flag/ggml-tiny.bin');
    const dataDir = path.join(dir, 'data');
    expect(resolveSpeechModels({ dataDir, env: {} })).toEqual({ whisper: installed, vad: null });
    expect(resolveSpeechModels({ dataDir, env: { REHEARSE_WHISPER_MODEL: fromEnv } }).whisper).toBe(
      fromEnv,
    );
    expect(
      resolveSpeechModels({ dataDir, env: { REHEARSE_WHISPER_MODEL: fromEnv }, whisper: fromFlag })
        .whisper,
    ).toBe(fromFlag);
    const vad = file('data/models/vad/silero.bin');
    expect(resolveSpeechModels({ dataDir, env: {} }).vad).toBe(vad);
    expect(resolveSpeechModels({ dataDir: path.join(dir, 'empty'), env: {} })).toEqual({
      whisper: null,
      vad: null,
    });
  });

  it('refuses a configured model that does not exist', () => {
    expect(() =>
      resolveSpeechModels({ dataDir: dir, env: { REHEARSE_VAD_MODEL: path.join(dir, 'no.bin') } }),
    ).toThrow(/VAD model ".*no\.bin" was not found/);
  });

  it('names a model by file name and the start of its sha256, recomputed when it changes', () => {
    const model = file('m/ggml-x.bin', 'abc');
    // sha256("abc") = ba7816bf8f01cfea…
    expect(modelIdOf(model)).toBe('ggml-x.bin@ba7816bf8f01');
    fs.writeFileSync(model, 'abcd');
    fs.utimesSync(model, new Date(), new Date(Date.now() + 5000));
    expect(modelIdOf(model)).toBe('ggml-x.bin@88d4266fd4e6');
  });
});
