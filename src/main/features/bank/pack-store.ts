import type { Kysely } from 'kysely';
import type { PackInfo } from '../../../shared/contract';
import {
  PACK_FORMAT,
  PACK_FORMAT_VERSION,
  type QuestionPack,
} from '../../../shared/packs/pack-schema';
import type { Clock } from '../../platform/clock';
import { AppError, notFound } from '../../platform/errors';
import type { DatabaseSchema } from '../../storage/schema';
import { inTransaction } from '../../storage/transaction';
import { ensureInternalPack } from './internal-pack';
import type { ParsedPack } from './parse-pack';
import {
  questionColumns,
  rowToPackQuestion,
  rowToPackRole,
  sameQuestion,
} from '../../storage/question-rows';

export type PackSource = 'builtin' | 'imported' | 'custom';
export type ImportMode = 'merge' | 'replace';

export interface ImportReport {
  readonly packId: string;
  readonly packName: string;
  readonly mode: ImportMode;
  /** The pack was installed before (merge/replace then apply to its questions). */
  readonly packExisted: boolean;
  readonly rolesAdded: string[];
  readonly rolesKept: string[];
  readonly added: number;
  readonly updated: number;
  readonly unchanged: number;
  /** Questions of this pack missing from the new file (replace mode): deleted, or retired if answered. */
  readonly removed: number;
  readonly conflicts: { id: string; reason: string }[];
}

/** Retired questions keep history readable after their pack is removed. */
const RETIRED_PACK = 'retired';
export const CUSTOM_PACK = 'custom';

type Db = Kysely<DatabaseSchema>;

/**
 * Installs, previews, exports and removes question packs. Every change runs in one transaction:
 * a pack that fails anywhere leaves the bank exactly as it was.
 */
export class PackStore {
  constructor(private readonly ctx: { db: Db; clock: Clock }) {}

  async list(): Promise<PackInfo[]> {
    const packs = await this.ctx.db
      .selectFrom('question_packs')
      .selectAll()
      .where('id', '!=', RETIRED_PACK)
      .orderBy('source')
      .orderBy('name')
      .execute();
    const counts = await this.ctx.db
      .selectFrom('questions')
      .select(({ fn }) => ['pack_id', 'job_role_id', fn.countAll<number>().as('n')])
      .where('retired_at', 'is', null)
      .groupBy(['pack_id', 'job_role_id'])
      .execute();
    return packs.map((p) => {
      const mine = counts.filter((c) => c.pack_id === p.id);
      return {
        id: p.id,
        name: p.name,
        description: p.description,
        author: p.author,
        source: p.source as PackSource,
        questionCount: mine.reduce((n, c) => n + Number(c.n), 0),
        roleIds: mine.map((c) => c.job_role_id),
        installedAt: p.installed_at,
        updatedAt: p.updated_at,
      };
    });
  }

  /** What an import would do, computed by running it and rolling back. */
  async preview(
    parsed: ParsedPack,
    mode: ImportMode,
    source: PackSource = 'imported',
  ): Promise<ImportReport> {
    let report: ImportReport | undefined;
    await inTransaction(this.ctx.db, async (trx) => {
      report = await this.apply(trx, parsed, mode, source);
      throw new PreviewRollback();
    }).catch((error: unknown) => {
      if (!(error instanceof PreviewRollback)) throw error;
    });
    if (!report) throw new Error('preview produced no report');
    return report;
  }

  async import(
    parsed: ParsedPack,
    mode: ImportMode,
    source: PackSource = 'imported',
  ): Promise<ImportReport> {
    return inTransaction(this.ctx.db, (trx) => this.apply(trx, parsed, mode, source));
  }

  /** Installs built-in packs whose content changed since the last start (by content hash). */
  async installBuiltin(packs: readonly ParsedPack[]): Promise<void> {
    for (const parsed of packs) {
      const stored = await this.ctx.db
        .selectFrom('question_packs')
        .select('content_hash')
        .where('id', '=', parsed.pack.pack.id)
        .executeTakeFirst();
      if (stored?.content_hash === parsed.contentHash) continue;
      await this.import(parsed, 'replace', 'builtin');
    }
    // The pre-pack starter bank: its questions now live in the built-in packs above.
    await this.removeIfPresent('builtin-starter');
  }

