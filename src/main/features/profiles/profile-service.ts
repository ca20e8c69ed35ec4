import type { Input, Level, Profile } from '../../../shared/contract';
import { AppError, notFound } from '../../platform/errors';
import { parseStringArray } from '../../platform/json';
import type { ProfileRow } from '../../storage/repositories/profile-repository';
import type { ServiceContext } from '../service-context';

/** Local profiles: one per student on a shared lab machine, each one's data kept apart. */
export class ProfileService {
  constructor(private readonly ctx: ServiceContext) {}

  async list(): Promise<Profile[]> {
    return (await this.ctx.repos.profiles.all()).map(toProfile);
  }

  async get(profileId: string): Promise<Profile> {
    const row = await this.ctx.repos.profiles.byId(profileId);
    if (!row) throw notFound('Profile', profileId);
    return toProfile(row);
  }

  async create(input: {
    name: string;
    targetRoleId: string | null;
    skills: string[];
    level: Level;
  }): Promise<Profile> {
    await this.assertRoleExists(input.targetRoleId);
    const id = this.ctx.ids();
    await this.ctx.repos.profiles.insert({
      id,
      name: input.name,
      targetRoleId: input.targetRoleId,
      skills: JSON.stringify(dedupe(input.skills)),
      level: input.level,
      now: this.ctx.clock.now().toISOString(),
    });
    return this.get(id);
  }

  async update(
    input: Omit<Input<'profiles.update'>, 'profileId'> & { profileId: string },
  ): Promise<Profile> {
    await this.get(input.profileId);
    if (input.targetRoleId !== undefined) await this.assertRoleExists(input.targetRoleId);
    await this.ctx.repos.profiles.update(
      input.profileId,
      {
        ...(input.name !== undefined && { name: input.name }),
        ...(input.targetRoleId !== undefined && { targetRoleId: input.targetRoleId }),
        ...(input.skills !== undefined && { skills: JSON.stringify(dedupe(input.skills)) }),
        ...(input.level !== undefined && { level: input.level }),
      },
      this.ctx.clock.now().toISOString(),
    );
    return this.get(input.profileId);
  }

  private async assertRoleExists(roleId: string | null): Promise<void> {
    if (roleId === null) return;
    if (!(await this.ctx.repos.bank.roleExists(roleId)))
      throw new AppError('VALIDATION', `Unknown job role "${roleId}". Pick one from the list.`);
  }
}

function toProfile(row: ProfileRow): Profile {
  return {
    id: row.id,
    name: row.name,
    targetRoleId: row.target_role_id,
    skills: parseStringArray(row.skills),
    level: row.level as Level,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function dedupe(skills: readonly string[]): string[] {
  const seen = new Set<string>();
  return skills.filter((s) => {
    const key = s.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
