import type { JobRole, Level, Question, QuestionType } from '../../../shared/contract';
import type { PackQuestion } from '../../../shared/packs/pack-schema';
import { AppError, notFound } from '../../platform/errors';
import { parseStringArray } from '../../platform/json';
import type { QuestionRow } from '../../storage/repositories/question-bank-repository';
import { parsePackJson } from './parse-pack';
import { CUSTOM_PACK, type PackStore } from './pack-store';
import { rowToPackQuestion } from '../../storage/question-rows';
import type { ServiceContext } from '../service-context';

/** The question bank: roles, browsing, full-text search, and custom questions. */
export class BankService {
  constructor(
    private readonly ctx: Pick<ServiceContext, 'repos' | 'clock' | 'ids'>,
    private readonly packs: PackStore,
  ) {}

  async roles(): Promise<JobRole[]> {
    const rows = await this.ctx.repos.bank.rolesWithQuestions();
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      category: r.category,
      description: r.description,
      skillTags: parseStringArray(r.skill_tags),
      questionCount: r.question_count,
    }));
  }

  async questions(roleId: string, level?: Level): Promise<Question[]> {
    if (!(await this.ctx.repos.bank.roleExists(roleId))) throw notFound('Job role', roleId);
    // Questions the LLM wrote for someone's interview are not part of the bank.
    return (await this.ctx.repos.bank.bankQuestionsOfRole(roleId, level)).map(toQuestion);
  }

  async question(questionId: string): Promise<Question> {
    const row = await this.ctx.repos.bank.questionById(questionId);
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
    // Generated questions show only when their own pack is asked for.
    const { rows, total } = await this.ctx.repos.bank.search({
      ...input,
      match: toFtsQuery(input.query),
    });
    return { items: rows.map(toQuestion), total };
  }

  /** Adds a custom question, or edits one; built-in and imported questions are read-only. */
  async saveQuestion(
    input: Omit<PackQuestion, 'id'> & { id?: string | undefined },
  ): Promise<Question> {
    const id = input.id ?? `custom-${this.ctx.ids()}`;
    if (input.id) {
      const existing = await this.ctx.repos.bank.questionById(input.id);
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
    const row = await this.ctx.repos.bank.questionById(questionId);
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
    const used = (await this.ctx.repos.bank.inSomePlan([questionId])).has(questionId);
    await this.packs.import(
      parsePackJson({ ...current, roles: [], questions: rest }, 'the custom questions'),
      'replace',
      'custom',
    );
    return { deleted: !used, retired: used };
  }
}

export function toQuestion(row: QuestionRow): Question {
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
