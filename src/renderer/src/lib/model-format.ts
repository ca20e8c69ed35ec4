/** Sizes, speeds and times for the Models screen, in the units people read on download pages. */

export function formatBytes(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(1)} GB`;
  if (bytes >= 1e6) return `${Math.round(bytes / 1e6)} MB`;
  if (bytes >= 1e3) return `${Math.round(bytes / 1e3)} kB`;
  return `${bytes} B`;
}

export function formatRam(mb: number): string {
  return mb >= 1024 ? `${(mb / 1024).toFixed(1)} GB` : `${mb} MB`;
}

export function formatEta(seconds: number | null): string {
  if (seconds === null) return 'working out the time left…';
  if (seconds < 60) return `${seconds} s left`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ${seconds % 60} s left`;
  return `${Math.floor(seconds / 3600)} h ${Math.round((seconds % 3600) / 60)} min left`;
}

export const KIND_LABELS = {
  whisper: 'Speech recognition',
  vad: 'Voice activity detection',
  llm: 'Language model (written feedback)',
  embeddings: 'Answer meaning (embeddings)',
} as const;
