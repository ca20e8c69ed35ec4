import type { HistoryFilter, SessionStatus } from '../../../../shared/contract';
import { DateField } from '../../components/DateField';
import { roleOptions, SelectField } from '../../components/SelectField';
import { useQuery } from '../../hooks/useQuery';

const STATUSES: { value: SessionStatus; label: string }[] = [
  { value: 'completed', label: 'Completed' },
  { value: 'active', label: 'In progress' },
  { value: 'pending', label: 'Not started' },
  { value: 'abandoned', label: 'Abandoned' },
];
const MIN_SCORES = ['25', '50', '70', '85'].map((v) => ({ value: v, label: `${v} or more` }));

/** History filters (role, date, score), applied by the service, page by page. */
export function HistoryFilters({
  value,
  onChange,
}: {
  value: HistoryFilter;
  onChange: (next: HistoryFilter) => void;
}) {
  const roles = useQuery('bank.roles', {});
  const set = (patch: HistoryFilter) => onChange({ ...value, ...patch });
  const any = Object.values(value).some((v) => v !== undefined);
  return (
    <section className="card" aria-label="Filter interviews">
      <div className="filters">
        <SelectField
          label="Role"
          value={value.roleId ?? ''}
          emptyLabel="All roles"
          options={roleOptions(roles.data)}
          onChange={(v) => set({ roleId: v || undefined })}
        />
        <SelectField
          label="Status"
          value={value.status ?? ''}
          emptyLabel="Any status"
          options={STATUSES}
          onChange={(v) => set({ status: (v || undefined) as SessionStatus | undefined })}
        />
        <DateField
          label="From"
          value={value.from ?? ''}
          max={value.to}
          onChange={(v) => set({ from: v || undefined })}
        />
        <DateField
          label="To"
          value={value.to ?? ''}
          min={value.from}
          onChange={(v) => set({ to: v || undefined })}
        />
        <SelectField
          label="Score"
          value={value.minScore === undefined ? '' : String(value.minScore)}
          emptyLabel="Any score"
          options={MIN_SCORES}
          onChange={(v) => set({ minScore: v ? Number(v) : undefined })}
        />
        <button type="button" className="button" disabled={!any} onClick={() => onChange({})}>
          Clear filters
        </button>
      </div>
    </section>
  );
}
