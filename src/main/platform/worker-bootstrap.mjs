// Starts a worker thread from its TypeScript source (tests, the CLI and `npm run web` run from
// src/ without a bundle): a worker thread does not inherit the TypeScript loader of the thread
// that created it, so it registers tsx itself before importing the real entry.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
