import { useEffect, useState } from 'react';
import type { WrittenFeedback as WrittenFeedbackData } from '../../../../shared/contract';
import { useApi } from '../../api/context';
import { useQuery } from '../../hooks/useQuery';

const POLL_MS = 1500;

/** Who wrote a text, in words: the evaluation's template, or the local model phrasing it. */
function engineLabel(engine: string): string {
  if (engine.startsWith('llm:'))
    return `Worded by the local AI model (${engine.slice(4).split('+')[0]})`;
  if (engine.startsWith('bank-rules')) return 'From the question bank';
  return 'From the evaluation';
}

/**
 * Written feedback of an ended interview: the session summary with its three priorities, a
 * paragraph per answer (with the model's improved version to compare, when there is one) and the
 * follow-up questions asked. The template text appears first; the model's phrasing replaces it
 * as it arrives, streamed live while it is written.
 */
export function WrittenFeedback({
  profileId,
  sessionId,
}: {
  profileId: string;
  sessionId: string;
}) {
  const api = useApi();
  const { data, refetch, revalidate } = useQuery('feedback.written', { profileId, sessionId });
  const [live, setLive] = useState('');
  const writing = data?.status !== 'ready';

  useEffect(() => {
    // The stored feedback itself is fetched again through the query cache (api/invalidation.ts).
    const offWritten = api.on('feedback.written', (event) => {
      if (event.sessionId === sessionId) setLive('');
    });
    const offToken = api.on('llm.token', (event) => {
      if (event.type === 'written-feedback') setLive((t) => (t + event.text).slice(-400));
    });
    const timer = writing ? window.setInterval(revalidate, POLL_MS) : undefined;
    return () => {
      offWritten();
      offToken();
      if (timer !== undefined) window.clearInterval(timer);
    };
  }, [api, revalidate, sessionId, writing]);

  if (!data || (data.status === 'none' && data.answers.length === 0)) return null;
  return (
    <section className="card" aria-labelledby="written-heading" data-testid="written-feedback">
      <h2 id="written-heading">Written feedback</h2>
      {data.status === 'pending' && (
        <p className="muted small" role="status">
          Writing feedback…{live && <span className="live-tokens"> {live}</span>}
        </p>
      )}
      {data.summary && <Summary summary={data.summary} />}
      {data.answers.map((a) => (
        <article
          key={a.answerId}
          className="section"
          data-testid="written-answer"
          data-engine={a.engine}
        >
          <h3>Question {a.position + 1}</h3>
          <p dir="auto">{a.text}</p>
          <p className="muted small">{engineLabel(a.engine)}</p>
          {a.improvedAnswer && (
            <details>
              <summary>An improved version to compare with yours</summary>
              <p dir="auto">{a.improvedAnswer}</p>
            </details>
          )}
        </article>
      ))}
      {data.followUps.length > 0 && <FollowUps followUps={data.followUps} />}
      {data.status === 'ready' && (
        <div className="actions">
          <button
            type="button"
            className="button button--small"
            onClick={() =>
              void api.invoke('feedback.rewrite', { profileId, sessionId }).catch(refetch)
            }
          >
            Write the feedback again
          </button>
        </div>
      )}
    </section>
  );
}

function Summary({ summary }: { summary: NonNullable<WrittenFeedbackData['summary']> }) {
  return (
    <div data-testid="written-summary" data-engine={summary.engine}>
      <p dir="auto">{summary.text}</p>
      <ol className="recommendations">
        {summary.recommendations.map((r, i) => (
          <li key={i}>{r}</li>
        ))}
      </ol>
      <p className="muted small">{engineLabel(summary.engine)}</p>
    </div>
  );
}

function FollowUps({ followUps }: { followUps: WrittenFeedbackData['followUps'] }) {
  return (
    <div className="section">
      <h3>Follow-up questions</h3>
      <ul>
        {followUps.map((f) => (
          <li key={f.id} data-testid="written-follow-up" data-engine={f.engine}>
            <strong>Question {f.position + 1}:</strong> {f.content}{' '}
            <span className="muted small">
              ({engineLabel(f.engine)}
              {f.status === 'answered' ? '' : `; ${f.status}`})
            </span>
            {f.answerText && <p dir="auto">{f.answerText}</p>}
          </li>
        ))}
      </ul>
    </div>
  );
}
