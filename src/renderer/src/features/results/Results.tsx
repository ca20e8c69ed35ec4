import { useEffect, type CSSProperties } from 'react';
import type { Profile, SessionResults } from '../../../../shared/contract';
import { ErrorAlert, LoadFailed, Loading } from '../../components/Feedback';
import { ScoreBars, scoreTone } from '../../components/ScoreBars';
import { SessionStatusBadge } from '../../components/StatusBadge';
import { useQuery } from '../../hooks/useQuery';
import { usePractise } from '../../hooks/usePractise';
import { formatDate, levelLabel, plural } from '../../lib/format';
import type { Navigate } from '../../navigation';
import { AnswerCard } from './AnswerCard';
import { SaveGenerated } from './SaveGenerated';
import { AnsweredBefore } from './AnsweredBefore';
import { WordPlayback } from './WordPlayback';
import { ResultsActions } from './ResultsActions';
import { EngineProblems } from '../../components/EngineProblems';
import { WrittenFeedback } from './WrittenFeedback';

const POLL_MS = 1000;

interface ResultsProps {
  profile: Profile;
  sessionId: string;
  navigate: Navigate;
}

export function Results({ profile, sessionId, navigate }: ResultsProps) {
  const { data, error, refetch, revalidate } = useQuery('results.session', {
    profileId: profile.id,
    sessionId,
  });
  const pending = data?.pendingCount ?? 0;

  // Scoring runs in the background: each answer.scored event refreshes the results (see
  // api/invalidation.ts); poll as well in case an event is missed (a reconnecting socket).
  useEffect(() => {
    if (pending === 0) return undefined;
    const timer = window.setInterval(revalidate, POLL_MS);
    return () => window.clearInterval(timer);
  }, [pending, revalidate]);

  return (
    <main className="page">
      <h1 tabIndex={-1}>Your results</h1>
      {error !== undefined && <LoadFailed error={error} onRetry={refetch} />}
      {!data && error === undefined && <Loading label="Loading your results…" />}
      {data && <ResultsBody results={data} profile={profile} navigate={navigate} />}
    </main>
  );
}

interface ResultsBodyProps {
  results: SessionResults;
  profile: Profile;
  navigate: Navigate;
}

function ResultsBody({ results, profile, navigate }: ResultsBodyProps) {
  const { scores, pendingCount } = results;
  const { practise, busyId, error: practiseError } = usePractise(profile, navigate);
  return (
    <>
      <p className="lead results-meta">
        {results.roleTitle} · {levelLabel(results.level)} level ·{' '}
        {formatDate(results.completedAt ?? results.createdAt)}{' '}
        <SessionStatusBadge status={results.status} />
      </p>
      <EngineProblems />
      {results.jobDescription && (
        <details className="card job-description" data-testid="job-description">
          <summary>
            For the job description you pasted
            {results.jobSkills && results.jobSkills.length > 0
              ? ` · skills: ${results.jobSkills.join(', ')}`
              : ''}
          </summary>
          <p className="small" dir="auto">
            {results.jobDescription}
          </p>
        </details>
      )}

      <section className="card summary" aria-labelledby="summary-heading">
        <h2 id="summary-heading" className="visually-hidden">
          Summary
        </h2>
        <div className="summary__score">
          {scores ? (
            <div
              className={`score-ring tone--${scoreTone(scores.overall)}`}
              style={{ '--score': String(Math.round(scores.overall)) } as CSSProperties}
            >
              <span className="score-ring__value" data-testid="overall-score">
                {Math.round(scores.overall)}
              </span>
              <span className="score-ring__label">out of 100</span>
            </div>
          ) : (
            <div className="score-ring score-ring--empty">
              <span className="score-ring__value" aria-hidden="true">
                –
              </span>
              <span className="score-ring__label">
                {pendingCount > 0 ? 'scoring…' : 'no score'}
              </span>
            </div>
          )}
        </div>
        <div className="summary__detail">
          {pendingCount > 0 && (
            <p className="scoring-note" role="status">
              <span className="spinner" aria-hidden="true" /> Scoring{' '}
              {plural(pendingCount, 'answer')}…
            </p>
          )}
          {scores && <ScoreBars scores={scores} />}
          {!scores && pendingCount === 0 && (
            <p className="muted">
              No answers were scored in this interview, so there is no overall score.
            </p>
          )}
        </div>
      </section>

      {results.recommendations.length > 0 && (
        <section className="card" aria-labelledby="recommendations-heading">
          <h2 id="recommendations-heading">What to work on next</h2>
          <ul className="recommendations">
            {results.recommendations.map((r, i) => (
              <li key={i}>{r}</li>
            ))}
          </ul>
        </section>
      )}

      <WrittenFeedback profileId={profile.id} sessionId={results.sessionId} />

      <p className="note">
        <strong>How scores are computed.</strong> Rule-based scoring always runs: each answer is
        compared with an ideal answer for how many of its key points you covered, how much your
        wording overlaps with it, and the answer’s length and structure. Where they are installed,
        three optional engines add to it: a meaning model (closeness in meaning to the ideal answer
        counts towards relevance), a grammar checker (spelling and grammar issues count towards
        communication) and language analysis (key points match other forms of a word, and the tone
        of the wording is described but not scored). The engines used for each answer are listed
        under “What we measured”. They read text only; for a spoken answer, what was heard (pace,
        pauses, filler words, volume and pitch variation) also counts towards communication. Treat
        the numbers as a guide, not a verdict.
      </p>

      <section aria-labelledby="answers-heading" className="section">
        <h2 id="answers-heading">Answer by answer</h2>
        <ErrorAlert error={practiseError} />
        <div className="answer-list">
          {results.answers.map((answer) => (
            <AnswerCard
              key={`${answer.position}-${answer.questionId}`}
              answer={answer}
              practising={busyId === answer.questionId}
              busy={busyId !== null}
              onPractise={() => void practise({ questionId: answer.questionId })}
            >
              {answer.generatedBy && <SaveGenerated questionId={answer.questionId} />}
              {answer.delivery && answer.answerId && (
                <WordPlayback profileId={profile.id} answerId={answer.answerId} />
              )}
              <AnsweredBefore
                profileId={profile.id}
                questionId={answer.questionId}
                sessionId={results.sessionId}
                onOpenSession={(id) => navigate({ name: 'results', sessionId: id })}
              />
            </AnswerCard>
          ))}
        </div>
      </section>

      <ResultsActions profile={profile} sessionId={results.sessionId} navigate={navigate} />

      <div className="actions actions--center">
        <button type="button" className="button" onClick={() => navigate({ name: 'home' })}>
          Back to home
        </button>
        <button
          type="button"
          className="button button--primary"
          onClick={() => navigate({ name: 'setup' })}
        >
          Start a new interview
        </button>
      </div>
    </>
  );
}
