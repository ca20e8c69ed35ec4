import type { EvaluateOptions } from '../../assessment/evaluator';
import type { ServiceContext } from '../service-context';
import { SettingsService } from './settings-service';

/** How this profile wants its answers checked (its grammar-check setting). */
export async function profileEvaluateOptions(
  ctx: ServiceContext,
  userId: string,
): Promise<EvaluateOptions> {
  const { grammarCheck } = await new SettingsService(ctx).get(userId);
  return grammarCheck === 'thorough' ? { grammar: 'harper' } : {};
}
