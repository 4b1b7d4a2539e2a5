/** `apple-ports hosts`: every host Apple lists for a selection, for proxies, DNS firewalls and Network Firewall. */
import { hostGroups, hostsFor, parseSelection, type Locale } from '../../core';
import { hostListing, type HostListingFormat } from '../host-listing';
import { collect, formatOption, langOption, splitList } from '../options';
import { cliTerms } from '../terms';
import { examples, type RegisterCommand } from './command';

/** The host groups for `--help`, one aligned line each. */
export function hostGroupHelp(): string {
  const idWidth = Math.max(...hostGroups.map((g) => g.id.length));
  return hostGroups.map((g) => `  ${g.id.padEnd(idWidth)}  ${g.category}`).join('\n');
}

/** Adds `hosts` to the program. */
export const registerHosts: RegisterCommand = (program, { io }) => {
  program
    .command('hosts')
    .description('every host Apple lists for Apple products on enterprise networks (article 101555), with its ports, category, products and notes')
    .argument('[products...]', 'Apple products by id, alias or name (space- or comma-separated)')
    .option('--profile <profile>', 'add a profile (a named bundle of products); repeatable', collect)
    .option('--host-group <group>', 'add a category of the article by id, for hosts no product stands for; repeatable or comma-separated', collect)
    .addOption(formatOption(['table', 'markdown', 'json', 'csv'], 'table'))
    .addOption(langOption())
    .addHelpText(
      'after',
      `\n--format json prints the HostList that hostsFor() returns.\n\nHost groups:\n${hostGroupHelp()}\n${examples(
        'hosts iCloud FaceTime',
        'hosts SoftwareUpdate --host-group certificate-validation --format csv',
        'hosts --profile managed-mac --format markdown --lang zh-CN',
        'hosts DeviceManagement --format json',
      )}`,
    )
    .action((products: string[], options: { profile?: string[]; hostGroup?: string[]; format: HostListingFormat; lang: Locale }) => {
      const terms = cliTerms('hosts');
      const selection = parseSelection({ products: splitList(products), profiles: options.profile ?? [], hostGroups: options.hostGroup ?? [] }, { terms });
      io.stdout(hostListing(hostsFor(selection, { terms }), options.format, options.lang));
    });
};