  async remove(packId: string): Promise<{ deleted: number; retired: number }> {
    const pack = await this.ctx.db
      .selectFrom('question_packs')
      .select(['id', 'source'])
      .where('id', '=', packId)
      .executeTakeFirst();
    if (!pack || pack.id === RETIRED_PACK) throw notFound('Question pack', packId);
    if (pack.source === 'builtin')
      throw new AppError('INVALID_STATE', 'Built-in packs cannot be removed.');
    return inTransaction(this.ctx.db, (trx) => this.removeIn(trx, packId));
  }

  async export(
    filter: {
      roleIds?: readonly string[];
      packIds?: readonly string[];
      questionIds?: readonly string[];
    },
    meta: { id: string; name: string },
  ): Promise<QuestionPack> {
    let query = this.ctx.db.selectFrom('questions').selectAll().where('retired_at', 'is', null);
    if (filter.roleIds?.length) query = query.where('job_role_id', 'in', [...filter.roleIds]);
    if (filter.packIds?.length) query = query.where('pack_id', 'in', [...filter.packIds]);
    if (filter.questionIds?.length) query = query.where('id', 'in', [...filter.questionIds]);
    const rows = await query.orderBy('id').execute();
    const roleIds = [...new Set(rows.map((r) => r.job_role_id))];
    const roles = roleIds.length
      ? await this.ctx.db
          .selectFrom('job_roles')
          .selectAll()
          .where('id', 'in', roleIds)
          .orderBy('id')
          .execute()
      : [];
    return {
      format: PACK_FORMAT,
      version: PACK_FORMAT_VERSION,
      pack: { id: meta.id, name: meta.name },
      roles: roles.map(rowToPackRole),
      questions: rows.map(rowToPackQuestion),
    };
  }

  private async apply(
    trx: Db,
    parsed: ParsedPack,
    mode: ImportMode,
    source: PackSource,
  ): Promise<ImportReport> {
    const { pack } = parsed;
    const now = this.ctx.clock.now().toISOString();
    const packId = pack.pack.id;
    const existing = await trx
      .selectFrom('question_packs')
      .select(['source'])
      .where('id', '=', packId)
      .executeTakeFirst();
    if (packId === RETIRED_PACK || (existing && existing.source !== source)) {
      throw new AppError(
        'CONFLICT',
        `The pack id "${packId}" belongs to a ${existing?.source ?? 'reserved'} pack; give your pack another id.`,
      );
    }
    const packRow = {
      name: pack.pack.name,
      description: pack.pack.description ?? '',
      author: pack.pack.author ?? '',
      license: pack.pack.license ?? '',
      format_version: pack.version,
      content_hash: parsed.contentHash,
      updated_at: now,
    };
    if (existing)
      await trx.updateTable('question_packs').set(packRow).where('id', '=', packId).execute();
    else
      await trx
        .insertInto('question_packs')
        .values({ id: packId, source, installed_at: now, ...packRow })
        .execute();

    const rolesAdded: string[] = [];
    const rolesKept: string[] = [];
    for (const role of pack.roles) {
      const current = await trx
        .selectFrom('job_roles')
        .select(['pack_id'])
        .where('id', '=', role.id)
        .executeTakeFirst();
      const values = {
        title: role.title,
        category: role.category,
        description: role.description,
        skill_tags: JSON.stringify(role.skillTags),
      };
      if (!current) {
        await trx
          .insertInto('job_roles')
          .values({ id: role.id, ...values, source, pack_id: packId, created_at: now })
          .execute();
        rolesAdded.push(role.id);
      } else if (
        current.pack_id === packId ||
        (source === 'builtin' && current.pack_id === 'builtin-starter')
      ) {
        await trx
          .updateTable('job_roles')
          .set({ ...values, pack_id: packId })
          .where('id', '=', role.id)
          .execute();
      } else {
        rolesKept.push(role.id); // another pack defines it: questions attach to the existing role
      }
    }
    const knownRoles = new Set(
      (await trx.selectFrom('job_roles').select('id').execute()).map((r) => r.id),
    );

    let added = 0;
    let updated = 0;
    let unchanged = 0;
    const conflicts: { id: string; reason: string }[] = [];
    for (const [index, q] of pack.questions.entries()) {
      if (!knownRoles.has(q.roleId)) {
        throw new AppError(
          'VALIDATION',
          `questions[${index}] (id "${q.id}"): role "${q.roleId}" is neither in the pack nor installed.`,
        );
      }
      const current = await trx
        .selectFrom('questions')
        .selectAll()
        .where('id', '=', q.id)
        .executeTakeFirst();
      const columns = questionColumns(q);
      if (!current) {
        await trx
          .insertInto('questions')
          .values({
            id: q.id,
            pack_id: packId,
            ...columns,
            source,
            retired_at: null,
            created_at: now,
            updated_at: now,
          })
          .execute();
        added++;
      } else if (
        current.pack_id === packId ||
        (source === 'builtin' && current.source === 'builtin')
      ) {
        if (
          current.pack_id === packId &&
          sameQuestion(rowToPackQuestion(current), q) &&
          current.retired_at === null
        ) {
          unchanged++;
          continue;
        }
        await trx
          .updateTable('questions')
          .set({ ...columns, pack_id: packId, source, retired_at: null, updated_at: now })
          .where('id', '=', q.id)
          .execute();
        updated++;
      } else if (sameQuestion(rowToPackQuestion(current), q)) {
        unchanged++; // e.g. an export of the built-in bank imported back
      } else {
        conflicts.push({
          id: q.id,
          reason: `already used by pack "${current.pack_id}" for a different question; skipped`,
        });
      }
    }

    let removed = 0;
    if (mode === 'replace' && existing) {
      const keep = new Set(pack.questions.map((q) => q.id));
      const stale = (
        await trx.selectFrom('questions').select('id').where('pack_id', '=', packId).execute()
      )
        .map((r) => r.id)
        .filter((id) => !keep.has(id));
      removed = stale.length;
      await this.deleteOrRetire(trx, stale);
    }
    return {
      packId,
      packName: pack.pack.name,
      mode,
      packExisted: Boolean(existing),
      rolesAdded,
      rolesKept,
      added,
      updated,
      unchanged,
      removed,
      conflicts,
    };
  }

