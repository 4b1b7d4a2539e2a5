/** `apple-ports firewall`: an AWS Network Firewall rule group for Apple products. */
import { parseSelection, planFirewallRules, type Locale } from '../../core';
import { firewallListing, type FirewallListingFormat } from '../firewall-listing';
import { collect, destinationOption, excludeOption, formatOption, hostGroupOption, includeLegacyOption, integer, langOption, platformOption, profileOption, sidBaseOption, splitList } from '../options';
import { cliTerms } from '../terms';
import { examples, type RegisterCommand } from './command';

/** The flags of `firewall` as commander parses them. */
interface FirewallFlags {
  readonly profile?: string[];
  readonly hostGroup?: string[];
  readonly platform?: string[];
  readonly destination?: string[];
  readonly homeNet?: string[];
  readonly sidBase?: number;
  readonly capacity?: number;
  readonly ipv6?: boolean;
  readonly includeLegacy?: boolean;
  readonly exclude?: string[];
  readonly format: FirewallListingFormat;
  readonly lang: Locale;
}

/** Adds `firewall` to the program. */
export const registerFirewall: RegisterCommand = (program, { io }) => {
  program
    .command('firewall')
    .description('an AWS Network Firewall stateful rule group for Apple products: host-name rules for the hosts Apple lists, port rules for the rest')
    .argument('[products...]', 'Apple products by id, alias or name (space- or comma-separated)')
    .addOption(profileOption())
    .addOption(hostGroupOption())
    .addOption(platformOption())
    .addOption(destinationOption("CIDRs, 'anywhere' or 'apple-network'", "'apple-network': Apple's network for the services only it serves, anywhere for the rest"))
    .option('--home-net <cidr>', "the rule group's HOME_NET: the CIDRs the Apple devices are in; repeatable or comma-separated (default: the firewall policy's)", collect)
    .addOption(sidBaseOption())
    .option('--capacity <n>', 'the capacity to reserve, for the catalogue to grow (default: the rule count × 1.5, rounded up to a whole 100)', integer('--capacity 100'))
    .option('--ipv6', "add Apple's APNs IPv6 subnets to the rules bound for Apple's network")
    .addOption(includeLegacyOption())
    .addOption(excludeOption())
    .addOption(formatOption(['text', 'rules', 'json'], 'text'))
    .addOption(langOption())
    .addHelpText(
      'after',
      `\n--format rules prints the rules string alone; json prints the plan from planFirewallRules().\n${examples(
        'firewall iCloud FaceTime',
        'firewall SoftwareUpdate --host-group certificate-validation --home-net 10.0.0.0/16 --format rules',
        'firewall --profile managed-mac --sid-base 2000000 --capacity 100 --format json',
      )}`,
    )
    .action((products: string[], options: FirewallFlags) => {
      const terms = cliTerms('firewall');
      const names = parseSelection(
        {
          products: splitList(products),
          profiles: options.profile ?? [],
          hostGroups: options.hostGroup ?? [],
          exclude: options.exclude ?? [],
          ...(options.platform !== undefined ? { platforms: options.platform } : {}),
        },
        { terms },
      );
      const plan = planFirewallRules(
        {
          ...names,
          // planFirewallRules checks the destinations and says how to fix them.
          ...(options.destination !== undefined ? { destinations: options.destination } : {}),
          ipv6: options.ipv6 ?? false,
          includeLegacy: options.includeLegacy ?? false,
        },
        {
          terms,
          ...(options.sidBase !== undefined ? { sidBase: options.sidBase } : {}),
          ...(options.capacity !== undefined ? { capacity: options.capacity } : {}),
          ...(options.homeNet !== undefined ? { homeNet: options.homeNet } : {}),
        },
      );
      io.stdout(firewallListing(plan, options.format, options.lang));
    });
};
