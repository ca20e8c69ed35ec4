import type { HistoryItem, ProgressChart, UserStats } from '../../../shared/contract';
import { horizontalBars, lineChart } from './pdf-charts';
import { colours, ReportDocument } from './pdf-document';
import { DIMENSION_LABELS, formatDay, SCORING_EXPLANATION } from './session-report';

export interface ProgressReportInput {
  readonly candidate: string;
  readonly from: string;
  readonly to: string;
  /** All-time dashboard figures. */
  readonly stats: UserStats;
  /** The chart data of the range. */
  readonly chart: ProgressChart;
  /** Completed sessions in the range, newest first. */
  readonly sessions: readonly HistoryItem[];
  readonly sessionsTotal: number;
  readonly generatedAt: Date;
}

const DIMENSIONS = ['overall', 'content', 'communication', 'technical', 'relevance'] as const;

/** A progress report over a date range: summary figures, trends as vector charts, sessions. */
export async function renderProgressReport(
  input: ProgressReportInput,
): Promise<{ bytes: Buffer; pages: number }> {
  const { chart, stats } = input;
  const r = new ReportDocument({
    title: `Progress report ${input.from} to ${input.to}`,
    author: input.candidate,
    createdAt: input.generatedAt,
  });
  const { doc } = r;
  doc.rect(0, 0, doc.page.width, 10).fill(colours.accent);
  doc.y = 90;
  r.text('REHEARSE · PROGRESS REPORT', { x: r.left, size: 10, bold: true, colour: colours.accent });
  doc.moveDown(0.8);
  r.text(input.candidate, { x: r.left, size: 26, bold: true });
  r.text(`${formatDay(input.from)} to ${formatDay(input.to)}`, { x: r.left, size: 13 });
  doc.moveDown(0.6);

  const inRange = chart.points.reduce((n, p) => n + p.sessions, 0);
  const mean = (key: (typeof DIMENSIONS)[number]) => {
    const total = chart.points.reduce((n, p) => n + p[key] * p.sessions, 0);
    return inRange === 0 ? 0 : total / inRange;
  };
  r.heading('In this period');
  if (inRange === 0) {
    r.text('No completed interviews in this period.', { x: r.left, colour: colours.muted });
  } else {
    r.text(
      `${inRange} completed interview${inRange === 1 ? '' : 's'}. Average scores (out of 100):`,
      { x: r.left },
    );
    horizontalBars(
      r,
      DIMENSIONS.map((k) => ({ label: DIMENSION_LABELS[k], value: mean(k) })),
    );
  }
  r.heading('All time');
  r.text(
    [
      `${stats.sessions} interviews, ${stats.questionsAnswered} questions answered`,
      stats.averages ? `average overall ${Math.round(stats.averages.overall)}` : null,
      stats.bestOverall !== null ? `best ${Math.round(stats.bestOverall)}` : null,
      `current streak ${stats.streakDays} day${stats.streakDays === 1 ? '' : 's'} (longest ${stats.longestStreakDays})`,
    ]
      .filter(Boolean)
      .join(' · ') + '.',
    { x: r.left },
  );
  if (stats.strongest)
    r.text(
      `Strongest area: ${areaName(stats.strongest.name)} (${Math.round(stats.strongest.score)}).`,
      {
        x: r.left,
      },
    );
  if (stats.weakest)
    r.text(
      `Area to work on: ${areaName(stats.weakest.name)} (${Math.round(stats.weakest.score)}).`,
      {
        x: r.left,
      },
    );

  if (chart.points.length > 0) {
    doc.addPage();
    r.heading(`Scores over time (per ${chart.bucket})`, 16);
    const labels = chart.points.map((p) => p.period);
    lineChart(
      r,
      labels,
      DIMENSIONS.map((k) => ({
        name: DIMENSION_LABELS[k],
        colour: colours.dimensions[k],
        values: chart.points.map((p) => p[k]),
      })),
    );
    if (chart.skills.length > 0) {
      r.heading('Skills over time');
      const palette = Object.values(colours.dimensions);
      lineChart(
        r,
        labels,
        chart.skills.map((s, i) => {
          const byPeriod = new Map(s.points.map((p) => [p.period, p.score]));
          return {
            name: s.skill,
            colour: palette[i % palette.length] ?? colours.accent,
            values: labels.map((l) => byPeriod.get(l) ?? null),
          };
        }),
      );
    }
    r.heading('Filler words per 100 words');
    const fillerMax = Math.max(10, ...chart.points.map((p) => p.fillerRate ?? 0));
    lineChart(
      r,
      labels,
      [
        {
          name: 'Filler rate',
          colour: colours.fair,
          values: chart.points.map((p) => p.fillerRate),
        },
      ],
      { max: Math.ceil(fillerMax), height: 100 },
    );
    if (!chart.hasSpokenAnswers)
      r.text('Speaking pace: no spoken answers yet (typed answers have no pace).', {
        x: r.left,
        size: 9.5,
        colour: colours.muted,
      });
  }

  if (input.sessions.length > 0) {
    doc.addPage();
    r.heading('Interviews in this period', 16);
    for (const s of input.sessions) {
      r.ensureSpace(20);
      const y = doc.y;
      r.text(formatDay(s.completedAt ?? s.createdAt), { x: r.left, y, width: 110, size: 10 });
      r.text(`${s.roleTitle} (${s.level})`, { x: r.left + 115, y, width: 280, size: 10 });
      r.text(s.overallScore === null ? '–' : String(Math.round(s.overallScore)), {
        x: r.left + 400,
        y,
        width: r.contentWidth - 400,
        size: 10,
        bold: true,
        align: 'right',
      });
      doc.x = r.left;
      doc.y = Math.max(doc.y, y + 16);
    }
    if (input.sessionsTotal > input.sessions.length)
      r.text(`…and ${input.sessionsTotal - input.sessions.length} more.`, {
        x: r.left,
        colour: colours.muted,
      });
  }
  r.label('How the scores are computed');
  r.text(SCORING_EXPLANATION, { x: r.left, size: 9.5, colour: colours.muted });
  return r.finish(`${input.candidate} · progress ${input.from} – ${input.to}`);
}

function areaName(name: string): string {
  return name in DIMENSION_LABELS ? DIMENSION_LABELS[name as keyof typeof DIMENSION_LABELS] : name;
}
