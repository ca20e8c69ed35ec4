// Whether the answer to a follow-up supplied what the follow-up asked for. Judged with the same
// deterministic rules that chose the follow-up (follow-up-rules.ts), so "gap closed" means the
// rule that fired would no longer fire, or the specific term/claim was dealt with.
import { asObject, parseObject } from '../../platform/json';
import type { AnswerGaps, FollowUpTrigger, GapDetail } from './follow-up-rules';
import { isExplained } from './unexplained-terms';
import { correctsClaim, type ClaimKind, type WrongClaim } from './wrong-claims';

export interface GapVerdict {
  readonly closed: boolean;
  /** Plain words for the results screen: "you gave a measurable result". */
  readonly note: string;
}

/** A reply of this many words is an attempt at an answer, not a shrug. */
const SUBSTANTIVE_WORDS = 8;
const NON_ANSWER =
  /\b(?:i don['’]?t know|i do not know|not sure|no idea|can['’]?t remember|cannot remember|i forget|i forgot|pass)\b/i;

export function judgeGapClosed(args: {
  readonly trigger: FollowUpTrigger;
  readonly detail: GapDetail;
  /** The follow-up answer alone. */
  readonly reply: string;
  /** Gaps of the follow-up answer alone. */
  readonly replyGaps: AnswerGaps;
  /** Gaps of the answers before this follow-up, read together. */
  readonly before: AnswerGaps;
  /** Gaps of those answers and this reply, read together. */
  readonly combined: AnswerGaps;
}): GapVerdict {
  const { trigger, detail, reply, replyGaps, before, combined } = args;
  const verdict = (closed: boolean, yes: string, no: string): GapVerdict => ({
    closed,
    note: closed ? yes : no,
  });
  const substantive = replyGaps.wordCount >= SUBSTANTIVE_WORDS && !NON_ANSWER.test(reply);
  switch (trigger) {
    case 'no-measurable-result':
      return verdict(
        !combined.missingResult,
        'you gave a measurable result',
        'still no measurable result',
      );
    case 'vague-actions':
      return verdict(
        !replyGaps.vagueActions,
        'you said what you did yourself',
        'still vague about what you did yourself',
      );
    case 'missing-key-points': {
      const added = before.missingKeyPoints.filter((k) => !combined.missingKeyPoints.includes(k));
      return verdict(
        combined.missingShare < 0.5,
        `you added key points${added.length > 0 ? `: ${added.slice(0, 4).join(', ')}` : ''}`,
        added.length > 0
          ? `you added ${added.slice(0, 4).join(', ')}, but most key points are still missing`
          : 'the key points are still missing',
      );
    }
    case 'no-specific-example':
      return verdict(
        !replyGaps.noSpecificExample,
        'you gave a specific example',
        'still no specific example',
      );
    case 'too-short':
      return verdict(!combined.tooShort, 'you developed the answer', 'the answer is still short');
    case 'unexplained-term': {
      const term = detail.term ?? 'the term';
      return verdict(
        (detail.term !== undefined && isExplained(reply, detail.term)) || substantive,
        `you explained ${term}`,
        `${term} is still unexplained`,
      );
    }
    case 'wrong-claim':
      return verdict(
        detail.claim !== undefined && correctsClaim(reply, detail.claim),
        'you corrected the claim',
        'the claim still needs re-checking against the ideal answer',
      );
    case 'always':
      return verdict(substantive, 'you answered the follow-up', 'a very short reply');
    default:
      return assertNever(trigger);
  }
}

/** The stored gap detail, read defensively (rows written before 0009 hold "{}"). */
export function parseGapDetail(json: string): GapDetail {
  const o = parseObject(json);
  const term = typeof o['term'] === 'string' ? o['term'] : undefined;
  const c = asObject(o['claim']);
  const kinds: readonly ClaimKind[] = ['opposite', 'negation', 'number'];
  const claim: WrongClaim | undefined =
    typeof c['said'] === 'string' &&
    typeof c['ideal'] === 'string' &&
    kinds.includes(c['kind'] as ClaimKind)
      ? { said: c['said'], ideal: c['ideal'], kind: c['kind'] as ClaimKind }
      : undefined;
  return { ...(term !== undefined && { term }), ...(claim && { claim }) };
}

function assertNever(value: never): never {
  throw new Error(`unhandled follow-up trigger: ${String(value)}`);
}
