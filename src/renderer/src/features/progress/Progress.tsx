import { useState } from 'react';
import type { Profile, ProgressChart, UserStats } from '../../../../shared/contract';
import { useApi } from '../../api/context';
import { ErrorAlert, LoadFailed, Loading } from '../../components/Feedback';
import { TrendChart } from '../../components/charts/TrendChart';
import { DateField } from '../../components/DateField';
import { useAction } from '../../hooks/useAction';
import { useQuery } from '../../hooks/useQuery';
import { saveExport } from '../../lib/download';
import { formatDate } from '../../lib/format';
import type { Navigate } from '../../navigation';
import { RepeatedQuestions } from './RepeatedQuestions';

const DIMENSIONS = [
  { key: 'overall', name: 'Overall' },
  { key: 'content', name: 'Content' },
  { key: 'communication', name: 'Communication' },
  { key: 'technical', name: 'Technical' },
  { key: 'relevance', name: 'Relevance' },
] as const;

const DIMENSION_NAMES: Record<string, string> = Object.fromEntries(
  DIMENSIONS.map((d) => [d.key, d.name]),
);

interface ProgressProps {
  profile: Profile;
  navigate: Navigate;
}

/** The dashboard (seed GET /api/users/me/stats) and progress charts over time. */
export function Progress({ profile, navigate }: ProgressProps) {
  const stats = useQuery('progress.stats', { profileId: profile.id });
  const chart = useQuery('progress.chart', { profileId: profile.id });
  return (
    <main className="page">
      <div className="page-head">
        <div>
          <h1 tabIndex={-1}>Your progress</h1>
          <p className="lead">Scores over time, from finished and scored interviews.</p>
        </div>
      </div>
      {stats.error !== undefined && <LoadFailed error={stats.error} onRetry={stats.refetch} />}
      {!stats.data && stats.error === undefined && <Loading />}
      {stats.data && <StatsGrid stats={stats.data} />}
      {stats.data?.sessions === 0 && (
        <p className="card empty-state">
          No finished interviews yet. Complete one and your scores start to show here.{' '}
          <button
            type="button"
            className="button button--primary"
            onClick={() => navigate({ name: 'setup' })}
          >
            Start an interview
          </button>
        </p>
      )}
      {chart.data && chart.data.points.length > 0 && <Charts chart={chart.data} />}
      {chart.error !== undefined && <LoadFailed error={chart.error} onRetry={chart.refetch} />}
      <RepeatedQuestions profile={profile} />
      {stats.data && stats.data.sessions > 0 && <ProgressReport profile={profile} />}
    </main>
  );
}

function StatsGrid({ stats }: { stats: UserStats }) {
  const items: { label: string; value: string; testId: string }[] = [
    { label: 'Interviews finished', value: String(stats.sessions), testId: 'stat-sessions' },
    {
      label: 'Questions answered',
      value: String(stats.questionsAnswered),
      testId: 'stat-questions',
    },
    {
      label: 'Average overall',
      value: stats.averages ? String(Math.round(stats.averages.overall)) : '–',
      testId: 'stat-average',
    },
    {
      label: 'Best overall',
      value: stats.bestOverall === null ? '–' : String(Math.round(stats.bestOverall)),
      testId: 'stat-best',
    },
    {
      label: `Day streak (best ${stats.longestStreakDays})`,
      value: String(stats.streakDays),
      testId: 'stat-streak',
    },
    { label: 'Last 7 days', value: String(stats.sessionsLast7Days), testId: 'stat-week' },
  ];
  return (
    <section aria-label="Your statistics">
      <div className="stat-grid">
        {items.map((i) => (
          <div className="stat" key={i.label}>
            <span className="stat__value" data-testid={i.testId}>
              {i.value}
            </span>
            <span className="stat__label">{i.label}</span>
          </div>
        ))}
      </div>
      {(stats.strongest || stats.weakest) && (
        <p className="note">
          {stats.strongest && (
            <>
              <strong>Strongest area:</strong> {areaName(stats.strongest.name)} (
              {Math.round(stats.strongest.score)}).{' '}
            </>
          )}
          {stats.weakest && (
            <>
              <strong>To work on:</strong> {areaName(stats.weakest.name)} (
              {Math.round(stats.weakest.score)}).
            </>
          )}{' '}
          Areas are the four scores and the skills of the questions you answered (a skill needs at
          least three answers); each is the average score of its answers.
          {stats.lastPractisedAt && <> Last practised {formatDate(stats.lastPractisedAt)}.</>}
        </p>
      )}
    </section>
  );
}