  private async removeIfPresent(packId: string): Promise<void> {
    const row = await this.ctx.db
      .selectFrom('question_packs')
      .select('id')
      .where('id', '=', packId)
      .executeTakeFirst();
    if (row) await inTransaction(this.ctx.db, (trx) => this.removeIn(trx, packId));
  }

  private async removeIn(trx: Db, packId: string): Promise<{ deleted: number; retired: number }> {
    const ids = (
      await trx.selectFrom('questions').select('id').where('pack_id', '=', packId).execute()
    ).map((r) => r.id);
    const result = await this.deleteOrRetire(trx, ids);
    const roles = await trx
      .selectFrom('job_roles')
      .select('id')
      .where('pack_id', '=', packId)
      .execute();
    for (const { id } of roles) {
      const used =
        (await trx
          .selectFrom('questions')
          .select('id')
          .where('job_role_id', '=', id)
          .executeTakeFirst()) ??
        (await trx
          .selectFrom('interview_sessions')
          .select('id')
          .where('job_role_id', '=', id)
          .executeTakeFirst());
      if (used)
        await trx.updateTable('job_roles').set({ pack_id: null }).where('id', '=', id).execute();
      else await trx.deleteFrom('job_roles').where('id', '=', id).execute();
    }
    await trx.deleteFrom('question_packs').where('id', '=', packId).execute();
    return result;
  }

  /** Deletes questions nobody answered; moves answered ones to the hidden "retired" pack. */
  private async deleteOrRetire(
    trx: Db,
    ids: readonly string[],
  ): Promise<{ deleted: number; retired: number }> {
    if (ids.length === 0) return { deleted: 0, retired: 0 };
    const now = this.ctx.clock.now().toISOString();
    const used = new Set(
      (
        await trx
          .selectFrom('session_questions')
          .select('question_id')
          .where('question_id', 'in', [...ids])
          .execute()
      ).map((r) => r.question_id),
    );
    const toRetire = ids.filter((id) => used.has(id));
    const toDelete = ids.filter((id) => !used.has(id));
    if (toRetire.length) {
      await ensureInternalPack(
        trx,
        { id: RETIRED_PACK, name: 'Retired questions (kept for history)', description: '' },
        now,
      );
      await trx
        .updateTable('questions')
        .set({ pack_id: RETIRED_PACK, retired_at: now, updated_at: now })
        .where('id', 'in', toRetire)
        .execute();
    }
    if (toDelete.length) await trx.deleteFrom('questions').where('id', 'in', toDelete).execute();
    return { deleted: toDelete.length, retired: toRetire.length };
  }
}

class PreviewRollback extends Error {}
