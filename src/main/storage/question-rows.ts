import type { PackQuestion, PackRole } from '../../shared/packs/pack-schema';
import { asStringArray, parseArray, parseObject, parseStringArray } from '../platform/json';
import type { JobRolesTable, QuestionsTable } from './schema';

/** The columns a pack question fills (everything but ids of the row's owner and timestamps). */
export function questionColumns(q: PackQuestion) {
  return {
    content: q.content,
    type: q.type,
    difficulty: q.level,
    difficulty_rank: q.difficulty,
    job_role_id: q.roleId,
    category: q.skills[0] ?? '',
    skills: JSON.stringify(q.skills),
    expected_keywords: JSON.stringify(q.keywords.map((k) => k.term)),
    keyword_synonyms: JSON.stringify(
      Object.fromEntries(q.keywords.map((k) => [k.term, k.synonyms])),
    ),
    ideal_answer: q.idealAnswer,
    rubric: JSON.stringify(q.rubric),
    follow_ups: JSON.stringify(q.followUps),
    time_limit_seconds: q.timeLimitSeconds,
  };
}

/** The inverse of questionColumns: export gives back exactly what was imported. */
export function rowToPackQuestion(row: QuestionsTable): PackQuestion {
  const synonyms = parseKeywordSynonyms(row.keyword_synonyms);
  const rubric = parseObject(row.rubric);
  const followUps = parseArray(row.follow_ups) as PackQuestion['followUps'];
  return {
    id: row.id,
    roleId: row.job_role_id,
    level: row.difficulty as PackQuestion['level'],
    type: row.type as PackQuestion['type'],
    difficulty: row.difficulty_rank,
    skills: parseStringArray(row.skills),
    content: row.content,
    idealAnswer: row.ideal_answer,
    keywords: parseStringArray(row.expected_keywords).map((term) => ({
      term,
      synonyms: synonyms[term] ?? [],
    })),
    rubric: {
      strong: asText(rubric['strong']),
      adequate: asText(rubric['adequate']),
      weak: asText(rubric['weak']),
    },
    followUps,
    timeLimitSeconds: row.time_limit_seconds,
  };
}

export function rowToPackRole(row: JobRolesTable): PackRole {
  return {
    id: row.id,
    title: row.title,
    category: row.category,
    description: row.description,
    skillTags: parseStringArray(row.skill_tags),
  };
}

/** Two questions say the same thing (ids aside): importing one over the other changes nothing. */
export function sameQuestion(a: PackQuestion, b: PackQuestion): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function asText(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** The keyword_synonyms column: term → other wordings that count for it. */
export function parseKeywordSynonyms(text: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [term, list] of Object.entries(parseObject(text))) out[term] = asStringArray(list);
  return out;
}
