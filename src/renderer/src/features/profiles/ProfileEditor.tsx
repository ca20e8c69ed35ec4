import { useState, type FormEvent } from 'react';
import type { Level, Profile } from '../../../../shared/contract';
import { useApi } from '../../api/context';
import { errorMessage, fieldErrors } from '../../api/errors';
import { LoadFailed } from '../../components/Feedback';
import { Field } from '../../components/Field';
import { LevelSelect, levelHint } from '../../components/LevelSelect';
import { SelectField, roleOptions } from '../../components/SelectField';
import { useQuery } from '../../hooks/useQuery';
import { parseSkills } from '../../lib/format';
import { YourData } from '../data/YourData';

interface ProfileEditorProps {
  /** null creates a new profile. */
  profile: Profile | null;
  onSaved: (profile: Profile) => void;
  onCancel: () => void;
}

export function ProfileEditor({ profile, onSaved, onCancel }: ProfileEditorProps) {
  const api = useApi();
  const roles = useQuery('bank.roles', {});
  const [name, setName] = useState(profile?.name ?? '');
  const [roleId, setRoleId] = useState(profile?.targetRoleId ?? '');
  const [level, setLevel] = useState<Level>(profile?.level ?? 'entry');
  const [skills, setSkills] = useState(profile?.skills.join(', ') ?? '');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(undefined);

  // A message about a value the person has since changed would only confuse; drop it on edit.
  const edit = <T,>(set: (value: T) => void, value: T) => {
    set(value);
    setError(undefined);
  };
  const fields = fieldErrors(error);
  const general =
    error !== undefined && Object.keys(fields).length === 0 ? errorMessage(error) : null;
  const skillList = parseSkills(skills);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setError(undefined);
    const values = { name, targetRoleId: roleId === '' ? null : roleId, level, skills: skillList };
    try {
      const saved = profile
        ? await api.invoke('profiles.update', { profileId: profile.id, ...values })
        : await api.invoke('profiles.create', values);
      onSaved(saved);
    } catch (e) {
      setError(e);
      setSaving(false);
    }
  };

  return (
    <main className="page page--narrow">
      <h1 tabIndex={-1}>{profile ? 'Edit profile' : 'Create your profile'}</h1>
      <p className="lead">
        {profile
          ? 'Changes apply to your next interview; past results stay as they were.'
          : 'Tell Rehearse what you are preparing for. It is stored only on this computer.'}
      </p>
      <form className="card form" onSubmit={(e) => void submit(e)} noValidate>
        <Field label="Name" error={fields['name']}>
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              type="text"
              value={name}
              autoComplete="given-name"
              maxLength={80}
              aria-required="true"
              aria-invalid={invalid}
              aria-describedby={describedBy}
              autoFocus={!profile}
              onChange={(e) => edit(setName, e.target.value)}
            />
          )}
        </Field>
        <SelectField
          label="Target role"
          hint="The job you are practising for. You can pick another for any single interview."
          error={fields['targetRoleId']}
          value={roleId}
          emptyLabel="No preference yet"
          options={roleOptions(roles.data)}
          onChange={(v) => edit(setRoleId, v)}
        />
        {roles.error !== undefined && <LoadFailed error={roles.error} onRetry={roles.refetch} />}
        <Field label="Level" hint={levelHint(level)} error={fields['level']}>
          {({ id, describedBy }) => (
            <LevelSelect
              id={id}
              value={level}
              onChange={(v) => edit(setLevel, v)}
              describedBy={describedBy}
            />
          )}
        </Field>
        <Field
          label="Skills"
          hint="Separate skills with commas, for example: SQL, React, customer support."
          error={fields['skills']}
        >
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              type="text"
              value={skills}
              aria-invalid={invalid}
              aria-describedby={describedBy}
              onChange={(e) => edit(setSkills, e.target.value)}
            />
          )}
        </Field>
        {skillList.length > 0 && (
          <ul className="chips" aria-hidden="true">
            {skillList.map((skill, i) => (
              <li className="chip" key={`${skill}-${i}`}>
                {skill}
              </li>
            ))}
          </ul>
        )}
        {general && (
          <div className="alert alert--error" role="alert">
            <p>{general}</p>
          </div>
        )}
        {!general && Object.keys(fields).length > 0 && (
          <div className="alert alert--error" role="alert">
            <p>
              Please fix the highlighted field{Object.keys(fields).length > 1 ? 's' : ''}:{' '}
              {Object.values(fields).join(' ')}
            </p>
          </div>
        )}
        <div className="actions">
          <button type="submit" className="button button--primary" disabled={saving}>
            {saving ? 'Saving…' : 'Save profile'}
          </button>
          <button type="button" className="button button--ghost" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
      {profile && <YourData profile={profile} />}
    </main>
  );
}
