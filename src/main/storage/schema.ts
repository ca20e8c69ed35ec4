// Row types of the SQLite database, as Kysely sees them. Columns keep the seed's snake_case
// names (§5.1) so the optional sync server's PostgreSQL schema can mirror them one to one.
import type { Generated } from 'kysely';

export interface UsersTable {
  id: string;
  email: string | null;
  password_hash: string | null;
  name: string;
  avatar_url: string | null;
  is_admin: Generated<number>;
  target_role_id: string | null;
  /** JSON array of strings. */
  skills: string;
  level: string;
  created_at: string;
  updated_at: string;
}

export interface JobRolesTable {
  id: string;
  title: string;
  description: string;
  category: string;
  /** JSON array of strings. */
  skill_tags: string;
  source: string;
  pack_id: string | null;
  created_at: string;
}

export interface QuestionsTable {
  id: string;
  pack_id: string;
  content: string;
  type: string;
  /** The level (entry / intermediate / senior), named as in the seed schema. */
  difficulty: string;
  /** 1 (warm-up) to 5 (hardest at its level). */
  difficulty_rank: number;
  job_role_id: string;
  category: string;
  /** JSON array of skill tags. */
  skills: string;
  /** JSON array of key terms. */
  expected_keywords: string;
  /** JSON object: term → synonyms. */
  keyword_synonyms: string;
  ideal_answer: string;
  /** JSON object {strong, adequate, weak}. */
  rubric: string;
  /** JSON array of {question, when}. */
  follow_ups: string;
  time_limit_seconds: number;
  /** 'builtin' | 'imported' | 'custom' | 'generated'. */
  source: string;
  /** The engine that wrote a generated question ("llm:<model>+question.v1"); null otherwise. */
  generated_by: string | null;
  retired_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface QuestionPacksTable {
  id: string;
  name: string;
  description: string;
  author: string;
  license: string;
  source: string;
  format_version: number;
  content_hash: string;
  installed_at: string;
  updated_at: string;
}

export interface InterviewSessionsTable {
  id: string;
  user_id: string;
  job_role_id: string;
  status: string;
  difficulty_level: string;
  total_questions: number;
  current_position: number;
  question_started_at: string | null;
  started_at: string | null;
  completed_at: string | null;
  overall_score: number | null;
  seed: number;
  /** Follow-up questions allowed per question in this interview (0–3). */
  max_follow_ups: number;
  /** The pasted job description ('' when none). */
  job_description: string;
  /** JSON array of the skills read from the job description. */
  job_skills: string;
  /** How many questions were asked for; null for sessions older than migration 0008. */
  requested_questions: number | null;
  generation_status: string;
  generation_note: string | null;
  generation_job_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface SessionQuestionsTable {
  session_id: string;
  position: number;
  question_id: string;
  draft_text: string;
  draft_saved_at: string | null;
}

export interface AnswersTable {
  id: string;
  session_id: string;
  question_id: string;
  position: number;
  status: string;
  audio_url: string | null;
  video_url: string | null;
  transcription: string;
  duration_seconds: number | null;
  over_time_seconds: number;
  answered_at: string;
  created_at: string;
}

export interface FeedbackTable {
  id: string;
  answer_id: string;
  content_score: number;
  communication_score: number;
  technical_score: number;
  relevance_score: number;
  overall_score: number;
  /** JSON array of strings. */
  strengths: string;
  /** JSON array of strings. */
  improvements: string;
  detailed_feedback: string;
  ai_confidence: number;
  /** Which scorer (and version) produced this row. */
  engine: string;
  /** JSON object with the evaluation's details (keywords found/missing, ...). */
  details: string;
  created_at: string;
}

export interface SettingsTable {
  /** A profile id, or '' for settings of the whole installation. */
  scope: string;
  key: string;
  /** JSON value. */
  value: string;
  updated_at: string;
}

export interface JobsTable {
  id: string;
  type: string;
  /** JSON, validated against the job type's schema whenever it is loaded. */
  payload: string;
  status: string;
  attempts: Generated<number>;
  max_attempts: number;
  error: string | null;
  created_at: string;
  updated_at: string;
}

export interface FollowUpQuestionsTable {
  id: string;
  session_id: string;
  parent_answer_id: string;
  question_id: string;
  depth: number;
  trigger: string;
  bank_content: string;
  content: string;
  /** e.g. "bank-rules@1" or "llm:stories260k+follow-up.v2". */
  engine: string;
  fallback_reason: string | null;
  status: string;
  draft_text: string;
  answer_text: string;
  answered_at: string | null;
  created_at: string;
  updated_at: string;
  /** JSON: what it asks about, {"term": …} or {"claim": {said, ideal, kind}} (0009). */
  gap_detail: string;
}

/** The evaluation of a follow-up answer (0009). */
export interface FollowUpEvaluationsTable {
  follow_up_id: string;
  content_score: number;
  communication_score: number;
  technical_score: number;
  relevance_score: number;
  overall_score: number;
  /** Content of the parent answer and the follow-up answers up to this one, read together. */
  combined_content_score: number;
  /** 1 when the answer supplied what the follow-up asked for. */
  gap_closed: number;
  gap_note: string;
  engine: string;
  details: string;
  created_at: string;
}

export interface WrittenFeedbackTable {
  id: string;
  session_id: string;
  /** Null for the session summary. */
  answer_id: string | null;
  text: string;
  template_text: string;
  /** JSON array of strings. */
  recommendations: string;
  improved_answer: string | null;
  engine: string;
  fallback_reason: string | null;
  created_at: string;
  updated_at: string;
}

export interface RecordingsTable {
  id: string;
  user_id: string;
  session_id: string;
  question_id: string;
  answer_id: string | null;
  status: string;
  /** Relative to the data folder. */
  audio_path: string;
  video_path: string | null;
  duration_seconds: number;
  /** JSON Transcript (shared/contract/recording.ts). */
  transcript: string | null;
  /** JSON DeliveryAnalytics. */
  delivery: string | null;
  model_id: string | null;
  language: string | null;
  note: string | null;
  started_at: string;
  stopped_at: string | null;
  files_deleted_at: string | null;
  updated_at: string;
}

export interface SchemaMigrationsTable {
  version: number;
  name: string;
  applied_at: string;
}

export interface SessionSummariesTable {
  session_id: string;
  user_id: string;
  job_role_id: string;
  level: string;
  finished_at: string;
  overall: number;
  content: number;
  communication: number;
  technical: number;
  relevance: number;
  shown_count: number;
  answered_count: number;
  word_count: number;
  filler_count: number;
  spoken_words: number;
  spoken_seconds: number;
}

export interface SessionSkillScoresTable {
  session_id: string;
  skill: string;
  user_id: string;
  finished_at: string;
  score: number;
  answer_count: number;
}

export interface ProgressDaysTable {
  user_id: string;
  day: string;
  sessions: number;
  answered: number;
  shown: number;
  overall_sum: number;
  content_sum: number;
  communication_sum: number;
  technical_sum: number;
  relevance_sum: number;
  words: number;
  fillers: number;
  spoken_words: number;
  spoken_seconds: number;
}

export interface ProgressSkillDaysTable {
  user_id: string;
  skill: string;
  day: string;
  score_sum: number;
  answers: number;
}

export interface ProgressSkillsTable {
  user_id: string;
  skill: string;
  score_sum: number;
  answers: number;
}

export interface DatabaseSchema {
  users: UsersTable;
  job_roles: JobRolesTable;
  question_packs: QuestionPacksTable;
  questions: QuestionsTable;
  interview_sessions: InterviewSessionsTable;
  session_questions: SessionQuestionsTable;
  answers: AnswersTable;
  feedback: FeedbackTable;
  settings: SettingsTable;
  jobs: JobsTable;
  follow_up_questions: FollowUpQuestionsTable;
  follow_up_evaluations: FollowUpEvaluationsTable;
  written_feedback: WrittenFeedbackTable;
  recordings: RecordingsTable;
  schema_migrations: SchemaMigrationsTable;
  session_summaries: SessionSummariesTable;
  session_skill_scores: SessionSkillScoresTable;
  progress_days: ProgressDaysTable;
  progress_skill_days: ProgressSkillDaysTable;
  progress_skills: ProgressSkillsTable;
}
