/**
 * `apple-ports changes`: what each catalogue version changed, and what it opened, closed or
 * narrowed for a selection; `--fail-on-widen` makes a CI job fail when an upgrade widens a policy.
 */
import { ApplePortsError } from '../../core';
import { catalogueChanges, renderCatalogueChanges, type CatalogueChangesFormat } from '../../review';
import { EXIT_CHANGED } from '../io';
import { formatOption, splitList } from '../options';
import { addSelectionOptions, toSelection, type SelectionFlags } from '../selection-options';
import { cliTerms } from '../terms';
import { examples, type RegisterCommand } from './command';

/** The options of `changes` as commander parses them. */
interface ChangesFlags extends SelectionFlags {
  readonly since?: string;
  readonly format: CatalogueChangesFormat;
  readonly failOnWiden?: boolean;
}

/** Adds `changes` to the program. */
export const registerChanges: RegisterCommand = (program, { io, outcome }) => {
  addSelectionOptions(
    program
      .command('changes')
      .description('what each catalogue version changed, and what it opened, closed or narrowed for the products selected')
      .argument('[products...]', 'Apple products by id, alias or name (space- or comma-separated); none for the change log alone')
      .option('--since <version>', 'list the catalogue versions after this one (YYYYMMDDNN; default: every version)'),
  )
    .addOption(formatOption(['text', 'markdown', 'json'], 'text'))
    .option('--fail-on-widen', `exit ${EXIT_CHANGED} when a version opens ports for the selection that the version before it did not`)
    .addHelpText(
      'after',
      `\n--format json prints the CatalogueChanges that catalogueChanges() returns. Exit codes: 0, or ${EXIT_CHANGED} with --fail-on-widen when a version widens the policy; 2 for a usage error.\n${examples(
        'changes',
        'changes iCloud FaceTime --since 2026112600',
        'changes --profile managed-mac --format markdown --lang zh-CN',
        'changes --profile ec2-mac-build-host --since 2026112600 --fail-on-widen',
      )}`,
    )
    .action((products: string[], options: ChangesFlags) => {
      const names = splitList(products);
      if (options.failOnWiden && names.length === 0 && (options.profile ?? []).length === 0) {
        throw new ApplePortsError([
          { code: 'empty-selection', message: '--fail-on-widen needs products or profiles: it fails when a catalogue version opens ports for them.' },
        ]);
      }
      const changes = catalogueChanges(toSelection(names, options, 'changes'), {
        ...(options.since !== undefined ? { since: options.since } : {}),
        terms: cliTerms('changes'),
      });
      io.stdout(renderCatalogueChanges(changes, { format: options.format, locale: options.lang }));
      if (options.failOnWiden && changes.widens) {
        outcome.exitCode = EXIT_CHANGED;
      }
    });
};
