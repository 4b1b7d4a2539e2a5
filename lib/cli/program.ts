/**
 * The `apple-ports` command line: argument parsing and printing only; every answer comes from the
 * core. `run` takes the arguments and where to write, and returns the exit code, so the program
 * runs the same in a terminal and in a test.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { ApplePortsError, diffPolicies, renderPolicyDiff, renderReview, resolve, type Direction, type Locale, type ResolvedPolicy } from '../core';
import { portLookup, productListing, profileListing, type ListingFormat, type PortQuery } from './listings';
import { addSelectionOptions, splitList, toSelection, type SelectionFlags } from './selection-options';

/** Where the program writes. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

/** Exit code for success, help and version. */
export const EXIT_OK = 0;
/** Exit code for an unexpected failure (a bug, not the user's input). */
export const EXIT_FAILURE = 1;
/** Exit code for a usage error: unknown command or option, bad value, unknown product or profile. */
export const EXIT_USAGE = 2;

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

/** Parses "5223", "5223/tcp" or "5223/udp". */
function portQuery(value: string): PortQuery {
  const match = /^(\d{1,5})(?:\/(tcp|udp))?$/i.exec(value.trim());
  const port = match ? Number(match[1]) : NaN;
  if (!match || port < 1 || port > 65535) {
    throw new InvalidArgumentError('Use a port from 1 to 65535, optionally with /tcp or /udp, e.g. 5223 or 5223/tcp.');
  }
  return match[2] ? { port, protocol: match[2].toLowerCase() as PortQuery['protocol'] } : { port };
}

function formatOption(choices: readonly string[], fallback: string): Option {
  return new Option('--format <format>', 'output format').choices(choices).default(fallback);
}

/** A policy that opens nothing: the side of a diff that selects no products. */
function emptyPolicy(direction: Direction, maxRules: number | undefined): ResolvedPolicy {
  return { direction, products: [], profiles: [], rules: [], notices: [], excluded: [], ...(maxRules !== undefined ? { maxRules } : {}) };
}

function resolveSide(products: readonly string[], flags: SelectionFlags): ResolvedPolicy {
  if (products.length === 0 && (flags.profile ?? []).length === 0) {
    return emptyPolicy(flags.ingress ? 'ingress' : 'egress', flags.maxRules);
  }
  return resolve(toSelection(products, flags));
}

const EXAMPLES = {
  resolve: `
Examples:
  $ apple-ports resolve iCloud FaceTime
  $ apple-ports resolve iCloud FaceTime --ipv6 --format markdown
  $ apple-ports resolve --profile managed-mac --max-rules 20 --format csv
  $ apple-ports resolve ScreenSharing SSH --ingress --source sg-0123456789abcdef0
  $ apple-ports resolve FaceTime --lang zh-CN`,
  lookup: `
Examples:
  $ apple-ports lookup 5223
  $ apple-ports lookup 3478/udp --format json`,
  diff: `
Examples:
  $ apple-ports diff --from iCloud --to iCloud,FaceTime
  $ apple-ports diff --from FaceTime --to FaceTime,Messages --format markdown
  $ apple-ports diff --from "" --to GameCenter --max-rules 5`,
};

/** The `apple-ports` program, writing to `io`. */
export function createProgram(io: CliIo): Command {
  const program = new Command('apple-ports')
    .description('Least-privilege AWS firewall rules for Apple products: list the catalogue, resolve rules, look up ports, diff selections.')
    .version(packageVersion(), '-V, --version', 'print the version')
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .exitOverride()
    .showHelpAfterError('(add --help for usage)')
    .showSuggestionAfterError();

  program
    .command('products')
    .description('list every Apple product with its English and Chinese names, aliases and port count')
    .addOption(formatOption(['table', 'json'], 'table'))
    .action((options: { format: ListingFormat }) => io.stdout(productListing(options.format)));

  program
    .command('profiles')
    .description('list every profile (a named bundle of products) with its names, direction, products and port count')
    .addOption(formatOption(['table', 'json'], 'table'))
    .action((options: { format: ListingFormat }) => io.stdout(profileListing(options.format)));

  addSelectionOptions(
    program
      .command('resolve')
      .description('the firewall rules for Apple products, and why each exists')
      .argument('[products...]', 'Apple products by id, alias or name (space- or comma-separated)'),
  )
    .addOption(formatOption(['table', 'markdown', 'json', 'csv'], 'table'))
    .addHelpText('after', `\n--format json prints the ResolvedPolicy; table, markdown and csv print the review.\n${EXAMPLES.resolve}`)
    .action((products: string[], options: SelectionFlags & { format: 'table' | 'markdown' | 'json' | 'csv' }) => {
      const policy = resolve(toSelection(splitList(products), options));
      if (options.format === 'json') {
        io.stdout(`${JSON.stringify(policy, null, 2)}\n`);
      } else {
        io.stdout(renderReview(policy, { format: options.format === 'table' ? 'text' : options.format, locale: options.lang }));
      }
    });

  program
    .command('lookup')
    .description('every Apple service and product that uses a port (for reading VPC Flow Logs or a blocked connection)')
    .argument('<port>', 'a port, optionally with its protocol: 5223, 5223/tcp, 3478/udp', portQuery)
    .addOption(formatOption(['table', 'json'], 'table'))
    .addOption(new Option('--lang <locale>', 'language of names').choices(['en', 'zh-CN']).default('en'))
    .addHelpText('after', EXAMPLES.lookup)
    .action((query: PortQuery, options: { format: ListingFormat; lang: Locale }) => io.stdout(portLookup(query, options.format, options.lang)));

  addSelectionOptions(
    program
      .command('diff')
      .description('what changes in the firewall between two selections of products, and why')
      .requiredOption('--from <products>', 'the products before, comma-separated ("" for none)')
      .requiredOption('--to <products>', 'the products after, comma-separated ("" for none)'),
  )
    .addOption(formatOption(['text', 'markdown', 'json'], 'text'))
    .addHelpText('after', `\nThe selection flags apply to both sides.\n${EXAMPLES.diff}`)
    .action((options: SelectionFlags & { from: string; to: string; format: 'text' | 'markdown' | 'json' }) => {
      const before = resolveSide(splitList([options.from]), options);
      const after = resolveSide(splitList([options.to]), options);
      io.stdout(renderPolicyDiff(diffPolicies(before, after), { format: options.format, locale: options.lang }));
    });

  return program;
}

/**
 * Runs `apple-ports` with `argv` (the arguments after the program name) and returns the exit code:
 * 0 on success, 2 on a usage error (unknown command, option, product or profile, bad port or
 * value), 1 on an unexpected failure. Messages go to `io.stderr`.
 */
export function run(argv: readonly string[], io: CliIo): number {
  try {
    createProgram(io).parse([...argv], { from: 'user' });
    return EXIT_OK;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has already printed its message (or the help / version) through io.
      return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    if (error instanceof ApplePortsError) {
      io.stderr(`error: ${error.message}\n`);
      return EXIT_USAGE;
    }
    io.stderr(`error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT_FAILURE;
  }
}
