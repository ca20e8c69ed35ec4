import type { Kysely, Selectable } from 'kysely';
import type { DatabaseSchema, UsersTable } from '../schema';

export type ProfileRow = Selectable<UsersTable>;

/** People on this machine (users). The only code that reads or writes these tables. */
export class ProfileRepository {
  constructor(protected readonly db: Kysely<DatabaseSchema>) {}

  /** Every profile, by name (then age, for profiles of the same name). */
  async all(): Promise<ProfileRow[]> {
    return this.db.selectFrom('users').selectAll().orderBy('name').orderBy('created_at').execute();
  }

  async byId(profileId: string): Promise<ProfileRow | undefined> {
    return this.db.selectFrom('users').selectAll().where('id', '=', profileId).executeTakeFirst();
  }

  async exists(profileId: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('users')
      .select('id')
      .where('id', '=', profileId)
      .executeTakeFirst();
    return row !== undefined;
  }

  async insert(profile: {
    id: string;
    name: string;
    targetRoleId: string | null;
    /** JSON array of strings. */
    skills: string;
    level: string;
    now: string;
  }): Promise<void> {
    await this.db
      .insertInto('users')
      .values({
        id: profile.id,
        email: null,
        password_hash: null,
        name: profile.name,
        avatar_url: null,
        target_role_id: profile.targetRoleId,
        skills: profile.skills,
        level: profile.level,
        created_at: profile.now,
        updated_at: profile.now,
      })
      .execute();
  }

  /** Sets the given fields (absent ones are left as they are). */
  async update(
    profileId: string,
    changes: { name?: string; targetRoleId?: string | null; skills?: string; level?: string },
    now: string,
  ): Promise<void> {
    await this.db
      .updateTable('users')
      .set({
        ...(changes.name !== undefined && { name: changes.name }),
        ...(changes.targetRoleId !== undefined && { target_role_id: changes.targetRoleId }),
        ...(changes.skills !== undefined && { skills: changes.skills }),
        ...(changes.level !== undefined && { level: changes.level }),
        updated_at: now,
      })
      .where('id', '=', profileId)
      .execute();
  }

  /** Ids of the administrator profiles, in id order. */
  async adminIds(): Promise<string[]> {
    const rows = await this.db
      .selectFrom('users')
      .select('id')
      .where('is_admin', '=', 1)
      .orderBy('id')
      .execute();
    return rows.map((r) => r.id);
  }

  /** The stored PIN hashes of the administrators (null where one has none). */
  async adminPinHashes(): Promise<(string | null)[]> {
    const rows = await this.db
      .selectFrom('users')
      .select('password_hash')
      .where('is_admin', '=', 1)
      .execute();
    return rows.map((r) => r.password_hash);
  }

  async makeAdmin(profileId: string, pinHash: string, now: string): Promise<void> {
    await this.db
      .updateTable('users')
      .set({ is_admin: 1, password_hash: pinHash, updated_at: now })
      .where('id', '=', profileId)
      .execute();
  }

  /** Deletes the profile and its settings; the schema cascades to its sessions and summaries. */
  async deleteProfile(profileId: string): Promise<void> {
    await this.db.deleteFrom('settings').where('scope', '=', profileId).execute();
    await this.db.deleteFrom('users').where('id', '=', profileId).execute();
  }
}
