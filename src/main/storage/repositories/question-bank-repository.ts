import { sql, type Insertable } from 'kysely';
import type { QuestionsTable } from '../schema';
import { QuestionPackTables, type QuestionRow } from './question-pack-tables';

export {
  RETIRED_PACK,
  type JobRoleRow,
  type QuestionPackRow,
  type QuestionRow,
} from './question-pack-tables';

/** Which questions a bank search looks at; absent fields do not narrow it. */
export interface QuestionSearch {
  /** An FTS5 query over the questions' text, or null for every question. */
  readonly match: string | null;
  readonly roleId?: string | undefined;
  readonly level?: string | undefined;
  readonly type?: string | undefined;
  /** Generated questions count only when their own pack is asked for. */
  readonly packId?: string | undefined;
  readonly limit: number;
  readonly offset: number;
}

/**
 * The question bank: roles (job_roles), packs (question_packs), questions and their full-text
 * index. The only code that reads or writes these tables.
 */
export class QuestionBankRepository extends QuestionPackTables {
  /** Roles with at least one active bank question, with how many, by title. */
  async rolesWithQuestions(): Promise<
    {
      id: string;
      title: string;
      category: string;
      description: string;
      skill_tags: string;
      question_count: number;
    }[]
  > {
    const rows = await this.db
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
    return rows.map((r) => ({ ...r, question_count: Number(r.question_count) }));
  }

  /** The skill_tags JSON of every role. */
  async roleSkillTags(): Promise<string[]> {
    return (await this.db.selectFrom('job_roles').select('skill_tags').execute()).map(
      (r) => r.skill_tags,
    );
  }

  async questionById(questionId: string): Promise<QuestionRow | undefined> {
    return this.db
      .selectFrom('questions')
      .selectAll()
      .where('id', '=', questionId)
      .executeTakeFirst();
  }

  /** The given questions that exist, retired ones too, in no particular order. */
  async questionsByIds(questionIds: readonly string[]): Promise<QuestionRow[]> {
    if (questionIds.length === 0) return [];
    return this.db
      .selectFrom('questions')
      .selectAll()
      .where('id', 'in', [...questionIds])
      .execute();
  }

  /**
   * Every question not retired, of one role when given, in storage order. Generated questions
   * (written by the LLM for someone's interview) are not part of the bank: included only when
   * asked for.
   */
  async activeQuestions(options: {
    readonly includeGenerated: boolean;
    readonly roleId?: string;
  }): Promise<QuestionRow[]> {
    let query = this.db.selectFrom('questions').selectAll().where('retired_at', 'is', null);
    if (!options.includeGenerated) query = query.where('source', '!=', 'generated');
    if (options.roleId !== undefined) query = query.where('job_role_id', '=', options.roleId);
    return query.execute();
  }

  /** A role's active bank questions (no generated ones), optionally of one level, by id. */
  async bankQuestionsOfRole(roleId: string, level?: string): Promise<QuestionRow[]> {
    let query = this.db
      .selectFrom('questions')
      .selectAll()
      .where('job_role_id', '=', roleId)
      .where('retired_at', 'is', null)
      .where('source', '!=', 'generated');
    if (level) query = query.where('difficulty', '=', level);
    return query.orderBy('id').execute();
  }

  /** Active questions (generated ones too) of the given roles, packs or ids, by id. */
  async activeQuestionsIn(filter: {
    readonly roleIds?: readonly string[] | undefined;
    readonly packIds?: readonly string[] | undefined;
    readonly questionIds?: readonly string[] | undefined;
  }): Promise<QuestionRow[]> {
    let query = this.db.selectFrom('questions').selectAll().where('retired_at', 'is', null);
    if (filter.roleIds?.length) query = query.where('job_role_id', 'in', [...filter.roleIds]);
    if (filter.packIds?.length) query = query.where('pack_id', 'in', [...filter.packIds]);
    if (filter.questionIds?.length) query = query.where('id', 'in', [...filter.questionIds]);
    return query.orderBy('id').execute();
  }

  /** The distinct skills JSON of the active questions. */
  async activeSkillLists(): Promise<string[]> {
    const rows = await this.db
      .selectFrom('questions')
      .select('skills')
      .distinct()
      .where('retired_at', 'is', null)
      .execute();
    return rows.map((r) => r.skills);
  }

