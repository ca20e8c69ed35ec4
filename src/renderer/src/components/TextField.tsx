import type { ReactNode } from 'react';
import { Field } from './Field';

interface TextFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: ReactNode;
  error?: string | undefined;
  /** Rows of a multi-line box; without it the field is one line. */
  rows?: number;
  maxLength?: number;
  required?: boolean;
  inputMode?: 'numeric' | 'text';
  type?: 'text' | 'password' | 'number';
  autoComplete?: string;
}

/** A labelled text input or text area with its hint and error, for the longer forms. */
export function TextField({
  label,
  value,
  onChange,
  hint,
  error,
  rows,
  maxLength,
  required = false,
  inputMode,
  type = 'text',
  autoComplete = 'off',
}: TextFieldProps) {
  return (
    <Field label={label} hint={hint} error={error}>
      {({ id, describedBy, invalid }) => {
        const common = {
          id,
          value,
          maxLength,
          'aria-required': required || undefined,
          'aria-invalid': invalid,
          'aria-describedby': describedBy,
        };
        return rows ? (
          <textarea {...common} rows={rows} dir="auto" onChange={(e) => onChange(e.target.value)} />
        ) : (
          <input
            {...common}
            type={type}
            inputMode={inputMode}
            autoComplete={autoComplete}
            onChange={(e) => onChange(e.target.value)}
          />
        );
      }}
    </Field>
  );
}
