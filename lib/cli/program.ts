/**
 * The `apple-ports` command line: argument parsing and printing only; every answer comes from the
 * core. `run` takes the arguments and where to write, and returns the exit code, so the program
 * runs the same in a terminal and in a test.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import {
  ApplePortsError,
  DEFAULT_SID_BASE,
  hostGroups,
  hostsFor,
  planFirewallRules,
  resolve,
  type Direction,
  type Locale,
  type ResolvedPolicy,
} from '../core';
import { diffPolicies, renderPolicyDiff, renderReview } from '../review';
import { firewallListing, type FirewallListingFormat } from './firewall-listing';
import { hostListing, type HostListingFormat } from './host-listing';
import { portLookup, productListing, profileListing, type ListingFormat, type PortQuery } from './listings';
import { addSelectionOptions, collect, splitList, toSelection, type SelectionFlags } from './selection-options';
import { registerFlowsCommand } from './commands/flows';

/** Where the program writes. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

/** Exit code for success, help and version. */
export const EXIT_OK = 0;
/** Exit code for an unexpected failure (a bug, not the user's input). */
export const EXIT_FAILURE = 1;
/** Exit code for a usage error: unknown command or option, bad value, unknown product, profile or host group. */
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

/** A parser for a whole-number option, with an example of the flag in its message. */
function wholeNumber(example: string): (value: string) => number {
  return (value) => {
    const number = Number(value);
    if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(number)) {
      throw new InvalidArgumentError(`Use a whole number, e.g. ${example}.`);
    }
    return number;
  };
}

function langOption(description: string): Option {
  return new Option('--lang <locale>', description).choices(['en', 'zh-CN']).default('en');
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
  hosts: `
Examples:
  $ apple-ports hosts iCloud FaceTime
  $ apple-ports hosts SoftwareUpdate --host-group certificate-validation --format csv
  $ apple-ports hosts --profile managed-mac --format markdown --lang zh-CN
  $ apple-ports hosts DeviceManagement --format json`,
  firewall: `
Examples:
  $ apple-ports firewall iCloud FaceTime
  $ apple-ports firewall SoftwareUpdate --host-group certificate-validation --home-net 10.0.0.0/16 --format rules
  $ apple-ports firewall --profile managed-mac --sid-base 2000000 --capacity 100 --format json`,
  diff: `
Examples:
  $ apple-ports diff --from iCloud --to iCloud,FaceTime
  $ apple-ports diff --from FaceTime --to FaceTime,Messages --format markdown
  $ apple-ports diff --from "" --to GameCenter --max-rules 5`,
};