  /** How many active questions each pack has per role. */
  async activeQuestionCounts(): Promise<{ pack_id: string; job_role_id: string; n: number }[]> {
    const rows = await this.db
      .selectFrom('questions')
      .select(({ fn }) => ['pack_id', 'job_role_id', fn.countAll<number>().as('n')])
      .where('retired_at', 'is', null)
      .groupBy(['pack_id', 'job_role_id'])
      .execute();
    return rows.map((r) => ({ ...r, n: Number(r.n) }));
  }

  /** One page of the active questions that match, by role then id, and how many match in all. */
  async search(filter: QuestionSearch): Promise<{ rows: QuestionRow[]; total: number }> {
    let query = this.db.selectFrom('questions as q').where('q.retired_at', 'is', null);
    if (filter.match) {
      query = query.where(
        sql<boolean>`q.rowid IN (SELECT rowid FROM questions_fts WHERE questions_fts MATCH ${filter.match})`,
      );
    }
    if (filter.roleId) query = query.where('q.job_role_id', '=', filter.roleId);
    if (filter.level) query = query.where('q.difficulty', '=', filter.level);
    if (filter.type) query = query.where('q.type', '=', filter.type);
    if (filter.packId) query = query.where('q.pack_id', '=', filter.packId);
    else query = query.where('q.source', '!=', 'generated');
    const total = await query
      .select(({ fn }) => fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const rows = await query
      .selectAll('q')
      .orderBy('q.job_role_id')
      .orderBy('q.id')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute();
    return { rows, total: Number(total.n) };
  }

  /** The text of every question shown to a person, oldest session first, in plan order. */
  async askedContents(profileId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('session_questions as sq')
      .innerJoin('interview_sessions as s', 's.id', 'sq.session_id')
      .innerJoin('questions as q', 'q.id', 'sq.question_id')
      .select('q.content')
      .where('s.user_id', '=', profileId)
      .orderBy('s.created_at')
      .orderBy('sq.position')
      .execute();
    return rows.map((r) => r.content);
  }

  /** The text of every question shown to the profiles of this name (the CLI names people). */
  async askedContentsByProfileName(profileName: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('session_questions as sq')
      .innerJoin('interview_sessions as s', 's.id', 'sq.session_id')
      .innerJoin('users as u', 'u.id', 's.user_id')
      .innerJoin('questions as q', 'q.id', 'sq.question_id')
      .select('q.content')
      .where('u.name', '=', profileName)
      .execute();
    return rows.map((r) => r.content);
  }

  /** Ids of the questions in the plans of a person's latest `sessions` interviews. */
  async recentlyAskedIds(profileId: string, sessions: number): Promise<Set<string>> {
    const rows = await this.db
      .selectFrom('session_questions as sq')
      .innerJoin(
        (eb) =>
          eb
            .selectFrom('interview_sessions')
            .select('id')
            .where('user_id', '=', profileId)
            .orderBy('created_at', 'desc')
            .limit(sessions)
            .as('recent'),
        (join) => join.onRef('recent.id', '=', 'sq.session_id'),
      )
      .select('sq.question_id')
      .execute();
    return new Set(rows.map((r) => r.question_id));
  }

  async insertGeneratedQuestion(
    row: Omit<Insertable<QuestionsTable>, 'source' | 'retired_at'>,
  ): Promise<void> {
    await this.insertQuestion({ ...row, source: 'generated', retired_at: null });
  }

  /** Generated questions no plan, answer or follow-up refers to any more. */
  async deleteUnusedGeneratedQuestions(): Promise<void> {
    await sql`DELETE FROM questions WHERE source = 'generated'
      AND id NOT IN (SELECT question_id FROM session_questions)
      AND id NOT IN (SELECT question_id FROM answers)
      AND id NOT IN (SELECT question_id FROM follow_up_questions)`.execute(this.db);
  }

  /** The title of a job role; undefined when there is no such role. */
  async roleTitle(roleId: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('job_roles')
      .select('title')
      .where('id', '=', roleId)
      .executeTakeFirst();
    return row?.title;
  }
}
