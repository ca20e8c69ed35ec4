import type { ReactNode } from 'react';
import { Field } from './Field';

export interface SelectOption {
  value: string;
  label: string;
}

interface SelectFieldProps {
  label: string;
  value: string;
  options: readonly SelectOption[];
  onChange: (value: string) => void;
  /** A first option with the value '', such as "All" or "No preference yet". */
  emptyLabel?: string;
  hint?: ReactNode;
  error?: string | undefined;
}

/** A labelled drop-down with its hint and error. */
export function SelectField({
  label,
  value,
  options,
  onChange,
  emptyLabel,
  hint,
  error,
}: SelectFieldProps) {
  return (
    <Field label={label} hint={hint} error={error}>
      {({ id, describedBy, invalid }) => (
        <select
          id={id}
          value={value}
          aria-invalid={invalid}
          aria-describedby={describedBy}
          onChange={(e) => onChange(e.target.value)}
        >
          {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** The roles as options, by title. */
export function roleOptions(roles: readonly { id: string; title: string }[] | undefined) {
  return (roles ?? []).map((r) => ({ value: r.id, label: r.title }));
}
