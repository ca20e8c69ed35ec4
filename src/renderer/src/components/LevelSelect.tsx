import { levels } from '../../../shared/contract/constants';
import type { Level } from '../../../shared/contract/common';
import { levelLabel } from '../lib/format';

const LEVEL_HINTS: Record<Level, string> = {
  entry: 'Entry: new to the field, up to about 2 years.',
  intermediate: 'Intermediate: about 2 to 5 years of experience.',
  senior: 'Senior: 5 years or more, often leading others.',
};

export function levelHint(level: Level): string {
  return LEVEL_HINTS[level];
}

interface LevelSelectProps {
  id: string;
  value: Level;
  onChange: (level: Level) => void;
  describedBy?: string | undefined;
}

export function LevelSelect({ id, value, onChange, describedBy }: LevelSelectProps) {
  return (
    <select
      id={id}
      value={value}
      aria-describedby={describedBy}
      onChange={(e) => onChange(levels.find((l) => l === e.target.value) ?? 'entry')}
    >
      {levels.map((level) => (
        <option key={level} value={level}>
          {levelLabel(level)}
        </option>
      ))}
    </select>
  );
}
