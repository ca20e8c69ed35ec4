import type {
  ManifestEntry,
  ModelKind,
  ModelManifest,
  ModelRecommendation,
} from '../../../shared/contract/models';
import { modelKinds } from '../../../shared/contract/models';

export interface MachineInfo {
  readonly totalRamMb: number;
  readonly cpuCount: number;
}

/**
 * The share of the machine's memory one model may take and still leave room for the OS, the app
 * and the other models (a language model and speech recognition run during the same interview).
 */
const RAM_SHARE: Readonly<Record<ModelKind, number>> = {
  llm: 0.25,
  whisper: 0.125,
  vad: 0.05,
  embeddings: 0.05,
};
/** Slow models (speed 1–2) on fewer cores than this make people wait after every answer. */
const MIN_CORES_FOR_SLOW_MODEL = 4;

const KIND_WORDS: Readonly<Record<ModelKind, string>> = {
  llm: 'language model',
  whisper: 'speech-recognition model',
  vad: 'voice-activity model',
  embeddings: 'embedding model',
};

function gb(mb: number): string {
  return `${Math.round(mb / 102.4) / 10} GB`;
}

function needs(entry: ManifestEntry): { ramMb: number; cores: number } {
  return {
    ramMb: Math.ceil(entry.ramMb / RAM_SHARE[entry.kind]),
    cores: entry.speed <= 2 ? MIN_CORES_FOR_SLOW_MODEL : 1,
  };
}

/** Per kind, the best manifest model that fits this machine comfortably, with why. */
export function recommendModels(
  manifest: ModelManifest,
  machine: MachineInfo,
): ModelRecommendation[] {
  return modelKinds.map((kind) => {
    const ofKind = manifest.models.filter((m) => m.kind === kind);
    const fits = ofKind.filter((m) => {
      const need = needs(m);
      return need.ramMb <= machine.totalRamMb && need.cores <= machine.cpuCount;
    });
    const best = [...fits].sort((a, b) => b.quality - a.quality || b.speed - a.speed)[0];
    const have = `this machine has ${gb(machine.totalRamMb)} of memory and ${machine.cpuCount} CPU cores`;
    if (!best) {
      const smallest = [...ofKind].sort((a, b) => a.ramMb - b.ramMb)[0];
      return {
        kind,
        modelId: null,
        reason: smallest
          ? `No ${KIND_WORDS[kind]} fits comfortably: ${smallest.name} ${shortfall(smallest, machine)}.`
          : `The model list has no ${KIND_WORDS[kind]}.`,
      };
    }
    const better = ofKind.find((m) => m.quality > best.quality && !fits.includes(m));
    const reason = better
      ? `${best.name}: ${better.name} would be better but ${shortfall(better, machine)}.`
      : `${best.name}: the best ${KIND_WORDS[kind]} in the list, and it fits easily (${have}).`;
    return { kind, modelId: best.id, reason };
  });
}

/** What the machine lacks for a model, in one clause: only the limits it does not meet. */
function shortfall(entry: ManifestEntry, machine: MachineInfo): string {
  const need = needs(entry);
  const parts: string[] = [];
  if (need.ramMb > machine.totalRamMb) {
    parts.push(`wants ${gb(need.ramMb)} of memory (this machine has ${gb(machine.totalRamMb)})`);
  }
  if (need.cores > machine.cpuCount) {
    parts.push(
      `wants ${need.cores} CPU cores to be quick enough (this machine has ${machine.cpuCount})`,
    );
  }
  return parts.join(' and ');
}
