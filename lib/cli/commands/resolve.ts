/** `apple-ports resolve`: the firewall rules for Apple products, and why each exists. */
import { resolve } from '../../core';
import { renderReview } from '../../review';
import { formatOption, splitList } from '../options';
import { addSelectionOptions, toSelection, type SelectionFlags } from '../selection-options';
import { cliTerms } from '../terms';
import { examples, type RegisterCommand } from './command';

/** Adds `resolve` to the program. */
export const registerResolve: RegisterCommand = (program, { io }) => {
  addSelectionOptions(
    program
      .command('resolve')
      .description('the firewall rules for Apple products, and why each exists')
      .argument('[products...]', 'Apple products by id, alias or name (space- or comma-separated)'),
  )
    .addOption(formatOption(['table', 'markdown', 'json', 'csv'], 'table'))
    .addHelpText(
      'after',
      `\n--format json prints the ResolvedPolicy; table, markdown and csv print the review.\n${examples(
        'resolve iCloud FaceTime',
        'resolve iCloud FaceTime --ipv6 --format markdown',
        'resolve --profile managed-mac --max-rules 20 --format csv',
        'resolve ScreenSharing SSH --ingress --source sg-0123456789abcdef0',
        'resolve FaceTime --lang zh-CN',
      )}`,
    )
    .action((products: string[], options: SelectionFlags & { format: 'table' | 'markdown' | 'json' | 'csv' }) => {
      const policy = resolve(toSelection(splitList(products), options, 'resolve'), { terms: cliTerms('resolve') });
      if (options.format === 'json') {
        io.stdout(`${JSON.stringify(policy, null, 2)}\n`);
      } else {
        io.stdout(renderReview(policy, { format: options.format === 'table' ? 'text' : options.format, locale: options.lang }));
      }
    });
};
