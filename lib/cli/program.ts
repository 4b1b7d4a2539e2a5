/**
 * The `apple-ports` command line: argument parsing and printing only; every answer comes from the
 * core. Each command lives in `commands/` with a register function; `run` takes the arguments and
 * where to write, and returns the exit code, so the program runs the same in a terminal and in a test.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Command, CommanderError } from 'commander';
import { ApplePortsError } from '../core';
import { COMMANDS } from './commands';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, UsageError, type CliIo, type CommandOutcome } from './io';

export { EXIT_CHANGED, EXIT_FAILURE, EXIT_OK, EXIT_USAGE, type CliIo } from './io';

/** The package version, from the package.json above this file (in lib/ or in dist/lib/). */
function packageVersion(): string {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'apple-ports' && pkg.version) {
        return pkg.version;
      }
    }
  }
  return '0.0.0';
}

/** The `apple-ports` program, writing to `io`; commands that end otherwise than in success set `outcome`. */
export function createProgram(io: CliIo, outcome: CommandOutcome = { exitCode: EXIT_OK }): Command {
  const program = new Command('apple-ports')
    .description(
      "Least-privilege AWS firewall rules for Apple products: list the catalogue, resolve rules, list the hosts Apple names, plan Network Firewall rules, look up ports, diff selections, review cloud assemblies, follow catalogue versions, check the catalogue against Apple's articles.",
    )
    .version(packageVersion(), '-V, --version', 'print the version')
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .exitOverride()
    .showHelpAfterError('(add --help for usage)')
    .showSuggestionAfterError();
  for (const register of COMMANDS) {
    register(program, { io, outcome });
  }
  return program;
}

/**
 * Runs `apple-ports` with `argv` (the arguments after the program name) and returns the exit code:
 * 0 on success, 1 when `review --base` finds a change, 2 on a usage error (unknown command,
 * option, product, profile or host group, bad port or value, unreadable cloud assembly), 3 on an
 * unexpected failure. Messages go to `io.stderr`.
 */
export function run(argv: readonly string[], io: CliIo): number {
  const outcome: CommandOutcome = { exitCode: EXIT_OK };
  try {
    createProgram(io, outcome).parse([...argv], { from: 'user' });
    return outcome.exitCode;
  } catch (error) {
    return exitCodeFor(error, io);
  }
}

/** `run` for commands that read streams (`flows`): the same exit codes, once the command has finished. */
export async function runAsync(argv: readonly string[], io: CliIo): Promise<number> {
  const outcome: CommandOutcome = { exitCode: EXIT_OK };
  try {
    await createProgram(io, outcome).parseAsync([...argv], { from: 'user' });
    return outcome.exitCode;
  } catch (error) {
    return exitCodeFor(error, io);
  }
}

/** The exit code for what a command threw, with its message on `io.stderr`. */
function exitCodeFor(error: unknown, io: CliIo): number {
  if (error instanceof CommanderError) {
    // Commander has already printed its message (or the help / version) through io.
    return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
  }
  if (error instanceof ApplePortsError || error instanceof UsageError) {
    io.stderr(`error: ${error.message}\n`);
    return EXIT_USAGE;
  }
  io.stderr(`error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return EXIT_FAILURE;
}
