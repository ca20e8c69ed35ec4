import type { JobRole, Level, Question, QuestionType } from '../../shared/contract';
import { notFound } from '../core/errors';
import { parseStringArray } from '../core/json';
import type { QuestionsTable } from '../db/schema';
import type { StarterRoleBank } from '../bank/starter/types';
import type { ServiceContext } from './context';
import { inTransaction } from '../db/transaction';

/** Read access to the question bank, and loading of the built-in starter bank. */
export class BankService {
  constructor(private readonly ctx: Pick<ServiceContext, 'db' | 'clock'>) {}

  /**
   * Inserts or refreshes the built-in roles and questions. Ids are stable, so answers given to a
   * built-in question keep pointing at it when the app updates the wording.
   */
  async installStarterBank(bank: readonly StarterRoleBank[]): Promise<void> {
    const now = this.ctx.clock.now().toISOString();
    await inTransaction(this.ctx.db, async (trx) => {
      for (const { role, questions } of bank) {
        await trx
          .insertInto('job_roles')
          .values({
            id: role.id,
            title: role.title,
            description: role.description,
            category: role.category,
            skill_tags: JSON.stringify(role.skillTags),
            source: 'builtin',
            created_at: now,
          })
          .onConflict((oc) =>
            oc.column('id').doUpdateSet({
              title: role.title,
              description: role.description,
              category: role.category,
              skill_tags: JSON.stringify(role.skillTags),
            }),
          )
          .execute();
        for (const q of questions) {
          const values = {
            content: q.content,
            type: q.type,
            difficulty: q.level,
            job_role_id: q.roleId,
            category: q.category,
            expected_keywords: JSON.stringify(q.expectedKeywords),
            ideal_answer: q.idealAnswer,
            time_limit_seconds: q.timeLimitSeconds,
          };
          await trx
            .insertInto('questions')
            .values({ id: q.id, ...values, source: 'builtin', created_at: now })
            .onConflict((oc) => oc.column('id').doUpdateSet(values))
            .execute();
        }
      }
    });
  }

  async roles(): Promise<JobRole[]> {
    const rows = await this.ctx.db
      .selectFrom('job_roles')
      .leftJoin('questions', 'questions.job_role_id', 'job_roles.id')
      .select(({ fn }) => [
        'job_roles.id',
        'job_roles.title',
        'job_roles.category',
        'job_roles.description',
        'job_roles.skill_tags',
        fn.count<number>('questions.id').as('question_count'),
      ])
      .groupBy('job_roles.id')
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
    let query = this.ctx.db.selectFrom('questions').selectAll().where('job_role_id', '=', roleId);
    if (level) query = query.where('difficulty', '=', level);
    const rows = await query.orderBy('id').execute();
    return rows.map(toQuestion);
  }
}

export function toQuestion(row: QuestionsTable): Question {
  return {
    id: row.id,
    roleId: row.job_role_id,
    level: row.difficulty as Level,
    type: row.type as QuestionType,
    category: row.category,
    content: row.content,
    idealAnswer: row.ideal_answer,
    expectedKeywords: parseStringArray(row.expected_keywords),
    timeLimitSeconds: row.time_limit_seconds,
  };
}
