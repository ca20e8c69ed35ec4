import {
  type ValidationIssue,
  contract,
  isHandlerName,
  type Handlers,
  type HandlerName,
} from '../../shared/contract';
import { AppError } from '../platform/errors';
import { fromSqliteError } from '../storage/sqlite-errors';

type AnyImpl = (input: unknown) => Promise<unknown>;

/**
 * The one place handlers are registered and called, whatever the transport (Electron IPC, the
 * local HTTP server, the CLI). Input is validated against the contract before a handler runs;
 * unknown names and duplicate registrations are refused.
 */
export class HandlerRegistry {
  private readonly impls = new Map<HandlerName, AnyImpl>();

  registerHandlers(impls: Partial<Handlers>): void {
    for (const [name, impl] of Object.entries(impls)) {
      if (!isHandlerName(name)) throw new Error(`"${name}" is not in the contract`);
      if (this.impls.has(name)) throw new Error(`handler "${name}" is registered twice`);
      this.impls.set(name, impl as AnyImpl);
    }
  }

  /** Names in the contract that have no implementation: the app refuses to start with any. */
  missing(): HandlerName[] {
    return (Object.keys(contract) as HandlerName[]).filter((name) => !this.impls.has(name));
  }

  async invoke(name: string, rawInput: unknown): Promise<unknown> {
    if (!isHandlerName(name))
      throw new AppError('UNKNOWN_HANDLER', `There is no operation called "${name}".`);
    const impl = this.impls.get(name);
    if (!impl)
      throw new AppError(
        'UNKNOWN_HANDLER',
        `The operation "${name}" is not available in this process.`,
      );
    const parsed = contract[name].input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      const issues: ValidationIssue[] = parsed.error.issues.map((i) => ({
        path: i.path.join('.'),
        message: i.message,
      }));
      const summary = issues
        .map((i) => (i.path ? `${i.path}: ${i.message}` : i.message))
        .join('; ');
      // The message is for people (the UI shows it); the handler name and issues stay in details.
      throw new AppError('VALIDATION', `Please check: ${summary}.`, { handler: name, issues });
    }
    let output: unknown;
    try {
      output = await impl(parsed.data);
    } catch (error) {
      throw fromSqliteError(error);
    }
    // Outputs are checked too: a handler that drifts from the contract fails loudly here
    // rather than as a confusing UI bug.
    return contract[name].output.parse(output);
  }
}
