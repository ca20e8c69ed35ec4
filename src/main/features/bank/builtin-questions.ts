import type { PackQuestion } from '../../../shared/packs/pack-schema';
import { parsePackJson } from './parse-pack';
import { builtinPackJson } from './builtin-packs';

/** Every built-in question, parsed and checked: for benchmarks and scorer tests. */
export function builtinQuestions(): PackQuestion[] {
  return builtinPackJson.flatMap(
    (json, i) => parsePackJson(json, `built-in pack #${i + 1}`).pack.questions,
  );
}
