/** `apple-ports hosts`: every host Apple lists for a selection, for proxies, DNS firewalls and Network Firewall. */
import { HOST_FILE_FORMATS, hostGroups, hostsFor, parseSelection, type HostFileFormat, type Locale } from '../../core';
import { hostListing, type HostListingFormat } from '../host-listing';
import { formatOption, hostGroupOption, langOption, platformOption, profileOption, splitList } from '../options';
import { cliTerms } from '../terms';
import { examples, type RegisterCommand } from './command';
import { hostFileOutput, isHostFileFormat, type HostFileFlags } from './host-files';

/** What each of the hosts command's formats is for. */
const HOST_FORMAT_HELP = [
  'Formats:',
  '  table, markdown  the hosts for people, with ports, categories, products and notes',
  '  json             the HostList that hostsFor() returns',
  '  csv              one record per host and port',
  '  domains          one domain per line, for tools where an entry covers its subdomains',
  '  wildcards        one name per line as Apple writes it (*.push.apple.com)',
  '  squid            a Squid dstdomain ACL (.push.apple.com)',
  '  pac              a proxy auto-config file sending the hosts DIRECT (or to --pac-route)',
  '  paloalto         a PAN-OS URL list (*.push.apple.com/) for a No Decrypt rule',
  '  zscaler          a Zscaler URL category list (.push.apple.com) for an SSL inspection bypass',
  '  netskope         a Netskope URL list (*.push.apple.com) for a Do Not Decrypt policy',
].join('\n');

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
    .addOption(profileOption())
    .addOption(hostGroupOption())
    .addOption(platformOption())
    .addOption(formatOption(['table', 'markdown', 'json', 'csv', ...HOST_FILE_FORMATS], 'table'))
    .option('--squid-acl <name>', "with --format squid: the ACL's name (default: apple)")
    .option('--pac-route <route>', "with --format pac: where Apple's hosts go, DIRECT or 'PROXY host:port' (default: DIRECT)")
    .option('--pac-otherwise <route>', "with --format pac: where everything else goes, e.g. 'PROXY proxy.example.com:3128' (default: DIRECT)")
    .addOption(langOption())
    .addHelpText(
      'after',
      `\n${HOST_FORMAT_HELP}\n\nHost groups:\n${hostGroupHelp()}\n${examples(
        'hosts iCloud FaceTime',
        'hosts SoftwareUpdate --host-group certificate-validation --format csv',
        'hosts --profile managed-mac --format markdown --lang zh-CN',
        'hosts DeviceManagement --format json',
        'hosts --profile ec2-mac-build-host --platform macOS --format squid',
        "hosts iCloud SoftwareUpdate --format pac --pac-otherwise 'PROXY proxy.example.com:3128'",
      )}`,
    )
    .action(
      (products: string[], options: HostFileFlags & { profile?: string[]; hostGroup?: string[]; platform?: string[]; format: HostListingFormat | HostFileFormat; lang: Locale }) => {
        const terms = cliTerms('hosts');
        const selection = parseSelection(
          { products: splitList(products), profiles: options.profile ?? [], hostGroups: options.hostGroup ?? [], ...(options.platform !== undefined ? { platforms: options.platform } : {}) },
          { terms },
        );
        const list = hostsFor(selection, { terms });
        io.stdout(isHostFileFormat(options.format) ? hostFileOutput(list, options.format, options, terms) : hostListing(list, options.format, options.lang));
      },
    );
};
