/** Where the program writes, and the exit codes a script or CI job can rely on. */

/** Where the program writes. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

/** Exit code for success, help and version; for `review --base`, nothing changed. */
export const EXIT_OK = 0;
/** Exit code of `review --base` when a policy changed, like `diff(1)`. */
export const EXIT_CHANGED = 1;
/** Exit code for a usage error: unknown command or option, bad value, unknown product, profile or host group, unreadable cloud assembly. */
export const EXIT_USAGE = 2;
/** Exit code for an unexpected failure (a bug, not the user's input). */
export const EXIT_FAILURE = 3;

/** What a command reports back to `run`: the exit code, when it is not plain success. */
export interface CommandOutcome {
  exitCode: number;
}

/** A usage error the CLI finds itself (an unreadable cloud assembly): exit code 2, its message on stderr. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
