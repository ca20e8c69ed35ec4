import { useEffect, useState } from 'react';
import type { ProfileSettings } from '../../../../shared/contract';
import { useApi } from '../../api/context';

const LANGUAGES: readonly [string, string][] = [
  ['en', 'English'],
  ['auto', 'Detect automatically'],
  ['de', 'German'],
  ['es', 'Spanish'],
  ['fr', 'French'],
  ['it', 'Italian'],
  ['nl', 'Dutch'],
  ['pt', 'Portuguese'],
];

/** The profile's speech preferences: spoken language, recording retention, filler words. */
export function SpeechSettings({ profileId }: { profileId: string }) {
  const api = useApi();
  const [settings, setSettings] = useState<ProfileSettings | null>(null);
  const [fillers, setFillers] = useState('');
  const [status, setStatus] = useState<string | null>(null);

  useEffect(() => {
    let active = true;
    void api
      .invoke('settings.get', { profileId })
      .then((s) => {
        if (!active) return;
        setSettings(s);
        setFillers(s.fillerWords.join(', '));
      })
      .catch(() => undefined);
    return () => {
      active = false;
    };
  }, [api, profileId]);

  const save = async (changes: Partial<ProfileSettings>) => {
    try {
      setSettings(await api.invoke('settings.update', { profileId, ...changes }));
      setStatus('Saved');
    } catch (error) {
      setStatus(error instanceof Error ? error.message : String(error));
    }
  };

  if (!settings) return null;
  return (
    <details className="speech-settings">
      <summary>Speech settings</summary>
      <label>
        <span>Language you answer in</span>
        <select
          value={settings.speechLanguage}
          onChange={(e) => void save({ speechLanguage: e.target.value })}
        >
          {LANGUAGES.map(([code, name]) => (
            <option key={code} value={code}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>Delete recordings after (days, 0 keeps them; transcripts are always kept)</span>
        <input
          type="number"
          min={0}
          max={3650}
          value={settings.recordingRetentionDays}
          onChange={(e) => {
            const days = Number(e.target.value);
            if (Number.isInteger(days) && days >= 0 && days <= 3650)
              void save({ recordingRetentionDays: days });
          }}
        />
      </label>
      <label>
        <span>Filler words to count (comma-separated)</span>
        <input
          type="text"
          value={fillers}
          onChange={(e) => setFillers(e.target.value)}
          onBlur={() => {
            const words = fillers
              .split(',')
              .map((w) => w.trim().toLowerCase())
              .filter(Boolean);
            if (words.length > 0) void save({ fillerWords: words });
          }}
        />
      </label>
      {status && (
        <p className="muted small" role="status">
          {status}
        </p>
      )}
    </details>
  );
}
