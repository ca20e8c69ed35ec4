import { runCli } from '../transport/cli/run-cli';

/** Runs the CLI in-process against a data directory and collects what it prints. */
export async function runCliIn(
  dataDir: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    env: { ...env, REHEARSE_DATA_DIR: dataDir },
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
  });
  return { code, stdout, stderr };
}
