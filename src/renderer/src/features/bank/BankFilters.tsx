import type { JobRole, Level, PackInfo, QuestionType } from '../../../../shared/contract';
import { levels, questionTypes } from '../../../../shared/contract/constants';
import { Field } from '../../components/Field';
import { SelectField, roleOptions } from '../../components/SelectField';
import { levelLabel, typeOptions } from '../../lib/format';

export interface BankFilterValues {
  query: string;
  roleId: string;
  level: Level | '';
  type: QuestionType | '';
  packId: string;
}

const levelOptions = levels.map((l) => ({ value: l, label: levelLabel(l) }));

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
        <SelectField
          label="Role"
          value={value.roleId}
          emptyLabel="All"
          options={roleOptions(roles)}
          onChange={(roleId) => set({ roleId })}
        />
        <SelectField
          label="Level"
          value={value.level}
          emptyLabel="All"
          options={levelOptions}
          onChange={(v) => set({ level: levels.find((l) => l === v) ?? '' })}
        />
        <SelectField
          label="Type"
          value={value.type}
          emptyLabel="All"
          options={typeOptions}
          onChange={(v) => set({ type: questionTypes.find((t) => t === v) ?? '' })}
        />
        <SelectField
          label="Pack"
          value={value.packId}
          emptyLabel="All"
          options={(packs ?? []).map((p) => ({ value: p.id, label: p.name }))}
          onChange={(packId) => set({ packId })}
        />
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
