// Shapes of the built-in starter bank. The bank is plain data compiled into the app so it works
// offline with no model installed; a later issue moves it into importable question packs.
import type { Level, QuestionType } from '../../../shared/contract/common';

export interface StarterRole {
  /** Stable id, kebab-case, never renamed once shipped (history rows point at it). */
  readonly id: string;
  readonly title: string;
  readonly category: string;
  readonly description: string;
  readonly skillTags: readonly string[];
}

export interface StarterQuestion {
  /** Stable id, e.g. `swe-entry-03`; never reused for different text. */
  readonly id: string;
  readonly roleId: string;
  readonly level: Level;
  readonly type: QuestionType;
  /** The skill this question probes; one of the role's skillTags or a general one like `communication`. */
  readonly category: string;
  readonly content: string;
  readonly idealAnswer: string;
  readonly expectedKeywords: readonly string[];
  readonly timeLimitSeconds: number;
}

export interface StarterRoleBank {
  readonly role: StarterRole;
  readonly questions: readonly StarterQuestion[];
}
