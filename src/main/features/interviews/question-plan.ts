import type { Level, QuestionType } from '../../../shared/contract';
import { seededRandom } from '../../platform/random';

export interface PlanCandidate {
  readonly id: string;
  readonly type: QuestionType;
  readonly level: Level;
  readonly skills: readonly string[];
  /** The question's text, when near-duplicates are to be avoided. */
  readonly content?: string;
}

export interface PlanOptions {
  readonly level: Level;
  readonly count: number;
  readonly seed: number;
  /** Skills the candidate chose: questions on them come first. */
  readonly skills?: readonly string[];
  /** Questions this person answered recently: used only when nothing else is left. */
  readonly recentlyAsked?: ReadonlySet<string>;
  /** Whether two question texts ask the same thing: such a pair never shares an interview
   * while another question of the slot's type is left. */
  readonly nearDuplicate?: (a: string, b: string) => boolean;
}

const LEVEL_ORDER: readonly Level[] = ['entry', 'intermediate', 'senior'];
const MIDDLE_TYPES: readonly QuestionType[] = [
  'behavioral',
  'technical',
  'situational',
  'role-specific',
];

/**
 * A balanced interview, like a real one: a motivation opener, then behavioral, technical,
 * situational and role-specific questions in rotation, and a motivation closer. The asked level
 * comes first, then the nearest; questions on the chosen skills first; questions answered
 * recently last. Deterministic for a seed, so tests and "the same interview again" work.
 */
export function planQuestions(
  candidates: readonly PlanCandidate[],
  options: PlanOptions,
): string[] {
  const random = seededRandom(options.seed);
  const wanted = new Set((options.skills ?? []).map((s) => s.toLowerCase()));
  const recent = options.recentlyAsked ?? new Set<string>();
  const levelIndex = LEVEL_ORDER.indexOf(options.level);
  const rank = new Map(
    candidates.map((c) => {
      const distance = Math.abs(LEVEL_ORDER.indexOf(c.level) - levelIndex);
      const onSkill = c.skills.some((s) => wanted.has(s.toLowerCase())) ? 0 : 1;
      // Lower is better: recency first (avoid), then level distance, then skills, then chance.
      return [c.id, (recent.has(c.id) ? 100 : 0) + distance * 10 + onSkill * 2 + random()];
    }),
  );
  const pools = new Map<QuestionType, PlanCandidate[]>();
  for (const c of candidates) pools.set(c.type, [...(pools.get(c.type) ?? []), c]);
  for (const pool of pools.values())
    pool.sort((a, b) => (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0));

  const slots = slotTypes(options.count, Math.floor(random() * MIDDLE_TYPES.length));
  const picked: string[] = [];
  const pickedTexts: string[] = [];
  const repeatsPicked = (c: PlanCandidate): boolean =>
    options.nearDuplicate !== undefined &&
    c.content !== undefined &&
    pickedTexts.some((text) => options.nearDuplicate!(text, c.content!));
  const take = (type: QuestionType | null): void => {
    const pool =
      (type && pools.get(type)?.length ? pools.get(type) : undefined) ??
      [...pools.values()]
        .filter((p) => p.length > 0)
        .sort((a, b) => (rank.get(a[0]!.id) ?? 0) - (rank.get(b[0]!.id) ?? 0))[0];
    if (!pool || pool.length === 0) return;
    const fresh = pool.findIndex((c) => !repeatsPicked(c));
    const [next] = pool.splice(Math.max(0, fresh), 1);
    if (next) {
      picked.push(next.id);
      if (next.content !== undefined) pickedTexts.push(next.content);
    }
  };
  for (const type of slots) take(type);
  return picked;
}

/** The type of each slot: opener and closer are motivation questions once there is room. */
function slotTypes(count: number, start: number): QuestionType[] {
  const middleCount = count >= 3 ? count - 2 : count;
  const middle = Array.from(
    { length: middleCount },
    (_, i) => MIDDLE_TYPES[(start + i) % MIDDLE_TYPES.length]!,
  );
  return count >= 3 ? ['motivation', ...middle, 'motivation'] : middle;
}
