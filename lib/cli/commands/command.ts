/**
 * What every command module exports: a `register` function that adds the command to the program.
 * A command writes through `context.io` and, when it ends with something other than plain
 * success (`review --base` finding changes), sets `context.outcome.exitCode`.
 */
import type { Command } from 'commander';
import type { CliIo, CommandOutcome } from '../io';

/** What a command is given when it is registered. */
export interface CommandContext {
  readonly io: CliIo;
  readonly outcome: CommandOutcome;
}

/** Adds one command to the program. */
export type RegisterCommand = (program: Command, context: CommandContext) => void;

/** The "Examples:" help section of a command, one `$ apple-ports …` line each. */
export function examples(...lines: readonly string[]): string {
  return `\nExamples:\n${lines.map((line) => `  $ apple-ports ${line}`).join('\n')}`;
}
