import { levels, type Level } from '../../../shared/contract';
import { levelLabel } from '../lib/format';

const LEVEL_HINTS: Record<Level, string> = {
  entry: 'new to the field, up to 2 years',
  intermediate: 'about 2 to 5 years',
  senior: '5 years or more, leading others',
};

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
          {levelLabel(level)} ({LEVEL_HINTS[level]})
        </option>
      ))}
    </select>
  );
}
