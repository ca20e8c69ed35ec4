// What every CLI command gets: the environment and the two output streams (tests capture them),
// and the error a command throws for bad usage (exit code 2, with the usage text).
export interface CliIo {
  readonly env: NodeJS.ProcessEnv;
  stdout(text: string): void;
  stderr(text: string): void;
}

/** Bad arguments: the CLI prints the message and the usage, and exits with 2. */
export class UsageError extends Error {}
