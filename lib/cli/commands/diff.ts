/** `apple-ports diff`: what changes in the firewall between two selections of products, and why. */
import { resolve, type ResolvedPolicy } from '../../core';
import { diffPolicies, emptyPolicy, renderPolicyDiff } from '../../review';
import { formatOption, splitList } from '../options';
import { addSelectionOptions, toSelection, type SelectionFlags } from '../selection-options';
import { cliTerms } from '../terms';
import { examples, type RegisterCommand } from './command';

function resolveSide(products: readonly string[], flags: SelectionFlags): ResolvedPolicy {
  if (products.length === 0 && (flags.profile ?? []).length === 0) {
    return emptyPolicy(flags.ingress ? 'ingress' : 'egress', flags.maxRules);
  }
  return resolve(toSelection(products, flags, 'diff'), { terms: cliTerms('diff') });
}

/** Adds `diff` to the program. */
export const registerDiff: RegisterCommand = (program, { io }) => {
  addSelectionOptions(
    program
      .command('diff')
      .description('what changes in the firewall between two selections of products, and why')
      .requiredOption('--from <products>', 'the products before, comma-separated ("" for none)')
      .requiredOption('--to <products>', 'the products after, comma-separated ("" for none)'),
  )
    .addOption(formatOption(['text', 'markdown', 'json'], 'text'))
    .addHelpText(
      'after',
      `\nThe selection flags apply to both sides.\n${examples(
        'diff --from iCloud --to iCloud,FaceTime',
        'diff --from FaceTime --to FaceTime,Messages --format markdown',
        'diff --from "" --to GameCenter --max-rules 5',
      )}`,
    )
    .action((options: SelectionFlags & { from: string; to: string; format: 'text' | 'markdown' | 'json' }) => {
      const before = resolveSide(splitList([options.from]), options);
      const after = resolveSide(splitList([options.to]), options);
      io.stdout(renderPolicyDiff(diffPolicies(before, after), { format: options.format, locale: options.lang }));
    });
};
