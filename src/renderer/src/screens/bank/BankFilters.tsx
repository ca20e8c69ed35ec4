import type { JobRole, Level, PackInfo, QuestionType } from '../../../../shared/contract';
import { levels, questionTypes } from '../../../../shared/contract/constants';
import { Field } from '../../components/Field';
import { levelLabel, typeLabel } from '../../lib/format';

export interface BankFilterValues {
  query: string;
  roleId: string;
  level: Level | '';
  type: QuestionType | '';
  packId: string;
}

export const NO_FILTERS: BankFilterValues = {
  query: '',
  roleId: '',
  level: '',
  type: '',
  packId: '',
};

interface BankFiltersProps {
  value: BankFilterValues;
  onChange: (next: BankFilterValues) => void;
  roles: readonly JobRole[] | undefined;
  packs: readonly PackInfo[] | undefined;
}

export function BankFilters({ value, onChange, roles, packs }: BankFiltersProps) {
  const set = (patch: Partial<BankFilterValues>) => onChange({ ...value, ...patch });
  return (
    <search className="card bank-filters" aria-label="Find questions">
      <Field label="Search questions" hint="Looks in the questions, their ideal answers and tags.">
        {({ id, describedBy }) => (
          <input
            id={id}
            type="search"
            value={value.query}
            maxLength={200}
            autoComplete="off"
            spellCheck={false}
            aria-describedby={describedBy}
            onChange={(e) => set({ query: e.target.value })}
          />
        )}
      </Field>
      <div className="bank-filters__row">
        <Field label="Role">
          {({ id }) => (
            <select id={id} value={value.roleId} onChange={(e) => set({ roleId: e.target.value })}>
              <option value="">All</option>
              {roles?.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.title}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Level">
          {({ id }) => (
            <select
              id={id}
              value={value.level}
              onChange={(e) => set({ level: levels.find((l) => l === e.target.value) ?? '' })}
            >
              <option value="">All</option>
              {levels.map((l) => (
                <option key={l} value={l}>
                  {levelLabel(l)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Type">
          {({ id }) => (
            <select
              id={id}
              value={value.type}
              onChange={(e) => set({ type: questionTypes.find((t) => t === e.target.value) ?? '' })}
            >
              <option value="">All</option>
              {questionTypes.map((t) => (
                <option key={t} value={t}>
                  {typeLabel(t)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Pack">
          {({ id }) => (
            <select id={id} value={value.packId} onChange={(e) => set({ packId: e.target.value })}>
              <option value="">All</option>
              {packs?.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      {Object.values(value).some((v) => v !== '') && (
        <button
          type="button"
          className="button button--ghost button--small bank-filters__clear"
          onClick={() => onChange(NO_FILTERS)}
        >
          Clear filters
        </button>
      )}
    </search>
  );
}
