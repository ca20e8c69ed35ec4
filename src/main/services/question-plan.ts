import type { Level, QuestionType } from '../../shared/contract';

export interface PlanCandidate {
  readonly id: string;
  readonly type: QuestionType;
  readonly level: Level;
}

const LEVEL_ORDER: readonly Level[] = ['entry', 'intermediate', 'senior'];
const TYPE_ROTATION: readonly QuestionType[] = ['behavioral', 'technical', 'situational'];

/** Small deterministic PRNG (mulberry32): the same seed gives the same interview. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/**
 * Picks `count` questions: the asked level first, rotating question types so an interview mixes
 * behavioral, technical and situational; when the level runs short, the nearest levels fill in.
 * The fuller planner (recent-history avoidance, skills) comes with the question-bank issue.
 */
export function planQuestions(
  candidates: readonly PlanCandidate[],
  level: Level,
  count: number,
  seed: number,
): string[] {
  const random = seededRandom(seed);
  const levelIndex = LEVEL_ORDER.indexOf(level);
  const byDistance = [...LEVEL_ORDER].sort(
    (a, b) =>
      Math.abs(LEVEL_ORDER.indexOf(a) - levelIndex) - Math.abs(LEVEL_ORDER.indexOf(b) - levelIndex),
  );
  const picked: string[] = [];
  for (const lvl of byDistance) {
    const pools = new Map<QuestionType, PlanCandidate[]>(
      TYPE_ROTATION.map((t) => [
        t,
        shuffle(
          candidates.filter((c) => c.level === lvl && c.type === t),
          random,
        ),
      ]),
    );
    const start = Math.floor(random() * TYPE_ROTATION.length);
    for (let i = 0; picked.length < count; i++) {
      const nonEmpty = TYPE_ROTATION.filter((t) => (pools.get(t)?.length ?? 0) > 0);
      if (nonEmpty.length === 0) break;
      const type = TYPE_ROTATION[(start + i) % TYPE_ROTATION.length] ?? 'behavioral';
      const next = pools.get(type)?.shift();
      if (next) picked.push(next.id);
    }
    if (picked.length >= count) break;
  }
  return picked;
}
