/** `apple-ports products`: every product with its names, aliases, status and port count. */
import type { Locale } from '../../core';
import { productListing, type ListingFormat } from '../listings';
import { formatOption, langOption } from '../options';
import type { RegisterCommand } from './command';

/** Adds `products` to the program. */
export const registerProducts: RegisterCommand = (program, { io }) => {
  program
    .command('products')
    .description('list every Apple product with its English and Chinese names, aliases, status and port count')
    .addOption(formatOption(['table', 'json'], 'table'))
    .addOption(langOption())
    .action((options: { format: ListingFormat; lang: Locale }) => io.stdout(productListing(options.format, options.lang)));
};
