import { useQuery } from '../hooks/useQuery';

/**
 * Says which scoring engines failed to load (a damaged or incompatible model, a library missing
 * from this build): answers are then scored without them, and the person should know why their
 * scores may be less precise than the Models screen suggests.
 */
export function EngineProblems() {
  const info = useQuery('app.info', {});
  const problems = info.data?.engineProblems ?? [];
  if (problems.length === 0) return null;
  return (
    <div className="alert alert--error" role="alert" data-testid="engine-problems">
      <p>
        <strong>Some scoring engines failed to load</strong>, so answers are scored without them;
        the engines that did load still score every answer.
      </p>
      <ul>
        {problems.map((problem) => (
          <li key={problem}>{problem}</li>
        ))}
      </ul>
    </div>
  );
}
