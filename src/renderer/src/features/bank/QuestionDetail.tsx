import { useEffect, useRef, useState } from 'react';
import type { JobRole, PackInfo, Profile, Question } from '../../../../shared/contract';
import { useApi } from '../../api/context';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert, LoadFailed, Loading } from '../../components/Feedback';
import { useQuery } from '../../hooks/useQuery';
import { usePractise } from '../../hooks/usePractise';
import { difficultyLabel, packLabel, triggerPhrase } from '../../lib/bank';
import { formatDuration, levelLabel, typeLabel } from '../../lib/format';
import type { Navigate } from '../../navigation';
import { SimilarQuestions } from './SimilarQuestions';

interface QuestionDetailProps {
  questionId: string;
  profile: Profile;
  navigate: Navigate;
  roles: readonly JobRole[] | undefined;
  packs: readonly PackInfo[] | undefined;
  adminPin: string | undefined;
  onBack: () => void;
  onEdit: (question: Question) => void;
  onDeleted: () => void;
  onOpen: (questionId: string) => void;
}

export function QuestionDetail(props: QuestionDetailProps) {
  const { questionId, onBack } = props;
  const { data, error, refetch } = useQuery('bank.question', { questionId });
  return (
    <section className="card question-detail" aria-labelledby="question-detail-heading">
      <button type="button" className="button button--ghost button--small" onClick={onBack}>
        ← Back to the list
      </button>
      {error !== undefined && <LoadFailed error={error} onRetry={refetch} />}
      {!data && error === undefined && <Loading label="Opening the question…" />}
      {data && <DetailBody {...props} question={data} />}
    </section>
  );
}

function DetailBody({
  question: q,
  profile,
  navigate,
  roles,
  packs,
  adminPin,
  onEdit,
  onDeleted,
  onOpen,
}: QuestionDetailProps & { question: Question }) {
  const api = useApi();
  const heading = useRef<HTMLHeadingElement>(null);
  const { practise, busyId, error: practiseError } = usePractise(profile, navigate);
  const [confirming, setConfirming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [deleteError, setDeleteError] = useState<unknown>(undefined);
  const roleTitle = roles?.find((r) => r.id === q.roleId)?.title ?? q.roleId;

  useEffect(() => heading.current?.focus(), []);

  const remove = async () => {
    setDeleting(true);
    setDeleteError(undefined);
    try {
      await api.invoke('bank.deleteQuestion', { adminPin, questionId: q.id });
      setConfirming(false);
      onDeleted();
    } catch (e) {
      setDeleteError(e);
      setConfirming(false);
      setDeleting(false);
    }
  };

  return (
    <>
      <div className="question-detail__tags">
        <span className={`badge badge--type-${q.type}`}>{typeLabel(q.type)}</span>
        <span>{roleTitle}</span>
        <span aria-hidden="true">·</span>
        <span>{levelLabel(q.level)} level</span>
        <span aria-hidden="true">·</span>
        <span>{packLabel(q, packs)}</span>
      </div>
      <h2
        id="question-detail-heading"
        className="question-detail__text"
        tabIndex={-1}
        ref={heading}
      >
        <span dir="auto">{q.content}</span>
      </h2>

      <dl className="detail-facts">
        <div>
          <dt>Time limit</dt>
          <dd>{formatDuration(q.timeLimitSeconds)}</dd>
        </div>
        <div>
          <dt>Difficulty</dt>
          <dd>{difficultyLabel(q.difficulty)}</dd>
        </div>
        <div>
          <dt>Skills</dt>
          <dd>
            <ul className="chips" aria-label="Skills">
              {q.skills.map((s) => (
                <li className="chip" key={s}>
                  {s}
                </li>
              ))}
            </ul>
          </dd>
        </div>
      </dl>

      <div className="detail-section">
        <h3>Ideal answer</h3>
        <p className="detail-prose" dir="auto">
          {q.idealAnswer}
        </p>
      </div>

      <div className="detail-section">
        <h3>Key points</h3>
        <ul className="keyword-list">
          {q.keywords.map((k) => (
            <li key={k.term}>
              <span className="keyword-list__term">{k.term}</span>
              {k.synonyms.length > 0 && (
                <span className="muted"> · also counts: {k.synonyms.join(', ')}</span>
              )}
            </li>
          ))}
        </ul>
      </div>

      <div className="detail-section">
        <h3>How answers are judged</h3>
        <dl className="rubric">
          <div className="rubric__row rubric__row--strong">
            <dt>Strong answer</dt>
            <dd dir="auto">{q.rubric.strong}</dd>
          </div>
          <div className="rubric__row rubric__row--adequate">
            <dt>Adequate answer</dt>
            <dd dir="auto">{q.rubric.adequate}</dd>
          </div>
          <div className="rubric__row rubric__row--weak">
            <dt>Weak answer</dt>
            <dd dir="auto">{q.rubric.weak}</dd>
          </div>
        </dl>
      </div>

      <div className="detail-section">
        <h3>Follow-up questions</h3>
        <ul className="followup-list">
          {q.followUps.map((f, i) => (
            <li key={i}>
              <span dir="auto">{f.question}</span>
              <span className="muted small"> Asked {triggerPhrase(f.when)}.</span>
            </li>
          ))}
        </ul>
      </div>

      <SimilarQuestions questionId={q.id} onOpen={onOpen} />

      <ErrorAlert error={practiseError ?? deleteError} />
      <div className="actions">
        <button
          type="button"
          className="button button--primary"
          disabled={busyId !== null}
          onClick={() => void practise({ questionId: q.id, roleId: q.roleId, level: q.level })}
        >
          {busyId ? 'Preparing…' : 'Practise this question'}
        </button>
        {q.source === 'custom' && (
          <>
            <button type="button" className="button" onClick={() => onEdit(q)}>
              Edit
            </button>
            <button type="button" className="button" onClick={() => setConfirming(true)}>
              Delete
            </button>
          </>
        )}
      </div>
      {q.source !== 'custom' && (
        <p className="muted small">
          {q.source === 'builtin' ? 'Built-in' : 'Imported'} questions are read-only. To change one,
          export it, edit the file and import it as your own pack, or add a question of your own.
        </p>
      )}
      <ConfirmDialog
        open={confirming}
        title="Delete this question?"
        confirmLabel="Delete question"
        cancelLabel="Keep it"
        busy={deleting}
        onConfirm={() => void remove()}
        onCancel={() => setConfirming(false)}
      >
        <p>
          It leaves the question bank. Interviews that already used it keep their answers and
          scores.
        </p>
      </ConfirmDialog>
    </>
  );
}
