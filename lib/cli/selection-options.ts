/**
 * The selection flags `resolve` and `diff` share, and how they become a `PolicySelection`: names
 * typed on the command line go through `parseSelection`, and the resolver checks the rest, both
 * speaking the command's flags (`cliTerms`).
 */
import type { Command } from 'commander';
import { ApplePortsError, getNetwork, parseSelection, type PolicySelection } from '../core';
import { collect, destinationOption, excludeOption, includeLegacyOption, integer, langOption, profileOption } from './options';
import { cliTerms } from './terms';

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

/** Adds the selection flags to a command. */
export function addSelectionOptions(command: Command): Command {
  return command
    .addOption(profileOption())
    .option('--ingress', 'rules for connections into the Apple devices (default: egress, or the profiles\' direction)')
    .option('--source <peer>', 'with --ingress: who may connect in (CIDR, sg-…, pl-…); repeatable or comma-separated', collect)
    .addOption(destinationOption('CIDR, sg-…, pl-…', 'anywhere'))
    .option('--ipv6', "add ::/0 to 'anywhere' and Apple's IPv6 subnets to --apple-network")
    .option('--apple-network', `narrow services that only talk to Apple (APNs) to Apple's network, ${getNetwork('apple').ipv4.join(', ')}`)
    .addOption(includeLegacyOption())
    .option('--include-link-local', 'keep traffic that never leaves the local link (Bonjour, SSDP, NAT-PMP), which never crosses a VPC')
    .addOption(excludeOption())
    .option('--max-rules <n>', 'the most rules per address family; smallest gaps are closed to fit', integer('--max-rules 20'))
    .addOption(langOption());
}

/** The `PolicySelection` for some products and the shared flags of `command`. */
export function toSelection(products: readonly string[], flags: SelectionFlags, command: string): PolicySelection {
  if (flags.source !== undefined && !flags.ingress) {
    throw new ApplePortsError([{ code: 'invalid-destination', message: '--source names who may connect in, so it needs --ingress. Use --destination for where egress may go.' }]);
  }
  if (flags.destination !== undefined && flags.ingress) {
    throw new ApplePortsError([{ code: 'invalid-destination', message: '--destination is where egress may go. With --ingress, name who may connect in with --source.' }]);
  }
  const names = parseSelection({ products, profiles: flags.profile ?? [], exclude: flags.exclude ?? [] }, { terms: cliTerms(command) });
  const destinations = [...(flags.source ?? []), ...(flags.destination ?? []), ...(flags.appleNetwork ? ['apple-network'] : [])];
  return {
    products: names.products,
    profiles: names.profiles,
    ...(flags.ingress ? { direction: 'ingress' as const } : {}),
    ...(destinations.length > 0 ? { destinations } : {}),
    ipv6: flags.ipv6 ?? false,
    includeLegacy: flags.includeLegacy ?? false,
    includeLinkLocal: flags.includeLinkLocal ?? false,
    exclude: names.exclude,
    ...(flags.maxRules !== undefined ? { maxRules: flags.maxRules } : {}),
  };
}
