import { useEffect, useRef, useState } from 'react';
import type { TimedWord } from '../../../../shared/contract';
import { useApi } from '../../api/context';
import { ErrorAlert } from '../../components/Feedback';

interface WordPlaybackProps {
  profileId: string;
  answerId: string;
}

interface Loaded {
  url: string | null;
  words: TimedWord[];
}

/**
 * A spoken answer played back word by word: each transcribed word is a button that plays that
 * word (and stops after it); "Play all" plays the answer with the current word highlighted.
 */
export function WordPlayback({ profileId, answerId }: WordPlaybackProps) {
  const api = useApi();
  const audio = useRef<HTMLAudioElement>(null);
  const stopAt = useRef<number | null>(null);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [now, setNow] = useState<number | null>(null);

  useEffect(() => () => void (loaded?.url && URL.revokeObjectURL(loaded.url)), [loaded]);

  const load = async () => {
    setLoading(true);
    setError(undefined);
    try {
      const result = await api.invoke('recording.answerAudio', { profileId, answerId });
      const url = result.audioBase64
        ? URL.createObjectURL(
            new Blob([Uint8Array.from(atob(result.audioBase64), (c) => c.charCodeAt(0))], {
              type: 'audio/wav',
            }),
          )
        : null;
      setLoaded({ url, words: result.words });
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  };

  const play = (from: number, to: number | null) => {
    const el = audio.current;
    if (!el) return;
    stopAt.current = to;
    el.currentTime = from;
    void el.play().catch(setError);
  };

  const onTime = () => {
    const el = audio.current;
    if (!el) return;
    setNow(el.currentTime);
    if (stopAt.current !== null && el.currentTime >= stopAt.current) {
      el.pause();
      stopAt.current = null;
    }
  };

  if (!loaded) {
    return (
      <div className="answer-card__section">
        <button type="button" className="button button--small" onClick={() => void load()}>
          {loading ? 'Loading the recording…' : 'Listen to your answer, word by word'}
        </button>
        <ErrorAlert error={error} />
      </div>
    );
  }
  return (
    <div className="answer-card__section word-playback" data-testid="word-playback">
      <h4>Your recording</h4>
      {loaded.url === null ? (
        <p className="muted small">
          The recording was deleted (recordings are kept for the days set in speech settings); the
          transcript stays.
        </p>
      ) : (
        <>
          <audio ref={audio} src={loaded.url} onTimeUpdate={onTime} preload="auto" />
          <button type="button" className="button button--small" onClick={() => play(0, null)}>
            Play all
          </button>
        </>
      )}
      {loaded.words.length > 0 ? (
        <p className="word-playback__words">
          {loaded.words.map((w, i) => {
            const current = now !== null && now >= w.start && now < w.end;
            return (
              <button
                key={i}
                type="button"
                className={`word-playback__word${current ? ' word-playback__word--current' : ''}`}
                disabled={loaded.url === null}
                title={`${w.start.toFixed(1)} s`}
                onClick={() => play(w.start, w.end)}
              >
                {w.text}
              </button>
            );
          })}
        </p>
      ) : (
        <p className="muted small">No words were recognised in this recording.</p>
      )}
      <ErrorAlert error={error} />
    </div>
  );
}
