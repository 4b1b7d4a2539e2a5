/**
 * Options and argument parsers the commands share. Parsers only read the syntax (a number, a
 * port); the core checks every value's range and says how to fix it, once for the API and the CLI.
 */
import { InvalidArgumentError, Option } from 'commander';
import { PORT_NUMBERS } from '../core/ports';
import { DEFAULT_SID_BASE, PLATFORMS, type Protocol } from '../core';

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

/** `--profile`, for every command that takes a selection. */
export function profileOption(): Option {
  return new Option('--profile <profile>', 'add a profile (a named bundle of products); repeatable').argParser(collect);
}

/** `--host-group`, for the commands built from Apple's host list. */
export function hostGroupOption(): Option {
  return new Option('--host-group <group>', "add a category of Apple's host list by id, for hosts no product stands for (see `apple-ports hosts --help`); repeatable or comma-separated").argParser(collect);
}

/** `--platform`, for the commands built from Apple's host list. */
export function platformOption(): Option {
  return new Option('--platform <system>', `only hosts for these systems (${PLATFORMS.join(', ')}); repeatable or comma-separated (default: all)`).argParser(collect);
}

/** `--destination`, with what the command accepts and where the rules go without it. */
export function destinationOption(accepts: string, fallback: string): Option {
  return new Option('--destination <peer>', `where egress may go (${accepts}); repeatable or comma-separated (default: ${fallback})`).argParser(collect);
}

/** `--exclude`, for every command that resolves a selection. */
export function excludeOption(): Option {
  return new Option('--exclude <service>', 'leave out a service id even though a product uses it; repeatable').argParser(collect);
}

/** `--include-legacy`, for every command that resolves a selection. */
export function includeLegacyOption(): Option {
  return new Option('--include-legacy', 'keep services Apple has retired');
}

/** `--sid-base`, which numbers a Network Firewall rule group; `use` says what it numbers in this command. */
export function sidBaseOption(use = "the first rule's signature id"): Option {
  return new Option('--sid-base <n>', `${use} (default: ${DEFAULT_SID_BASE})`).argParser(integer(`--sid-base ${DEFAULT_SID_BASE}`));
}
