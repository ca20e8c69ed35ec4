import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { JobRole, Level, Question } from '../../../../shared/contract';
import { questionTypes } from '../../../../shared/contract/constants';
import { errorMessage } from '../../api/errors';
import { useApi } from '../../api/context';
import { Field } from '../../components/Field';
import { LevelSelect } from '../../components/LevelSelect';
import { SelectField, roleOptions } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { difficultyLabel, parseKeyPoints, questionFieldErrors } from '../../lib/bank';
import { parseSkills, typeOptions } from '../../lib/format';
import { FollowUpsEditor } from './FollowUpsEditor';
import {
  MAX_TIME,
  MIN_TIME,
  initialValues,
  isFormField,
  localErrors,
  type Values,
} from './question-form-values';

const difficultyOptions = [1, 2, 3, 4, 5].map((d) => ({
  value: String(d),
  label: difficultyLabel(d),
}));

type TextKey = 'content' | 'skills' | 'idealAnswer' | 'strong' | 'adequate' | 'weak';

interface QuestionFormProps {
  /** null adds a new custom question. */
  question: Question | null;
  roles: readonly JobRole[];
  defaultRoleId: string;
  defaultLevel: Level;
  adminPin: string | undefined;
  onSaved: (question: Question) => void;
  onCancel: () => void;
}

export function QuestionForm(props: QuestionFormProps) {
  const { question, roles, adminPin, onSaved, onCancel } = props;
  const api = useApi();
  const heading = useRef<HTMLHeadingElement>(null);
  const [values, setValues] = useState(() =>
    initialValues(question, props.defaultRoleId || roles[0]?.id || '', props.defaultLevel),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(undefined);
  const [saving, setSaving] = useState(false);

  useEffect(() => heading.current?.focus(), []);

  const set = (patch: Partial<Values>) => {
    setValues((v) => ({ ...v, ...patch }));
    setError(undefined);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const local = localErrors(values);
    setErrors(local);
    setError(undefined);
    if (Object.keys(local).length > 0) return;
    setSaving(true);
    try {
      const saved = await api.invoke('bank.saveQuestion', {
        adminPin,
        question: {
          id: question?.id,
          roleId: values.roleId,
          level: values.level,
          type: values.type,
          difficulty: values.difficulty,
          skills: parseSkills(values.skills),
          content: values.content,
          idealAnswer: values.idealAnswer,
          keywords: parseKeyPoints(values.keyPoints),
          rubric: { strong: values.strong, adequate: values.adequate, weak: values.weak },
          followUps: values.followUps,
          timeLimitSeconds: Number(values.timeLimit),
        },
      });
      onSaved(saved);
    } catch (e) {
      setErrors(questionFieldErrors(e));
      setError(e);
      setSaving(false);
    }
  };

  const fieldCount = Object.keys(errors).filter(isFormField).length;
  const general = error !== undefined && fieldCount === 0 ? errorMessage(error) : null;
  const followUpErrors: Record<string, string> = {};
  for (const [key, message] of Object.entries(errors)) {
    if (key === 'followUps') followUpErrors[''] = message;
    else if (key.startsWith('followUps.')) followUpErrors[key.slice('followUps.'.length)] = message;
  }
  const text = (label: string, key: TextKey, rows?: number, hint?: string) => (
    <TextField
      label={label}
      value={values[key]}
      onChange={(v) => set({ [key]: v })}
      error={
        errors[key === 'strong' || key === 'adequate' || key === 'weak' ? `rubric.${key}` : key]
      }
      rows={rows}
      hint={hint}
      required
    />
  );

  return (
    <section className="card" aria-labelledby="question-form-heading">
      <h2 id="question-form-heading" tabIndex={-1} ref={heading}>
        {question ? 'Edit question' : 'Add a question'}
      </h2>
      <p className="muted">
        Your questions are stored on this computer as custom questions, alongside the built-in ones.
        Write plain text: markup is not allowed.
      </p>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        {text('Question', 'content', 3)}
        <div className="form-row">
          <SelectField
            label="Role"
            error={errors['roleId']}
            value={values.roleId}
            options={roleOptions(roles)}
            onChange={(roleId) => set({ roleId })}
          />
          <Field label="Level" error={errors['level']}>
            {({ id, describedBy }) => (
              <LevelSelect
                id={id}
                value={values.level}
                describedBy={describedBy}
                onChange={(level) => set({ level })}
              />
            )}
          </Field>
        </div>
        <div className="form-row">
          <SelectField
            label="Type"
            error={errors['type']}
            value={values.type}
            options={typeOptions}
            onChange={(v) => set({ type: questionTypes.find((t) => t === v) ?? 'behavioral' })}
          />
          <SelectField
            label="Difficulty"
            error={errors['difficulty']}
            value={String(values.difficulty)}
            options={difficultyOptions}
            onChange={(v) => set({ difficulty: Number(v) })}
          />
        </div>
        {text(
          'Skills',
          'skills',
          undefined,
          'Separate skills with commas, for example: safety, SQL.',
        )}
        {text('Ideal answer', 'idealAnswer', 5)}
        <TextField
          label="Key points"
          value={values.keyPoints}
          onChange={(v) => set({ keyPoints: v })}
          error={errors['keywords']}
          rows={4}
          required
          hint={
            <>
              One per line. Other ways to say it go after a “|”, for example:{' '}
              <code>root cause | underlying cause</code>
            </>
          }
        />
        {text('Strong answer', 'strong', 2, 'What a strong answer does.')}
        {text('Adequate answer', 'adequate', 2)}
        {text('Weak answer', 'weak', 2)}
        <FollowUpsEditor
          value={values.followUps}
          onChange={(followUps) => set({ followUps })}
          errors={followUpErrors}
        />
        <TextField
          label="Time limit (seconds)"
          value={values.timeLimit}
          onChange={(v) => set({ timeLimit: v })}
          error={errors['timeLimitSeconds']}
          type="number"
          inputMode="numeric"
          hint={`From ${MIN_TIME} to ${MAX_TIME}; the clock is a guide, nothing is cut off.`}
        />
        {general && (
          <div className="alert alert--error" role="alert">
            <p>{general}</p>
          </div>
        )}
        {!general && fieldCount > 0 && (
          <div className="alert alert--error" role="alert">
            <p>Please fix the highlighted field{fieldCount > 1 ? 's' : ''}.</p>
          </div>
        )}
        <div className="actions">
          <button type="submit" className="button button--primary" disabled={saving}>
            {saving ? 'Saving…' : question ? 'Save changes' : 'Save question'}
          </button>
          <button type="button" className="button button--ghost" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}
