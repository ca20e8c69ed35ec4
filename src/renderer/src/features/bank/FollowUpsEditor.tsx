import { Field } from '../../components/Field';
import { followUpTriggers, triggerOption, type FollowUpTrigger } from '../../lib/bank';

export interface FollowUpDraft {
  question: string;
  when: FollowUpTrigger;
}

/** The pack format allows one to three follow-ups per question. */
export const MAX_FOLLOW_UPS = 3;

interface FollowUpsEditorProps {
  value: readonly FollowUpDraft[];
  onChange: (next: FollowUpDraft[]) => void;
  /** Errors by index ("0", "1"), or under "" for the list as a whole. */
  errors: Record<string, string>;
}

export function FollowUpsEditor({ value, onChange, errors }: FollowUpsEditorProps) {
  const update = (index: number, patch: Partial<FollowUpDraft>) =>
    onChange(value.map((f, i) => (i === index ? { ...f, ...patch } : f)));
  return (
    <div className="followups-editor">
      <p className="field__label-like">Follow-up questions</p>
      <p className="field__hint">
        Asked after an answer, when its condition holds. At least one, at most {MAX_FOLLOW_UPS}. In
        a question asked about an unexplained term or a claim, {'{term}'} and {'{claim}'} are
        replaced by the term or by what the candidate said.
      </p>
      {errors[''] && <p className="field__error">{errors['']}</p>}
      {value.map((followUp, index) => (
        <fieldset className="followup-fieldset" key={index}>
          <legend>Follow-up {index + 1}</legend>
          <Field label="Follow-up question" error={errors[String(index)]}>
            {({ id, describedBy, invalid }) => (
              <input
                id={id}
                type="text"
                dir="auto"
                value={followUp.question}
                maxLength={1000}
                aria-required="true"
                aria-invalid={invalid}
                aria-describedby={describedBy}
                onChange={(e) => update(index, { question: e.target.value })}
              />
            )}
          </Field>
          <div className="followup-fieldset__row">
            <Field label="Ask it when">
              {({ id }) => (
                <select
                  id={id}
                  value={followUp.when}
                  onChange={(e) =>
                    update(index, {
                      when: followUpTriggers.find((t) => t === e.target.value) ?? 'always',
                    })
                  }
                >
                  {followUpTriggers.map((t) => (
                    <option key={t} value={t}>
                      {triggerOption(t)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            {value.length > 1 && (
              <button
                type="button"
                className="button button--ghost button--small"
                onClick={() => onChange(value.filter((_, i) => i !== index))}
              >
                Remove follow-up {index + 1}
              </button>
            )}
          </div>
        </fieldset>
      ))}
      {value.length < MAX_FOLLOW_UPS && (
        <button
          type="button"
          className="button button--small"
          onClick={() => onChange([...value, { question: '', when: 'missing-key-points' }])}
        >
          Add another follow-up
        </button>
      )}
    </div>
  );
}
