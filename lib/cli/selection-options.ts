/**
 * The selection flags `resolve` and `diff` share, and how they become a `PolicySelection`. The
 * resolver validates every value; this file only collects them.
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import { ApplePortsError, getNetwork, type PolicySelection } from '../core';

/** The selection flags as commander parses them. */
export interface SelectionFlags {
  readonly profile?: string[];
  readonly ingress?: boolean;
  readonly source?: string[];
  readonly destination?: string[];
  readonly ipv6?: boolean;
  readonly appleNetwork?: boolean;
  readonly includeLegacy?: boolean;
  readonly includeLinkLocal?: boolean;
  readonly exclude?: string[];
  readonly maxRules?: number;
  readonly lang: 'en' | 'zh-CN';
}

/** Splits "iCloud,FaceTime" and repeated values into one list, dropping empty entries. */
export function splitList(values: readonly string[]): string[] {
  return values.flatMap((value) => value.split(',')).map((value) => value.trim()).filter((value) => value.length > 0);
}

/** Commander's collector for a repeatable, comma-separated option. */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), ...splitList([value])];
}

function ruleCount(value: string): number {
  const count = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(count) || count < 1) {
    throw new InvalidArgumentError('Use a whole number of at least 1, e.g. --max-rules 60.');
  }
  return count;
}

/** Adds the selection flags to a command. */
export function addSelectionOptions(command: Command): Command {
  return command
    .option('--profile <profile>', 'add a profile (a named bundle of products); repeatable', collect)
    .option('--ingress', 'rules for connections into the Apple devices (default: egress, or the profiles\' direction)')
    .option('--source <peer>', 'with --ingress: who may connect in (CIDR, sg-…, pl-…); repeatable or comma-separated', collect)
    .option('--destination <peer>', 'where egress may go (CIDR, sg-…, pl-…); repeatable or comma-separated (default: anywhere)', collect)
    .option('--ipv6', "add ::/0 to 'anywhere' and Apple's IPv6 subnets to --apple-network")
    .option('--apple-network', `narrow services that only talk to Apple (APNs) to Apple's network, ${getNetwork('apple').ipv4.join(', ')}`)
    .option('--include-legacy', 'keep services Apple has retired')
    .option('--include-link-local', 'keep link-local multicast (Bonjour, SSDP, NAT-PMP), which never crosses a VPC')
    .option('--exclude <service>', 'leave out a service id even though a product uses it; repeatable', collect)
    .option('--max-rules <n>', 'the most rules per address family; smallest gaps are closed to fit', ruleCount)
    .addOption(new Option('--lang <locale>', 'language of names and headings').choices(['en', 'zh-CN']).default('en'));
}

/** The `PolicySelection` for some products and the shared flags. */
export function toSelection(products: readonly string[], flags: SelectionFlags): PolicySelection {
  if (flags.source !== undefined && !flags.ingress) {
    throw new ApplePortsError([{ code: 'invalid-destination', message: '--source names who may connect in, so it needs --ingress. Use --destination for where egress may go.' }]);
  }
  if (flags.destination !== undefined && flags.ingress) {
    throw new ApplePortsError([{ code: 'invalid-destination', message: '--destination is where egress may go. With --ingress, name who may connect in with --source.' }]);
  }
  const destinations = [...(flags.source ?? []), ...(flags.destination ?? []), ...(flags.appleNetwork ? ['apple-network'] : [])];
  return {
    products,
    profiles: flags.profile ?? [],
    ...(flags.ingress ? { direction: 'ingress' as const } : {}),
    ...(destinations.length > 0 ? { destinations } : {}),
    ipv6: flags.ipv6 ?? false,
    includeLegacy: flags.includeLegacy ?? false,
    includeLinkLocal: flags.includeLinkLocal ?? false,
    exclude: flags.exclude ?? [],
    ...(flags.maxRules !== undefined ? { maxRules: flags.maxRules } : {}),
  };
}
