import { sql, type Selectable } from 'kysely';
import type { JobRole, Level, Question, QuestionType } from '../../../shared/contract';
import type { PackQuestion } from '../../../shared/packs/pack-schema';
import { AppError, notFound } from '../../platform/errors';
import { parseStringArray } from '../../platform/json';
import type { QuestionsTable } from '../../storage/schema';
import { parsePackJson } from './parse-pack';
import { CUSTOM_PACK, type PackStore } from './pack-store';
import { rowToPackQuestion } from '../../storage/question-rows';
import type { ServiceContext } from '../service-context';

/** The question bank: roles, browsing, full-text search, and custom questions. */
export class BankService {
  constructor(
    private readonly ctx: Pick<ServiceContext, 'db' | 'clock' | 'ids'>,
    private readonly packs: PackStore,
  ) {}

  async roles(): Promise<JobRole[]> {
    const rows = await this.ctx.db
      .selectFrom('job_roles')
      .leftJoin('questions', (j) =>
        j
          .onRef('questions.job_role_id', '=', 'job_roles.id')
          .on('questions.retired_at', 'is', null)
          .on('questions.source', '!=', 'generated'),
      )
      .select(({ fn }) => [
        'job_roles.id',
        'job_roles.title',
        'job_roles.category',
        'job_roles.description',
        'job_roles.skill_tags',
        fn.count<number>('questions.id').as('question_count'),
      ])
      .groupBy('job_roles.id')
      .having(({ fn }) => fn.count('questions.id'), '>', 0)
      .orderBy('job_roles.title')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      category: r.category,
      description: r.description,
      skillTags: parseStringArray(r.skill_tags),
      questionCount: Number(r.question_count),
    }));
  }

  async questions(roleId: string, level?: Level): Promise<Question[]> {
    const role = await this.ctx.db
      .selectFrom('job_roles')
      .select('id')
      .where('id', '=', roleId)
      .executeTakeFirst();
    if (!role) throw notFound('Job role', roleId);
    let query = this.ctx.db
      .selectFrom('questions')
      .selectAll()
      .where('job_role_id', '=', roleId)
      .where('retired_at', 'is', null)
      // Questions the LLM wrote for someone's interview are not part of the bank.
      .where('source', '!=', 'generated');
    if (level) query = query.where('difficulty', '=', level);
    return (await query.orderBy('id').execute()).map(toQuestion);
  }

  async question(questionId: string): Promise<Question> {
    const row = await this.ctx.db
      .selectFrom('questions')
      .selectAll()
      .where('id', '=', questionId)
      .executeTakeFirst();
    if (!row) throw notFound('Question', questionId);
    return toQuestion(row);
  }

  async search(input: {
    query: string;
    roleId?: string | undefined;
    level?: Level | undefined;
    type?: QuestionType | undefined;
    packId?: string | undefined;
    limit: number;
    offset: number;
  }): Promise<{ items: Question[]; total: number }> {
    const match = toFtsQuery(input.query);
    let query = this.ctx.db.selectFrom('questions as q').where('q.retired_at', 'is', null);
    if (match) {
      query = query.where(
        sql<boolean>`q.rowid IN (SELECT rowid FROM questions_fts WHERE questions_fts MATCH ${match})`,
      );
    }
    if (input.roleId) query = query.where('q.job_role_id', '=', input.roleId);
    if (input.level) query = query.where('q.difficulty', '=', input.level);
    if (input.type) query = query.where('q.type', '=', input.type);
    if (input.packId) query = query.where('q.pack_id', '=', input.packId);
    // Generated questions show only when their own pack is asked for.
    else query = query.where('q.source', '!=', 'generated');
    const total = await query
      .select(({ fn }) => fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const rows = await query
      .selectAll('q')
      .orderBy('q.job_role_id')
      .orderBy('q.id')
      .limit(input.limit)
      .offset(input.offset)
      .execute();
    return { items: rows.map(toQuestion), total: Number(total.n) };
  }

  /** Adds a custom question, or edits one; built-in and imported questions are read-only. */
  async saveQuestion(
    input: Omit<PackQuestion, 'id'> & { id?: string | undefined },
  ): Promise<Question> {
    const id = input.id ?? `custom-${this.ctx.ids()}`;
    if (input.id) {
      const existing = await this.ctx.db
        .selectFrom('questions')
        .select(['pack_id'])
        .where('id', '=', input.id)
        .executeTakeFirst();
      if (!existing) throw notFound('Question', input.id);
      if (existing.pack_id !== CUSTOM_PACK) {
        throw new AppError(
          'INVALID_STATE',
          'Only custom questions can be edited; built-in and imported ones are read-only (export, edit the file, and import it as your own pack).',
        );
      }
    }
    const current = await this.packs.export(
      { packIds: [CUSTOM_PACK] },
      { id: CUSTOM_PACK, name: 'Custom questions (this computer)' },
    );
    const question = { ...input, id };
    const parsed = parsePackJson(
      {
        ...current,
        roles: [],
        questions: [...current.questions.filter((q) => q.id !== id), question],
      },
      'the question',
    );
    await this.packs.import(parsed, 'merge', 'custom');
    return this.question(id);
  }

  async deleteQuestion(questionId: string): Promise<{ deleted: boolean; retired: boolean }> {
    const row = await this.ctx.db
      .selectFrom('questions')
      .select(['pack_id'])
      .where('id', '=', questionId)
      .executeTakeFirst();
    if (!row) throw notFound('Question', questionId);
    if (row.pack_id !== CUSTOM_PACK)
      throw new AppError(
        'INVALID_STATE',
        'Only custom questions can be deleted one by one; remove an imported pack as a whole.',
      );
    const current = await this.packs.export(
      { packIds: [CUSTOM_PACK] },
      { id: CUSTOM_PACK, name: 'Custom questions (this computer)' },
    );
    const rest = current.questions.filter((q) => q.id !== questionId);
    const used = await this.ctx.db
      .selectFrom('session_questions')
      .select('question_id')
      .where('question_id', '=', questionId)
      .executeTakeFirst();
    await this.packs.import(
      parsePackJson({ ...current, roles: [], questions: rest }, 'the custom questions'),
      'replace',
      'custom',
    );
    return { deleted: !used, retired: Boolean(used) };
  }
}

export function toQuestion(row: Selectable<QuestionsTable>): Question {
  const q = rowToPackQuestion(row);
  return {
    id: row.id,
    packId: row.pack_id,
    source: row.source as Question['source'],
    generatedBy: row.generated_by,
    roleId: q.roleId,
    level: q.level,
    type: q.type,
    difficulty: q.difficulty,
    category: row.category,
    skills: q.skills,
    content: q.content,
    idealAnswer: q.idealAnswer,
    expectedKeywords: q.keywords.map((k) => k.term),
    keywords: q.keywords,
    rubric: q.rubric,
    followUps: q.followUps,
    timeLimitSeconds: q.timeLimitSeconds,
  };
}

/** Turns what a person types into a safe FTS5 query: words as prefixes, all required. */
export function toFtsQuery(text: string): string | null {
  const terms = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  if (terms.length === 0) return null;
  return terms
    .slice(0, 12)
    .map((t) => `"${t}"*`)
    .join(' ');
}
