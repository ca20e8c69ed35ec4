import type { PackInfo } from '../../../shared/contract';
import {
  PACK_FORMAT,
  PACK_FORMAT_VERSION,
  type QuestionPack,
} from '../../../shared/packs/pack-schema';
import { AppError, notFound } from '../../platform/errors';
import { withRepositories, type Repositories } from '../../storage/repositories';
import { RETIRED_PACK } from '../../storage/repositories/question-bank-repository';
import type { ServiceContext } from '../service-context';
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

export const CUSTOM_PACK = 'custom';

type Bank = Repositories['bank'];

/**
 * Installs, previews, exports and removes question packs. Every change runs in one transaction:
 * a pack that fails anywhere leaves the bank exactly as it was.
 */
export class PackStore {
  constructor(private readonly ctx: Pick<ServiceContext, 'db' | 'repos' | 'clock'>) {}

  async list(): Promise<PackInfo[]> {
    const packs = await this.ctx.repos.bank.visiblePacks();
    const counts = await this.ctx.repos.bank.activeQuestionCounts();
    return packs.map((p) => {
      const mine = counts.filter((c) => c.pack_id === p.id);
      return {
        id: p.id,
        name: p.name,
        description: p.description,
        author: p.author,
        source: p.source as PackSource,
        questionCount: mine.reduce((n, c) => n + c.n, 0),
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
    await withRepositories(this.ctx.db, async (repos) => {
      report = await this.apply(repos.bank, parsed, mode, source);
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
    return withRepositories(this.ctx.db, (repos) => this.apply(repos.bank, parsed, mode, source));
  }

  /** Installs built-in packs whose content changed since the last start (by content hash). */
  async installBuiltin(packs: readonly ParsedPack[]): Promise<void> {
    for (const parsed of packs) {
      const stored = await this.ctx.repos.bank.packById(parsed.pack.pack.id);
      if (stored?.content_hash === parsed.contentHash) continue;
      await this.import(parsed, 'replace', 'builtin');
    }
    // The pre-pack starter bank: its questions now live in the built-in packs above.
    await this.removeIfPresent('builtin-starter');
  }

  async remove(packId: string): Promise<{ deleted: number; retired: number }> {
    const pack = await this.ctx.repos.bank.packById(packId);
    if (!pack || pack.id === RETIRED_PACK) throw notFound('Question pack', packId);
    if (pack.source === 'builtin')
      throw new AppError('INVALID_STATE', 'Built-in packs cannot be removed.');
    return withRepositories(this.ctx.db, (repos) => this.removeIn(repos.bank, packId));
  }

  async export(
    filter: {
      roleIds?: readonly string[];
      packIds?: readonly string[];
      questionIds?: readonly string[];
    },
    meta: { id: string; name: string },
  ): Promise<QuestionPack> {
    const rows = await this.ctx.repos.bank.activeQuestionsIn(filter);
    const roles = await this.ctx.repos.bank.rolesByIds([
      ...new Set(rows.map((r) => r.job_role_id)),
    ]);
    return {
      format: PACK_FORMAT,
      version: PACK_FORMAT_VERSION,
      pack: { id: meta.id, name: meta.name },
      roles: roles.map(rowToPackRole),
      questions: rows.map(rowToPackQuestion),
    };
  }

  private async apply(
    trx: Bank,
    parsed: ParsedPack,
    mode: ImportMode,
    source: PackSource,
  ): Promise<ImportReport> {
    const { pack } = parsed;
    const now = this.ctx.clock.now().toISOString();
    const packId = pack.pack.id;
    const existing = await trx.packById(packId);
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
    if (existing) await trx.updatePack(packId, packRow);
    else await trx.insertPack({ id: packId, source, installed_at: now, ...packRow });

    const rolesAdded: string[] = [];
    const rolesKept: string[] = [];
    for (const role of pack.roles) {
      const current = await trx.roleById(role.id);
      const values = {
        title: role.title,
        category: role.category,
        description: role.description,
        skill_tags: JSON.stringify(role.skillTags),
      };
      if (!current) {
        await trx.insertRole({ id: role.id, ...values, source, pack_id: packId, created_at: now });
        rolesAdded.push(role.id);
      } else if (
        current.pack_id === packId ||
        (source === 'builtin' && current.pack_id === 'builtin-starter')
      ) {
        await trx.updateRole(role.id, { ...values, pack_id: packId });
      } else {
        rolesKept.push(role.id); // another pack defines it: questions attach to the existing role
      }
    }
    const knownRoles = new Set(await trx.roleIds());

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
      const current = await trx.questionById(q.id);
      const columns = questionColumns(q);
      if (!current) {
        await trx.insertQuestion({
          id: q.id,
          pack_id: packId,
          ...columns,
          source,
          retired_at: null,
          created_at: now,
          updated_at: now,
        });
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
        await trx.updateQuestion(q.id, {
          ...columns,
          pack_id: packId,
          source,
          retired_at: null,
          updated_at: now,
        });
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
      const stale = (await trx.questionIdsOfPack(packId)).filter((id) => !keep.has(id));
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
    if (await this.ctx.repos.bank.packById(packId))
      await withRepositories(this.ctx.db, (repos) => this.removeIn(repos.bank, packId));
  }

  private async removeIn(trx: Bank, packId: string): Promise<{ deleted: number; retired: number }> {
    const result = await this.deleteOrRetire(trx, await trx.questionIdsOfPack(packId));
    for (const id of await trx.roleIdsOfPack(packId)) {
      if (await trx.roleInUse(id)) await trx.updateRole(id, { pack_id: null });
      else await trx.deleteRole(id);
    }
    await trx.deletePack(packId);
    return result;
  }

  /** Deletes questions nobody answered; moves answered ones to the hidden "retired" pack. */
  private async deleteOrRetire(
    trx: Bank,
    ids: readonly string[],
  ): Promise<{ deleted: number; retired: number }> {
    if (ids.length === 0) return { deleted: 0, retired: 0 };
    const now = this.ctx.clock.now().toISOString();
    const used = await trx.inSomePlan(ids);
    const toRetire = ids.filter((id) => used.has(id));
    const toDelete = ids.filter((id) => !used.has(id));
    if (toRetire.length) {
      await trx.ensureInternalPack(
        { id: RETIRED_PACK, name: 'Retired questions (kept for history)', description: '' },
        now,
      );
      await trx.retireQuestions(toRetire, now);
    }
    await trx.deleteQuestions(toDelete);
    return { deleted: toDelete.length, retired: toRetire.length };
  }
}

class PreviewRollback extends Error {}
