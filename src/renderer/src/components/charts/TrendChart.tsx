import { useMemo } from 'react';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useColourSchemeVersion } from '../../hooks/useTheme';

export interface TrendSeries {
  key: string;
  name: string;
}

type Row = Record<string, string | number | null>;

/**
 * Colours come from CSS variables (--chart-1…, --chart-grid, --chart-text) read at render time:
 * SVG attributes can't use var(), and the palette differs between light and dark themes.
 */
export function useChartPalette() {
  const version = useColourSchemeVersion();
  return useMemo(() => {
    void version; // recompute when the theme changes
    const style = getComputedStyle(document.documentElement);
    const v = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
    return {
      series: [1, 2, 3, 4, 5, 6].map((i) => v(`--chart-${i}`, '#3451c7')),
      grid: v('--chart-grid', '#dfe3ea'),
      text: v('--chart-text', '#5b6372'),
      surface: v('--surface', '#ffffff'),
    };
  }, [version]);
}

interface TrendChartProps {
  /** Names the chart for screen readers and tests. */
  label: string;
  data: readonly Row[];
  xKey: string;
  series: readonly TrendSeries[];
  yMax?: number;
  unit?: string;
  small?: boolean;
}

/** A line chart over time (recharts), readable in light and dark themes. */
export function TrendChart({ label, data, xKey, series, yMax, unit, small }: TrendChartProps) {
  const palette = useChartPalette();
  return (
    <figure
      className={small ? 'chart-box chart-box--small' : 'chart-box'}
      aria-label={label}
      data-testid={`chart-${label}`}
    >
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={[...data]} margin={{ top: 8, right: 16, bottom: 4, left: -12 }}>
          <CartesianGrid stroke={palette.grid} strokeDasharray="3 3" />
          <XAxis dataKey={xKey} stroke={palette.text} tick={{ fill: palette.text, fontSize: 12 }} />
          <YAxis
            domain={[0, yMax ?? 'auto']}
            stroke={palette.text}
            tick={{ fill: palette.text, fontSize: 12 }}
            unit={unit}
          />
          <Tooltip
            contentStyle={{ background: palette.surface, borderColor: palette.grid }}
            labelStyle={{ color: palette.text }}
          />
          <Legend wrapperStyle={{ color: palette.text, fontSize: 13 }} />
          {series.map((s, i) => (
            <Line
              key={s.key}
              type="monotone"
              dataKey={s.key}
              name={s.name}
              stroke={palette.series[i % palette.series.length]}
              strokeWidth={2}
              dot={{ r: 3 }}
              connectNulls
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}
