/** `apple-ports profiles`: the named bundles, their direction, products and the ports they open by default. */
import type { Locale } from '../../core';
import { profileListing, type ListingFormat } from '../listings';
import { formatOption, langOption } from '../options';
import type { RegisterCommand } from './command';

/** Adds `profiles` to the program. */
export const registerProfiles: RegisterCommand = (program, { io }) => {
  program
    .command('profiles')
    .description('list every profile (a named bundle of products) with its names, direction, products and the ports it opens by default')
    .addOption(formatOption(['table', 'json'], 'table'))
    .addOption(langOption())
    .action((options: { format: ListingFormat; lang: Locale }) => io.stdout(profileListing(options.format, options.lang)));
};
