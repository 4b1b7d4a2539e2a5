/**
 * Options and argument parsers the commands share. Parsers only read the syntax (a number, a
 * port); the core checks every value's range and says how to fix it, once for the API and the CLI.
 */
import { InvalidArgumentError, Option } from 'commander';
import { PORT_NUMBERS } from '../core/ports';
import type { Protocol } from '../core';

/** The languages every command prints in. */
export const LOCALES = ['en', 'zh-CN'] as const;

/** Splits "iCloud,FaceTime" and repeated values into one list, dropping empty entries. */
export function splitList(values: readonly string[]): string[] {
  return values.flatMap((value) => value.split(',')).map((value) => value.trim()).filter((value) => value.length > 0);
}

/** Commander's collector for a repeatable, comma-separated option. */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), ...splitList([value])];
}

/**
 * A parser for an integer option ("-5" included: the core says which range it must be in), with an
 * example of the flag in its message.
 */
export function integer(example: string): (value: string) => number {
  return (value) => {
    const number = Number(value);
    if (!/^-?\d+$/.test(value.trim()) || !Number.isSafeInteger(number)) {
      throw new InvalidArgumentError(`Use a whole number, e.g. ${example}.`);
    }
    return number;
  };
}

/** A port the user asked about, with or without a protocol. */
export interface PortQuery {
  readonly port: number;
  readonly protocol?: Protocol;
}

/** Parses "5223", "5223/tcp" or "5223/udp". */
export function portQuery(value: string): PortQuery {
  const match = /^(\d+)(?:\/(tcp|udp))?$/i.exec(value.trim());
  const port = match ? Number(match[1]) : NaN;
  if (!match || port < PORT_NUMBERS.fromPort || port > PORT_NUMBERS.toPort) {
    throw new InvalidArgumentError(`Use a port from ${PORT_NUMBERS.fromPort} to ${PORT_NUMBERS.toPort}, optionally with /tcp or /udp, e.g. 5223 or 5223/tcp.`);
  }
  return match[2] ? { port, protocol: match[2].toLowerCase() as Protocol } : { port };
}

/** `--lang en|zh-CN`, which every command takes. */
export function langOption(): Option {
  return new Option('--lang <locale>', 'language of what the command prints').choices(LOCALES).default('en');
}

/** `--format` with the command's choices. */
export function formatOption(choices: readonly string[], fallback: string): Option {
  return new Option('--format <format>', 'output format').choices(choices).default(fallback);
}
