import type { Input, Level, Profile } from '../../../shared/contract';
import { AppError, notFound } from '../../platform/errors';
import { parseStringArray } from '../../platform/json';
import type { Selectable } from 'kysely';
import type { UsersTable } from '../../storage/schema';
import type { ServiceContext } from '../service-context';

/** Local profiles: one per student on a shared lab machine, each one's data kept apart. */
export class ProfileService {
  constructor(private readonly ctx: ServiceContext) {}

  async list(): Promise<Profile[]> {
    const rows = await this.ctx.db
      .selectFrom('users')
      .selectAll()
      .orderBy('name')
      .orderBy('created_at')
      .execute();
    return rows.map(toProfile);
  }

  async get(profileId: string): Promise<Profile> {
    const row = await this.ctx.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', profileId)
      .executeTakeFirst();
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
    const now = this.ctx.clock.now().toISOString();
    const id = this.ctx.ids();
    await this.ctx.db
      .insertInto('users')
      .values({
        id,
        email: null,
        password_hash: null,
        name: input.name,
        avatar_url: null,
        target_role_id: input.targetRoleId,
        skills: JSON.stringify(dedupe(input.skills)),
        level: input.level,
        created_at: now,
        updated_at: now,
      })
      .execute();
    return this.get(id);
  }

  async update(
    input: Omit<Input<'profiles.update'>, 'profileId'> & { profileId: string },
  ): Promise<Profile> {
    await this.get(input.profileId);
    if (input.targetRoleId !== undefined) await this.assertRoleExists(input.targetRoleId);
    await this.ctx.db
      .updateTable('users')
      .set({
        ...(input.name !== undefined && { name: input.name }),
        ...(input.targetRoleId !== undefined && { target_role_id: input.targetRoleId }),
        ...(input.skills !== undefined && { skills: JSON.stringify(dedupe(input.skills)) }),
        ...(input.level !== undefined && { level: input.level }),
        updated_at: this.ctx.clock.now().toISOString(),
      })
      .where('id', '=', input.profileId)
      .execute();
    return this.get(input.profileId);
  }

  private async assertRoleExists(roleId: string | null): Promise<void> {
    if (roleId === null) return;
    const role = await this.ctx.db
      .selectFrom('job_roles')
      .select('id')
      .where('id', '=', roleId)
      .executeTakeFirst();
    if (!role)
      throw new AppError('VALIDATION', `Unknown job role "${roleId}". Pick one from the list.`);
  }
}

function toProfile(row: Selectable<UsersTable>): Profile {
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
