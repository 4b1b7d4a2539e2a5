/** `apple-ports lookup`: every Apple service and product that uses a port. */
import type { Locale } from '../../core';
import { portLookup, type ListingFormat } from '../listings';
import { formatOption, langOption, portQuery, type PortQuery } from '../options';
import { examples, type RegisterCommand } from './command';

/** Adds `lookup` to the program. */
export const registerLookup: RegisterCommand = (program, { io }) => {
  program
    .command('lookup')
    .description('every Apple service and product that uses a port (for reading VPC Flow Logs or a blocked connection)')
    .argument('<port>', 'a port, optionally with its protocol: 5223, 5223/tcp, 3478/udp', portQuery)
    .addOption(formatOption(['table', 'json'], 'table'))
    .addOption(langOption())
    .addHelpText('after', examples('lookup 5223', 'lookup 3478/udp --format json'))
    .action((query: PortQuery, options: { format: ListingFormat; lang: Locale }) => io.stdout(portLookup(query, options.format, options.lang)));
};
