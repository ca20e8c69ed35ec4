import type { Scores } from '../../../shared/contract';

const DIMENSIONS: readonly { key: keyof Scores; label: string }[] = [
  { key: 'content', label: 'Content' },
  { key: 'communication', label: 'Communication' },
  { key: 'technical', label: 'Technical' },
  { key: 'relevance', label: 'Relevance' },
  { key: 'overall', label: 'Overall' },
];

export function scoreTone(score: number): 'good' | 'fair' | 'low' {
  if (score >= 70) return 'good';
  if (score >= 45) return 'fair';
  return 'low';
}

export function ScoreBars({ scores, compact = false }: { scores: Scores; compact?: boolean }) {
  return (
    <dl className={compact ? 'score-bars score-bars--compact' : 'score-bars'}>
      {DIMENSIONS.map(({ key, label }) => {
        const value = Math.round(scores[key]);
        return (
          <div className="score-bar" key={key}>
            <dt>{label}</dt>
            <dd>
              <span
                className={`score-bar__track score-bar__track--${scoreTone(value)}`}
                role="meter"
                aria-label={label}
                aria-valuemin={0}
                aria-valuemax={100}
                aria-valuenow={value}
              >
                <span
                  className="score-bar__fill"
                  style={{ width: `${Math.min(100, Math.max(0, value))}%` }}
                />
              </span>
              <span className="score-bar__value">{value}</span>
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
