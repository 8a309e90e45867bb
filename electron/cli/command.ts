/** One CLI command: `npm run cli -- <name> …`. */
export interface Command {
  /** One line for `help`, Chinese. */
  summary: string;
  /** Usage line(s), e.g. `inspect <文件>… [--json]`. */
  usage: string;
  /** Runs with the arguments after the command name; resolves to the exit code. */
  run(args: string[]): Promise<number>;
}

/** A usage mistake: printed with the command's usage, exit code 2. */
export class UsageError extends Error {}
