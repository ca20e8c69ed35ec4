import type { ReactNode } from 'react';
import type { AnswerResult } from '../../../shared/contract';
import { ScoreBars, scoreTone } from '../components/ScoreBars';
import { AnswerStatusBadge } from '../components/StatusBadge';
import { formatDuration, typeLabel } from '../lib/format';
import { AnswerText } from './AnswerText';
import { FollowUpResults } from './FollowUpResults';
import { WhatWeMeasured } from './WhatWeMeasured';

interface AnswerCardProps {
  answer: AnswerResult;
  /** Starts a one-question session with this question; absent where practising makes no sense. */
  onPractise?: () => void;
  /** This card's question is being prepared. */
  practising?: boolean;
  /** Some question is being prepared: one at a time. */
  busy?: boolean;
  /** Extra sections shown after the ideal answer (e.g. earlier answers to close questions). */
  children?: ReactNode;
}

export function AnswerCard({
  answer,
  onPractise,
  practising = false,
  busy = false,
  children,
}: AnswerCardProps) {
  const headingId = `answer-${answer.position}-question`;
  const answered = answer.status !== 'skipped' && answer.status !== 'unanswered';
  return (
    <article className="card answer-card" data-testid="answer-result" aria-labelledby={headingId}>
      <header className="answer-card__head">
        <div className="answer-card__tags">
          <span className="answer-card__number">Question {answer.position + 1}</span>
          <span className={`badge badge--type-${answer.type}`}>{typeLabel(answer.type)}</span>
          <AnswerStatusBadge status={answer.status} />
        </div>
        {answer.scores && (
          <span className={`answer-card__score tone--${scoreTone(answer.scores.overall)}`}>
            {Math.round(answer.scores.overall)}
            <span className="answer-card__score-max">/100</span>
          </span>
        )}
      </header>
      <h3 id={headingId} className="answer-card__question" dir="auto">
        {answer.question}
      </h3>

      <div className="answer-card__section">
        <h4>Your answer</h4>
        {answered ? (
          <AnswerText answer={answer} />
        ) : (
          <p className="muted">
            {answer.status === 'skipped'
              ? 'You skipped this question.'
              : 'The interview ended before this question.'}
          </p>
        )}
        {answer.durationSeconds !== null && answered && (
          <p className="muted small">
            Took {formatDuration(answer.durationSeconds)}
            {answer.overTimeSeconds > 0 && (
              <span className="over-time">
                {' '}
                · {formatDuration(answer.overTimeSeconds)} over the suggested time
              </span>
            )}
          </p>
        )}
      </div>

      <FollowUpResults answer={answer} />

      {answer.status === 'pending' && (
        <p className="muted" role="status">
          <span className="spinner" aria-hidden="true" /> Scoring this answer…
        </p>
      )}
      {answer.status === 'failed' && (
        <p className="alert alert--warn">
          This answer could not be scored. Your text is kept; the rest of your results are
          unaffected.
        </p>
      )}

      {answer.scores && <ScoreBars scores={answer.scores} compact />}

      {answer.feedbackText && (
        <p className="answer-card__feedback" dir="auto">
          {answer.feedbackText}
        </p>
      )}

      {(answer.strengths.length > 0 || answer.improvements.length > 0) && (
        <div className="answer-card__columns">
          {answer.strengths.length > 0 && (
            <div>
              <h4>Strengths</h4>
              <ul className="mark-list mark-list--good">
                {answer.strengths.map((s, i) => (
                  <li key={i}>{s}</li>
                ))}
              </ul>
            </div>
          )}
          {answer.improvements.length > 0 && (
            <div>
              <h4>To improve</h4>
              <ul className="mark-list mark-list--improve">
                {answer.improvements.map((s, i) => (
                  <li key={i}>{s}</li>
                ))}
              </ul>
            </div>
          )}
        </div>
      )}

      {(answer.keywordsFound.length > 0 || answer.keywordsMissing.length > 0) && (
        <div className="answer-card__columns">
          <KeyPoints
            title="Key points you covered"
            items={answer.keywordsFound}
            tone="found"
            empty="None this time."
          />
          <KeyPoints
            title="Key points missing"
            items={answer.keywordsMissing}
            tone="missing"
            empty="You covered every key point."
          />
        </div>
      )}

      {answer.status === 'scored' && <WhatWeMeasured answer={answer} />}
      {/* Delivery analytics (pace, pauses, word-level playback) from recordings go here, as an
          optional block rendered when AnswerResult carries one (speech issue). */}

      <details className="ideal-answer">
        <summary>Ideal answer</summary>
        <p dir="auto">{answer.idealAnswer}</p>
      </details>

      {children}

      {onPractise && (
        <div className="answer-card__actions">
          <button
            type="button"
            className="button button--small"
            disabled={busy}
            onClick={onPractise}
          >
            {practising ? 'Preparing…' : 'Practise again'}
            <span className="visually-hidden">: question {answer.position + 1}</span>
          </button>
        </div>
      )}
    </article>
  );
}

function KeyPoints({
  title,
  items,
  tone,
  empty,
}: {
  title: string;
  items: readonly string[];
  tone: 'found' | 'missing';
  empty: string;
}) {
  return (
    <div>
      <h4>{title}</h4>
      {items.length === 0 ? (
        <p className="muted small">{empty}</p>
      ) : (
        <ul className="chips" aria-label={title}>
          {items.map((k) => (
            <li className={`chip chip--${tone}`} key={k}>
              {k}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
