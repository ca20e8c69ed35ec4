import { useState } from 'react';
import { useApi } from '../../api/context';
import { ErrorAlert } from '../../components/Feedback';
import { generatedAsCustom } from '../../lib/bank';

/**
 * Generated questions stay out of the bank unless the candidate keeps one: this copies it into
 * their custom questions (the bank's lock, when set, applies as for any custom question).
 */
export function SaveGenerated({ questionId }: { questionId: string }) {
  const api = useApi();
  const [state, setState] = useState<'idle' | 'saving' | 'saved'>('idle');
  const [error, setError] = useState<unknown>(undefined);
  const save = async () => {
    setState('saving');
    setError(undefined);
    try {
      const question = await api.invoke('bank.question', { questionId });
      await api.invoke('bank.saveQuestion', { question: generatedAsCustom(question) });
      setState('saved');
    } catch (e) {
      setError(e);
      setState('idle');
    }
  };
  return (
    <div className="save-generated">
      <ErrorAlert error={error} />
      {state === 'saved' ? (
        <p className="muted small" role="status">
          Saved to your custom questions in the question bank.
        </p>
      ) : (
        <button
          type="button"
          className="button button--small"
          disabled={state === 'saving'}
          onClick={() => void save()}
        >
          {state === 'saving' ? 'Saving…' : 'Save to my questions'}
        </button>
      )}
    </div>
  );
}
