import { profileSettingsSchema, type ProfileSettings } from '../../../shared/contract';
import { notFound } from '../../platform/errors';
import { withRepositories } from '../../storage/repositories';
import type { ServiceContext } from '../service-context';

/**
 * Settings are stored one key per row (scope = profile id) so a later version can add keys
 * without a migration; stored values are validated on read and bad ones fall back to defaults.
 */
export class SettingsService {
  constructor(private readonly ctx: Pick<ServiceContext, 'db' | 'repos' | 'clock'>) {}

  async get(profileId: string): Promise<ProfileSettings> {
    await this.assertProfile(profileId);
    const rows = await this.ctx.repos.settings.valuesOf(profileId);
    const stored: Record<string, unknown> = {};
    for (const row of rows) {
      try {
        stored[row.key] = JSON.parse(row.value);
      } catch {
        // A damaged value reads as its default.
      }
    }
    const defaults = profileSettingsSchema.parse({});
    const result: Record<string, unknown> = { ...defaults };
    for (const key of Object.keys(defaults) as (keyof ProfileSettings)[]) {
      const parsed = profileSettingsSchema.shape[key].safeParse(stored[key]);
      if (parsed.success) result[key] = parsed.data;
    }
    return profileSettingsSchema.parse(result);
  }

  async update(profileId: string, changes: Partial<ProfileSettings>): Promise<ProfileSettings> {
    await this.assertProfile(profileId);
    const now = this.ctx.clock.now().toISOString();
    await withRepositories(this.ctx.db, async (repos) => {
      for (const [key, value] of Object.entries(changes)) {
        if (value === undefined) continue;
        await repos.settings.write({ scope: profileId, key, value: JSON.stringify(value), now });
      }
    });
    return this.get(profileId);
  }

  private async assertProfile(profileId: string): Promise<void> {
    if (!(await this.ctx.repos.profiles.exists(profileId))) throw notFound('Profile', profileId);
  }
}