function areaName(name: string): string {
  return DIMENSION_NAMES[name] ?? name;
}

function Charts({ chart }: { chart: ProgressChart }) {
  const skillRows = chart.points.map((p) => {
    const row: Record<string, string | number | null> = { period: p.period };
    for (const s of chart.skills)
      row[s.skill] = s.points.find((sp) => sp.period === p.period)?.score ?? null;
    return row;
  });
  const per = chart.bucket === 'day' ? 'day' : chart.bucket === 'week' ? 'week' : 'month';
  return (
    <>
      <section className="card chart-card" aria-labelledby="dims-heading">
        <h2 id="dims-heading">Scores over time</h2>
        <p className="muted small">
          Average of each score per {per}, {chart.from} to {chart.to}. Each interview’s scores are
          the average over the questions shown (a skipped one counts 0).
        </p>
        <TrendChart
          label="Scores over time"
          data={chart.points}
          xKey="period"
          series={DIMENSIONS}
          yMax={100}
        />
      </section>
      {chart.skills.length > 0 && (
        <section className="card chart-card" aria-labelledby="skills-heading">
          <h2 id="skills-heading">Skills over time</h2>
          <p className="muted small">
            Average overall score of the answers to questions tagged with each skill (your{' '}
            {chart.skills.length} most practised).
          </p>
          <TrendChart
            label="Skills over time"
            data={skillRows}
            xKey="period"
            series={chart.skills.map((s) => ({ key: s.skill, name: s.skill }))}
            yMax={100}
          />
        </section>
      )}
      <section className="card chart-card" aria-labelledby="delivery-heading">
        <h2 id="delivery-heading">Fillers and pace</h2>
        <p className="muted small">
          Filler words (“um”, “like”, “you know”…) per 100 words you wrote or said.
        </p>
        <TrendChart
          label="Filler rate"
          data={chart.points}
          xKey="period"
          series={[{ key: 'fillerRate', name: 'Fillers per 100 words' }]}
          small
        />
        {chart.hasSpokenAnswers ? (
          <TrendChart
            label="Speaking pace"
            data={chart.points}
            xKey="period"
            series={[{ key: 'paceWpm', name: 'Words per minute' }]}
            small
          />
        ) : (
          <p className="chart-empty">
            Speaking pace: no spoken answers yet. Typed answers have no pace.
          </p>
        )}
      </section>
    </>
  );
}

function ProgressReport({ profile }: { profile: Profile }) {
  const api = useApi();
  const today = new Date().toISOString().slice(0, 10);
  const [from, setFrom] = useState(() =>
    new Date(Date.now() - 90 * 86_400_000).toISOString().slice(0, 10),
  );
  const [to, setTo] = useState(today);
  const { busy, error, run } = useAction();
  return (
    <section className="card" aria-labelledby="report-heading">
      <h2 id="report-heading">Progress report (PDF)</h2>
      <div className="filters">
        <DateField label="From" value={from} max={to} onChange={setFrom} />
        <DateField label="To" value={to} min={from} onChange={setTo} />
        <button
          type="button"
          className="button"
          disabled={busy || !from || !to}
          onClick={() =>
            void run(async () => {
              await saveExport(api, 'reports.progressPdf', { profileId: profile.id, from, to });
            })
          }
        >
          {busy ? 'Preparing…' : 'Download progress report'}
        </button>
      </div>
      <ErrorAlert error={error} />
    </section>
  );
}
