import { useMemo } from 'react';
import type { AnswerResult } from '../../../../shared/contract';
import { answerSegments } from '../../lib/answer-analysis';

/** The answer as typed, with grammar and spelling issues and filler words highlighted. */
export function AnswerText({ answer }: { answer: AnswerResult }) {
  const segments = useMemo(
    () => answerSegments(answer.answerText, answer.analysis),
    [answer.answerText, answer.analysis],
  );
  const hasIssues = segments.some((s) => s.mark?.kind === 'issue');
  const hasFillers = segments.some((s) => s.mark?.kind === 'filler');
  return (
    <>
      <blockquote className="answer-text" dir="auto">
        {segments.map((s, i) =>
          s.mark ? (
            <mark
              key={i}
              className={`answer-mark answer-mark--${s.mark.kind}`}
              title={s.mark.title}
            >
              {s.text}
            </mark>
          ) : (
            s.text
          ),
        )}
      </blockquote>
      {(hasIssues || hasFillers) && (
        <p className="answer-legend muted small">
          {hasIssues && (
            <span>
              <span className="answer-mark answer-mark--issue">Underlined</span>: possible grammar
              or spelling issue
            </span>
          )}
          {hasFillers && (
            <span>
              <span className="answer-mark answer-mark--filler">Shaded</span>: filler word
            </span>
          )}
          <span>Point at a highlight for details.</span>
        </p>
      )}
    </>
  );
}
