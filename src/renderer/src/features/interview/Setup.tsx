import { useState, type FormEvent } from 'react';
import type { JobRole, Level, ProfileSettings, Profile } from '../../../../shared/contract';
import { MAX_JOB_DESCRIPTION_CHARS } from '../../../../shared/contract/constants';
import { useApi } from '../../api/context';
import { ErrorAlert, LoadFailed, Loading } from '../../components/Feedback';
import { Field } from '../../components/Field';
import { LevelSelect, levelHint } from '../../components/LevelSelect';
import { SelectField, roleOptions } from '../../components/SelectField';
import { useQuery } from '../../hooks/useQuery';
import { startSession } from '../../lib/sessions';
import type { Navigate } from '../../navigation';

const FOLLOW_UP_OPTIONS = [
  { value: '0', label: 'None' },
  { value: '1', label: 'Up to 1' },
  { value: '2', label: 'Up to 2' },
  { value: '3', label: 'Up to 3' },
];

const GRAMMAR_OPTIONS = [
  { value: 'standard', label: 'Standard' },
  { value: 'thorough', label: 'Thorough (slower)' },
];

const MIN_COUNT = 3;
const MAX_COUNT = 10;
const DEFAULT_COUNT = 5;

interface SetupProps {
  profile: Profile;
  navigate: Navigate;
}

export function Setup({ profile, navigate }: SetupProps) {
  const roles = useQuery('bank.roles', {});
  return (
    <main className="page page--narrow">
      <h1 tabIndex={-1}>Set up your interview</h1>
      <p className="lead">
        Questions mix behavioral, situational, technical, role-specific and motivation ones. Each
        has a suggested time, but nothing is cut off.
      </p>
      {roles.error !== undefined && <LoadFailed error={roles.error} onRetry={roles.refetch} />}
      {!roles.data && roles.error === undefined && <Loading />}
      {roles.data && roles.data.length === 0 && (
        <p className="card empty-state">
          The question bank is empty, so there is nothing to practise yet.
        </p>
      )}
      {roles.data && roles.data.length > 0 && (
        <SetupForm roles={roles.data} profile={profile} navigate={navigate} />
      )}
    </main>
  );
}

function SetupForm({
  roles,
  profile,
  navigate,
}: {
  roles: readonly JobRole[];
  profile: Profile;
  navigate: Navigate;
}) {
  const api = useApi();
  const [roleId, setRoleId] = useState(
    () => roles.find((r) => r.id === profile.targetRoleId)?.id ?? roles[0]?.id ?? '',
  );
  const [level, setLevel] = useState<Level>(profile.level);
  const [count, setCount] = useState(String(DEFAULT_COUNT));
  const [followUps, setFollowUps] = useState('1');
  const [jobDescription, setJobDescription] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const role = roles.find((r) => r.id === roleId);
  const countNumber = Number(count);
  const countValid =
    Number.isInteger(countNumber) && countNumber >= MIN_COUNT && countNumber <= MAX_COUNT;

  const start = async (event: FormEvent) => {
    event.preventDefault();
    if (!countValid) return;
    setBusy(true);
    setError(undefined);
    try {
      const started = await startSession(api, {
        profileId: profile.id,
        roleId,
        level,
        questionCount: countNumber,
        maxFollowUps: Number(followUps),
        ...(jobDescription.trim() && { jobDescription }),
      });
      navigate({ name: 'interview', sessionId: started.id, initial: started });
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  return (
    <form className="card form" onSubmit={(e) => void start(e)} noValidate>
      <SelectField label="Role" value={roleId} options={roleOptions(roles)} onChange={setRoleId} />
      {role && <RoleSummary role={role} />}
      <div className="form-row">
        <Field label="Level" hint={levelHint(level)}>
          {({ id, describedBy }) => (
            <LevelSelect id={id} value={level} onChange={setLevel} describedBy={describedBy} />
          )}
        </Field>
        <Field
          label="Number of questions"
          hint={`Between ${MIN_COUNT} and ${MAX_COUNT}.`}
          error={countValid ? undefined : `Choose a number from ${MIN_COUNT} to ${MAX_COUNT}.`}
        >
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              type="number"
              inputMode="numeric"
              min={MIN_COUNT}
              max={MAX_COUNT}
              step={1}
              value={count}
              aria-invalid={invalid}
              aria-describedby={describedBy}
              onChange={(e) => setCount(e.target.value)}
            />
          )}
        </Field>
        <SelectField
          label="Follow-up questions"
          hint="Asked after an answer, about what it left out (per question)."
          value={followUps}
          options={FOLLOW_UP_OPTIONS}
          onChange={setFollowUps}
        />
      </div>
      <GrammarCheckField profileId={profile.id} />
      <Field
        label="Job description (optional)"
        hint="Paste a job ad: the skills it names choose the questions. With a language model installed, questions the bank lacks are written for them."
      >
        {({ id, describedBy }) => (
          <textarea
            id={id}
            rows={5}
            maxLength={MAX_JOB_DESCRIPTION_CHARS}
            value={jobDescription}
            aria-describedby={describedBy}
            onChange={(e) => setJobDescription(e.target.value)}
          />
        )}
      </Field>
      <ErrorAlert error={error} />
      <div className="actions">
        <button
          type="submit"
          className="button button--primary button--large"
          disabled={busy || !countValid || !role}
        >
          {busy ? 'Preparing questions…' : 'Start interview'}
        </button>
        <button
          type="button"
          className="button button--ghost"
          onClick={() => navigate({ name: 'home' })}
        >
          Cancel
        </button>
      </div>
    </form>
  );
}

/** The profile's grammar check, saved as soon as it is changed (it applies to every interview). */
function GrammarCheckField({ profileId }: { profileId: string }) {
  const api = useApi();
  const stored = useQuery('settings.get', { profileId });
  const [chosen, setChosen] = useState<ProfileSettings['grammarCheck'] | null>(null);
  const [error, setError] = useState<string | undefined>(undefined);
  const value = chosen ?? stored.data?.grammarCheck;
  if (value === undefined) return null;
  return (
    <SelectField
      label="Grammar check"
      hint="Standard: spelling and common grammar mistakes, instant. Thorough: a full grammar check that finds more, takes longer per answer and needs ~600 MB more memory."
      value={value}
      options={GRAMMAR_OPTIONS}
      error={error}
      onChange={(next) => {
        const grammarCheck = next === 'thorough' ? 'thorough' : 'standard';
        setChosen(grammarCheck);
        api
          .invoke('settings.update', { profileId, grammarCheck })
          .then(() => setError(undefined))
          .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
      }}
    />
  );
}

function RoleSummary({ role }: { role: JobRole }) {
  return (
    <div className="role-summary">
      <p className="eyebrow">{role.category}</p>
      <p>{role.description}</p>
      {role.skillTags.length > 0 && (
        <ul className="chips" aria-label="Topics this role covers">
          {role.skillTags.map((tag) => (
            <li className="chip" key={tag}>
              {tag}
            </li>
          ))}
        </ul>
      )}
      <p className="muted small">{role.questionCount} questions in the bank for this role.</p>
    </div>
  );
}
