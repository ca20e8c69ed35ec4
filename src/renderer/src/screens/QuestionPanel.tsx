import { useCallback, useState, type KeyboardEvent } from 'react';
import type { CurrentQuestion, SessionState } from '../../../shared/contract';
import { MAX_ANSWER_CHARS } from '../../../shared/contract/constants';
import { useApi } from '../api/context';
import { ApiError } from '../api/client';
import { CountdownClock, useCountdown } from '../components/Countdown';
import { ErrorAlert } from '../components/Feedback';
import { useDraftSaver, type DraftStatus } from '../hooks/useDraftSaver';
import { countWords, plural, typeLabel } from '../lib/format';
import { RecordingPanel } from './RecordingPanel';

const DRAFT_LABELS: Record<DraftStatus, string> = {
  idle: '',
  unsaved: '',
  saving: 'Saving draft…',
  saved: 'Draft saved',
  failed: 'Draft not saved: it will be retried as you type',
};

const SUBMIT_SHORTCUT = navigator.userAgent.includes('Mac') ? '⌘ Enter' : 'Ctrl + Enter';

interface QuestionPanelProps {
  profileId: string;
  sessionId: string;
  question: CurrentQuestion;
  /** The session moved on (answered or skipped): show what comes next. */
  onAdvance: (session: SessionState) => void;
  /** The server says this question is no longer current (another window moved on). */
  onStale: () => void;
}

export function QuestionPanel({
  profileId,
  sessionId,
  question,
  onAdvance,
  onStale,
}: QuestionPanelProps) {
  const api = useApi();
  const target = { profileId, sessionId, questionId: question.id };
  const [text, setText] = useState(question.draft);
  const [busy, setBusy] = useState<'submit' | 'skip' | null>(null);
  const [error, setError] = useState<unknown>(undefined);
  const draft = useDraftSaver(
    (value) => api.invoke('interviews.saveDraft', { ...target, text: value }),
    question.draft ? 'saved' : 'idle',
  );
  const { remaining, tone } = useCountdown(question.startedAt, question.timeLimitSeconds);
  // A spoken answer: its transcript fills the box (still editable) and its audio is linked.
  const [recordingId, setRecordingId] = useState<string | undefined>(undefined);
  const [speechNote, setSpeechNote] = useState<string | null>(null);
  const { schedule } = draft;
  const onRecorded = useCallback(
    (id: string, transcript: string, note: string | null) => {
      setRecordingId(id);
      setSpeechNote(note);
      if (!transcript) return;
      setText((current) => {
        const next = current.trim() ? `${current.trimEnd()}\n${transcript}` : transcript;
        schedule(next);
        return next;
      });
    },
    [schedule],
  );
  const stale =
    error instanceof ApiError &&
    (error.code === 'WRONG_QUESTION' || error.code === 'INVALID_STATE');

  const submit = async () => {
    if (busy) return;
    draft.cancel();
    setBusy('submit');
    setError(undefined);
    try {
      const reply = await api.invoke('interviews.answer', {
        ...target,
        text,
        ...(recordingId && { recordingId }),
      });
      onAdvance(reply.session);
    } catch (e) {
      setError(e);
      setBusy(null);
    }
  };

  const skip = async () => {
    if (busy) return;
    draft.cancel();
    setBusy('skip');
    setError(undefined);
    try {
      onAdvance(await api.invoke('interviews.skip', target));
    } catch (e) {
      setError(e);
      setBusy(null);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void submit();
    }
  };

  const chars = text.length;
  const nearLimit = chars > MAX_ANSWER_CHARS * 0.9;
  return (
    <section className="card question-card" aria-labelledby="question-text">
      <div className="question-card__top">
        <div className="question-card__tags">
          <span className={`badge badge--type-${question.type}`}>{typeLabel(question.type)}</span>
          {question.category && <span className="muted small">{question.category}</span>}
          {question.followUp && (
            <span className="badge" data-testid="follow-up" data-engine={question.followUp.engine}>
              {question.followUp.engine.startsWith('llm:')
                ? 'Follow-up · worded for your answer'
                : 'Follow-up'}
            </span>
          )}
        </div>
        <CountdownClock
          remaining={remaining}
          tone={tone}
          limitSeconds={question.timeLimitSeconds}
        />
      </div>
      <p id="question-text" className="question-text" dir="auto">
        {question.content}
      </p>
      {tone === 'over' && (
        <p className="time-up" role="status">
          Time is up — submit what you have
        </p>
      )}
      <RecordingPanel
        profileId={profileId}
        sessionId={sessionId}
        questionId={question.id}
        onRecorded={onRecorded}
      />
      {speechNote && (
        <p className="muted small" role="status">
          {speechNote}
        </p>
      )}
      <div className="field">
        <label htmlFor="answer">Your answer</label>
        <textarea
          id="answer"
          className="answer-input"
          dir="auto"
          rows={10}
          maxLength={MAX_ANSWER_CHARS}
          value={text}
          autoFocus
          aria-describedby="answer-meta"
          onChange={(e) => {
            setText(e.target.value);
            draft.schedule(e.target.value);
          }}
          onKeyDown={onKeyDown}
        />
        <div className="answer-meta" id="answer-meta">
          <span
            className={
              nearLimit ? 'answer-meta__count answer-meta__count--warn' : 'answer-meta__count'
            }
          >
            {plural(countWords(text), 'word')} · {chars.toLocaleString()} /{' '}
            {MAX_ANSWER_CHARS.toLocaleString()} characters
          </span>
          <span className={`draft-status draft-status--${draft.status}`}>
            {DRAFT_LABELS[draft.status]}
          </span>
        </div>
      </div>
      <ErrorAlert error={error}>
        {stale && (
          <button type="button" className="button button--small" onClick={onStale}>
            Show the current question
          </button>
        )}
      </ErrorAlert>
      <div className="actions">
        <button
          type="button"
          className="button button--primary"
          onClick={() => void submit()}
          disabled={busy !== null}
        >
          {busy === 'submit' ? 'Submitting…' : 'Submit answer'}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => void skip()}
          disabled={busy !== null}
        >
          {busy === 'skip' ? 'Skipping…' : 'Skip question'}
        </button>
        <span className="shortcut-hint muted small">
          <kbd>{SUBMIT_SHORTCUT}</kbd> submits
        </span>
      </div>
    </section>
  );
}
