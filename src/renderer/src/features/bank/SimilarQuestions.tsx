import { LoadFailed, Loading } from '../../components/Feedback';
import { useQuery } from '../../hooks/useQuery';
import { levelLabel, typeLabel } from '../../lib/format';

interface SimilarQuestionsProps {
  questionId: string;
  onOpen: (questionId: string) => void;
}

/** The closest questions in the bank: in meaning with an embedding model, else in wording. */
export function SimilarQuestions({ questionId, onOpen }: SimilarQuestionsProps) {
  const { data, error, refetch } = useQuery('bank.similar', { questionId, limit: 5 });
  return (
    <div className="detail-section" aria-labelledby="similar-heading">
      <h3 id="similar-heading">Similar questions</h3>
      {error !== undefined && <LoadFailed error={error} onRetry={refetch} />}
      {!data && error === undefined && <Loading label="Finding similar questions…" />}
      {data && data.items.length === 0 && <p className="muted">No similar questions.</p>}
      {data && data.items.length > 0 && (
        <>
          <ul className="similar-list">
            {data.items.map(({ question, similarity }) => (
              <li key={question.id}>
                <button type="button" className="link-button" onClick={() => onOpen(question.id)}>
                  <span dir="auto">{question.content}</span>
                </button>
                <span className="muted small">
                  {' '}
                  {typeLabel(question.type)} · {levelLabel(question.level)} ·{' '}
                  {Math.round(similarity * 100)}% alike
                </span>
              </li>
            ))}
          </ul>
          <p className="muted small">
            {data.engine === 'lexical'
              ? 'Compared by wording (no language model installed).'
              : `Compared by meaning with ${data.engine.split('@')[0]}.`}
          </p>
        </>
      )}
    </div>
  );
}
