import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        // The Electron shell is the only entry that may import 'electron'; everything it pulls in
        // from src/main is plain Node.
        input: {
          index: resolve(__dirname, 'src/main/electron/main.ts'),
          // The services run in a utility process started from this file beside index.js
          // (src/main/electron/backend-spawner.ts).
          'backend-process': resolve(__dirname, 'src/main/app/backend-process.ts'),
          // The LLM runs in its own worker thread, loaded from this file beside index.js.
          'llm-worker': resolve(__dirname, 'src/main/engines/llm/llm-worker.ts'),
          // Grammar checking and tagging run in a worker thread of their own (nlp/language-analyser.ts).
          'language-worker': resolve(__dirname, 'src/main/engines/language/language-worker.ts'),
          // The speech child process (src/main/engines/speech/whisper-worker-client.ts finds it beside index.js).
          'whisper-worker': resolve(__dirname, 'src/main/engines/speech/whisper-worker.mjs'),
        },
        // Native modules must stay outside the bundle (electron-builder unpacks them from asar).
        // pdfkit and dictionary-en read their own data files from their package folders at run time.
        external: [
          'better-sqlite3',
          'pdfkit',
          'dictionary-en',
          'node-llama-cpp',
          '@fugood/whisper.node',
        ],
      },
    },
  },
  preload: {
    build: {
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        // A sandboxed preload must be CommonJS (Electron does not load ESM preloads with sandbox on).
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    plugins: [react()],
    build: {
      minify: true,
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
    },
  },
});