/** The `apple-ports` program, writing to `io`. */
export function createProgram(io: CliIo): Command {
  const program = new Command('apple-ports')
    .description(
      'Least-privilege AWS firewall rules for Apple products: list the catalogue, resolve rules, list the hosts Apple names, plan Network Firewall rules, look up ports, diff selections.',
    )
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
    .addOption(langOption('language of names'))
    .addHelpText('after', EXAMPLES.lookup)
    .action((query: PortQuery, options: { format: ListingFormat; lang: Locale }) => io.stdout(portLookup(query, options.format, options.lang)));

  const idWidth = Math.max(...hostGroups.map((g) => g.id.length));
  const groupList = hostGroups.map((g) => `  ${g.id.padEnd(idWidth)}  ${g.category}`).join('\n');

  program
    .command('hosts')
    .description("every host Apple lists for Apple products on enterprise networks (article 101555), with its ports, category, products and notes")
    .argument('[products...]', 'Apple products by id, alias or name (space- or comma-separated)')
    .option('--profile <profile>', 'add a profile (a named bundle of products); repeatable', collect)
    .option('--host-group <group>', 'add a category of the article by id, for hosts no product stands for; repeatable or comma-separated', collect)
    .addOption(formatOption(['table', 'markdown', 'json', 'csv'], 'table'))
    .addOption(langOption('language of names and headings'))
    .addHelpText('after', `\n--format json prints the HostList that hostsFor() returns.\n\nHost groups:\n${groupList}\n${EXAMPLES.hosts}`)
    .action((products: string[], options: { profile?: string[]; hostGroup?: string[]; format: HostListingFormat; lang: Locale }) => {
      const list = hostsFor({ products: splitList(products), profiles: options.profile ?? [], hostGroups: options.hostGroup ?? [] });
      io.stdout(hostListing(list, options.format, options.lang));
    });

  program
    .command('firewall')
    .description('an AWS Network Firewall stateful rule group for Apple products: host-name rules for the hosts Apple lists, port rules for the rest')
    .argument('[products...]', 'Apple products by id, alias or name (space- or comma-separated)')
    .option('--profile <profile>', 'add a profile (a named bundle of products); repeatable', collect)
    .option('--host-group <group>', 'add a category of Apple\'s host list by id (see `apple-ports hosts --help`); repeatable or comma-separated', collect)
    .option('--home-net <cidr>', "the rule group's HOME_NET: the CIDRs the Apple devices are in; repeatable or comma-separated (default: the firewall policy's)", collect)
    .option('--sid-base <n>', `the first rule's signature id (default: ${DEFAULT_SID_BASE})`, wholeNumber('--sid-base 1000000'))
    .option('--capacity <n>', 'the capacity to reserve, for the catalogue to grow (default: the rule count)', wholeNumber('--capacity 100'))
    .option('--ipv6', "add Apple's APNs IPv6 subnets to the rules bound for Apple's network")
    .option('--include-legacy', 'keep services Apple has retired')
    .option('--exclude <service>', 'leave out a service id even though a product uses it; repeatable', collect)
    .addOption(formatOption(['text', 'rules', 'json'], 'text'))
    .addHelpText('after', `\n--format rules prints the rules string alone; json prints the plan from planFirewallRules().\n${EXAMPLES.firewall}`)
    .action(
      (
        products: string[],
        options: {
          profile?: string[];
          hostGroup?: string[];
          homeNet?: string[];
          sidBase?: number;
          capacity?: number;
          ipv6?: boolean;
          includeLegacy?: boolean;
          exclude?: string[];
          format: FirewallListingFormat;
        },
      ) => {
        const plan = planFirewallRules(
          {
            products: splitList(products),
            profiles: options.profile ?? [],
            hostGroups: options.hostGroup ?? [],
            ipv6: options.ipv6 ?? false,
            includeLegacy: options.includeLegacy ?? false,
            exclude: options.exclude ?? [],
          },
          {
            ...(options.sidBase !== undefined ? { sidBase: options.sidBase } : {}),
            ...(options.capacity !== undefined ? { capacity: options.capacity } : {}),
            ...(options.homeNet !== undefined ? { homeNet: options.homeNet } : {}),
          },
        );
        io.stdout(firewallListing(plan, options.format));
      },
    );

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

  registerFlowsCommand(program, io);
  return program;
}

/**
 * Runs `apple-ports` with `argv` (the arguments after the program name) and returns the exit code:
 * 0 on success, 2 on a usage error (unknown command, option, product, profile or host group, bad
 * port or value), 1 on an unexpected failure. Messages go to `io.stderr`.
 */
export function run(argv: readonly string[], io: CliIo): number {
  try {
    createProgram(io).parse([...argv], { from: 'user' });
    return EXIT_OK;
  } catch (error) {
    return exitCodeFor(error, io);
  }
}

/** `run` for commands that read streams (`flows`): the same exit codes, once the command has finished. */
export async function runAsync(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    await createProgram(io).parseAsync([...argv], { from: 'user' });
    return EXIT_OK;
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
  if (error instanceof ApplePortsError) {
    io.stderr(`error: ${error.message}\n`);
    return EXIT_USAGE;
  }
  io.stderr(`error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return EXIT_FAILURE;
}
