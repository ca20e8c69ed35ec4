// Live words while the candidate speaks: the audio since the last committed
// point is transcribed whenever ~2 s more has arrived and Whisper is free. At a pause (or after
// 15 s) that stretch is committed, so each pass stays short however long the answer is. Best
// effort: a failed pass is skipped; the final pass after stop is what counts.
import { detectSpeechByEnergy, frameLevels } from './audio-features';
import type { SpeechEngine } from './speech-pipeline';
import { guardSegments } from './transcript-guards';
import { floatToPcm16, SPEECH_SAMPLE_RATE } from './wav-format';

const PASS_EVERY_SECONDS = 2;
const COMMIT_AFTER_SECONDS = 15;
const PAUSE_TO_COMMIT_SECONDS = 0.6;

export class LiveTranscriber {
  private chunks: Float32Array[] = [];
  private pendingSamples = 0;
  private sinceLastPass = 0;
  private committed = '';
  private busy = false;
  private stopped = false;

  constructor(
    private readonly engine: SpeechEngine,
    private readonly language: string,
    private readonly emit: (text: string) => void,
  ) {}

  push(samples: Float32Array): void {
    if (this.stopped) return;
    this.chunks.push(samples);
    this.pendingSamples += samples.length;
    this.sinceLastPass += samples.length;
    if (!this.busy && this.sinceLastPass >= PASS_EVERY_SECONDS * SPEECH_SAMPLE_RATE) {
      void this.pass();
    }
  }

  stop(): void {
    this.stopped = true;
    this.chunks = [];
  }

  private async pass(): Promise<void> {
    this.busy = true;
    this.sinceLastPass = 0;
    const window = new Float32Array(this.pendingSamples);
    let at = 0;
    for (const c of this.chunks) {
      window.set(c, at);
      at += c.length;
    }
    const taken = this.chunks.length;
    try {
      const seconds = window.length / SPEECH_SAMPLE_RATE;
      const speech = detectSpeechByEnergy(frameLevels(window, SPEECH_SAMPLE_RATE));
      const lastSpeechEnd = speech.length ? speech[speech.length - 1]!.end : 0;
      let text = '';
      if (speech.length > 0 && this.engine.worker) {
        const raw = await this.engine.worker.transcribe(floatToPcm16(window), {
          language: this.language,
          timeoutMs: 30_000,
        });
        text = guardSegments(raw.segments, speech, seconds)
          .segments.map((s) => s.text)
          .join(' ');
      }
      if (this.stopped) return;
      const atPause = seconds - lastSpeechEnd >= PAUSE_TO_COMMIT_SECONDS;
      if (atPause || seconds >= COMMIT_AFTER_SECONDS) {
        this.committed = [this.committed, text].filter(Boolean).join(' ');
        this.chunks = this.chunks.slice(taken);
        this.pendingSamples = this.chunks.reduce((n, c) => n + c.length, 0);
        text = '';
      }
      const shown = [this.committed, text].filter(Boolean).join(' ');
      if (shown) this.emit(shown);
    } catch {
      // Live words are a preview; the final pass after stop() reports real failures.
    } finally {
      this.busy = false;
    }
  }
}
