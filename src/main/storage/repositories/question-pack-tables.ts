import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import { PACK_FORMAT_VERSION } from '../../../shared/packs/pack-schema';
import type { DatabaseSchema, JobRolesTable, QuestionPacksTable, QuestionsTable } from '../schema';

export type QuestionRow = Selectable<QuestionsTable>;
export type JobRoleRow = Selectable<JobRolesTable>;
export type QuestionPackRow = Selectable<QuestionPacksTable>;

/** The pack that keeps retired questions, so history stays readable after their pack goes. */
export const RETIRED_PACK = 'retired';

/**
 * The rows packs are made of: packs, their roles, and questions written whole. Installing,
 * replacing and removing a pack is a series of these, run in one transaction by the pack store;
 * QuestionBankRepository adds the queries that read the bank.
 */
export class QuestionPackTables {
  constructor(protected readonly db: Kysely<DatabaseSchema>) {}

  /** Every pack a person sees (the hidden retired pack left out), by source then name. */
  async visiblePacks(): Promise<QuestionPackRow[]> {
    return this.db
      .selectFrom('question_packs')
      .selectAll()
      .where('id', '!=', RETIRED_PACK)
      .orderBy('source')
      .orderBy('name')
      .execute();
  }

  async packById(packId: string): Promise<QuestionPackRow | undefined> {
    return this.db
      .selectFrom('question_packs')
      .selectAll()
      .where('id', '=', packId)
      .executeTakeFirst();
  }

  async insertPack(row: Insertable<QuestionPacksTable>): Promise<void> {
    await this.db.insertInto('question_packs').values(row).execute();
  }

  async updatePack(packId: string, changes: Updateable<QuestionPacksTable>): Promise<void> {
    await this.db.updateTable('question_packs').set(changes).where('id', '=', packId).execute();
  }

  /**
   * Makes sure a pack Rehearse keeps for its own questions exists (retired questions kept for
   * history, questions the LLM generated): a custom pack with no author, license or content hash.
   */
  async ensureInternalPack(
    pack: { readonly id: string; readonly name: string; readonly description: string },
    now: string,
  ): Promise<void> {
    await this.db
      .insertInto('question_packs')
      .values({
        ...pack,
        author: '',
        license: '',
        source: 'custom',
        format_version: PACK_FORMAT_VERSION,
        content_hash: '',
        installed_at: now,
        updated_at: now,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  }

  async deletePack(packId: string): Promise<void> {
    await this.db.deleteFrom('question_packs').where('id', '=', packId).execute();
  }

  async roleById(roleId: string): Promise<JobRoleRow | undefined> {
    return this.db.selectFrom('job_roles').selectAll().where('id', '=', roleId).executeTakeFirst();
  }

  async roleExists(roleId: string): Promise<boolean> {
    return (await this.roleById(roleId)) !== undefined;
  }

  async roleIds(): Promise<string[]> {
    return (await this.db.selectFrom('job_roles').select('id').execute()).map((r) => r.id);
  }

  /** The given roles, in id order. */
  async rolesByIds(roleIds: readonly string[]): Promise<JobRoleRow[]> {
    if (roleIds.length === 0) return [];
    return this.db
      .selectFrom('job_roles')
      .selectAll()
      .where('id', 'in', [...roleIds])
      .orderBy('id')
      .execute();
  }

  async roleIdsOfPack(packId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('job_roles')
      .select('id')
      .where('pack_id', '=', packId)
      .execute();
    return rows.map((r) => r.id);
  }

  /** Whether any question (retired ones too) or any interview refers to the role. */
  async roleInUse(roleId: string): Promise<boolean> {
    const used =
      (await this.db
        .selectFrom('questions')
        .select('id')
        .where('job_role_id', '=', roleId)
        .executeTakeFirst()) ??
      (await this.db
        .selectFrom('interview_sessions')
        .select('id')
        .where('job_role_id', '=', roleId)
        .executeTakeFirst());
    return used !== undefined;
  }

  async insertRole(row: Insertable<JobRolesTable>): Promise<void> {
    await this.db.insertInto('job_roles').values(row).execute();
  }

  async updateRole(roleId: string, changes: Updateable<JobRolesTable>): Promise<void> {
    await this.db.updateTable('job_roles').set(changes).where('id', '=', roleId).execute();
  }

  async deleteRole(roleId: string): Promise<void> {
    await this.db.deleteFrom('job_roles').where('id', '=', roleId).execute();
  }

  async insertQuestion(row: Insertable<QuestionsTable>): Promise<void> {
    await this.db.insertInto('questions').values(row).execute();
  }

  async updateQuestion(questionId: string, changes: Updateable<QuestionsTable>): Promise<void> {
    await this.db.updateTable('questions').set(changes).where('id', '=', questionId).execute();
  }

  /** Ids of every question of a pack, retired ones too. */
  async questionIdsOfPack(packId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('questions')
      .select('id')
      .where('pack_id', '=', packId)
      .execute();
    return rows.map((r) => r.id);
  }

  /** Moves questions to the retired pack, hidden from the bank but kept for history. */
  async retireQuestions(questionIds: readonly string[], now: string): Promise<void> {
    if (questionIds.length === 0) return;
    await this.db
      .updateTable('questions')
      .set({ pack_id: RETIRED_PACK, retired_at: now, updated_at: now })
      .where('id', 'in', [...questionIds])
      .execute();
  }

  async deleteQuestions(questionIds: readonly string[]): Promise<void> {
    if (questionIds.length === 0) return;
    await this.db
      .deleteFrom('questions')
      .where('id', 'in', [...questionIds])
      .execute();
  }

  /** Which of the given questions some interview's plan holds (they must be kept for history). */
  async inSomePlan(questionIds: readonly string[]): Promise<Set<string>> {
    if (questionIds.length === 0) return new Set();
    const rows = await this.db
      .selectFrom('session_questions')
      .select('question_id')
      .where('question_id', 'in', [...questionIds])
      .execute();
    return new Set(rows.map((r) => r.question_id));
  }
}
