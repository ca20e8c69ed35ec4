/* global AudioWorkletProcessor, registerProcessor, sampleRate */
// Runs on the audio rendering thread: takes the microphone's first channel, resamples it to
// 16 kHz (when the AudioContext could not be opened at 16 kHz), converts to 16-bit PCM and posts
// ~250 ms chunks with their level to the page. Served as a file of its own because the CSP allows
// scripts from 'self' only (no blob: URLs).
const TARGET_RATE = 16000;
const CHUNK_SAMPLES = 4000; // 250 ms at 16 kHz

class PcmCaptureProcessor extends AudioWorkletProcessor {
  constructor() {
    super();
    this.ratio = sampleRate / TARGET_RATE;
    this.position = 0; // fractional read position into the incoming stream, for resampling
    this.previous = 0;
    this.buffer = new Int16Array(CHUNK_SAMPLES);
    this.filled = 0;
    this.sumSquares = 0;
  }

  process(inputs) {
    const channel = inputs[0] && inputs[0][0];
    if (!channel) return true;
    if (this.ratio === 1) {
      for (let i = 0; i < channel.length; i++) this.push(channel[i]);
    } else {
      // Linear interpolation between the last sample of the previous block and this block.
      while (this.position < channel.length) {
        const i = Math.floor(this.position);
        const frac = this.position - i;
        const a = i === 0 ? this.previous : channel[i - 1];
        const b = channel[i];
        this.push(a + (b - a) * frac);
        this.position += this.ratio;
      }
      this.position -= channel.length;
      this.previous = channel[channel.length - 1];
    }
    return true;
  }

  push(value) {
    const s = Math.max(-1, Math.min(1, value));
    this.buffer[this.filled++] = s < 0 ? s * 32768 : s * 32767;
    this.sumSquares += s * s;
    if (this.filled === CHUNK_SAMPLES) {
      const rms = Math.sqrt(this.sumSquares / CHUNK_SAMPLES);
      const chunk = this.buffer;
      this.port.postMessage({ pcm: chunk.buffer, rms }, [chunk.buffer]);
      this.buffer = new Int16Array(CHUNK_SAMPLES);
      this.filled = 0;
      this.sumSquares = 0;
    }
  }
}

registerProcessor('pcm-capture', PcmCaptureProcessor);
