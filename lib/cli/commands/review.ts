/**
 * `apple-ports review <cdk.out>`: the review of every apple-ports construct of a cloud assembly;
 * with `--base <cdk.out>`, what changed since the base, exiting 1 when anything did (0 when
 * nothing did), so a CI job can post the document on a pull request only when it matters.
 */
import type { Locale } from '../../core';
import { renderAssemblyDiff, renderAssemblyReview, type AssemblyDiffFormat, type AssemblyReviewFormat } from '../assembly-review';
import { readCloudAssembly } from '../cloud-assembly';
import { EXIT_CHANGED, EXIT_OK, UsageError } from '../io';
import { formatOption, langOption } from '../options';
import { examples, type RegisterCommand } from './command';

/** Adds `review` to the program. */
export const registerReview: RegisterCommand = (program, { io, outcome }) => {
  program
    .command('review')
    .description('the review of every apple-ports construct in a CDK cloud assembly (cdk.out); with --base, what changed since another')
    .argument('<assembly>', 'the cloud assembly directory `cdk synth` writes (cdk.out)')
    .option('--base <assembly>', 'the cloud assembly to compare with, e.g. synthesized from the pull request\'s base branch')
    .addOption(formatOption(['text', 'markdown', 'json', 'csv'], 'text'))
    .addOption(langOption())
    .addHelpText(
      'after',
      `\nWith --base, the exit code is 0 when no policy changed and 1 when one did (2 for a usage error).\n${examples(
        'review cdk.out',
        'review cdk.out --format markdown --lang zh-CN',
        'review cdk.out --base base/cdk.out --format markdown',
      )}`,
    )
    .action((assembly: string, options: { base?: string; format: AssemblyReviewFormat; lang: Locale }) => {
      const head = readCloudAssembly(assembly);
      if (options.base === undefined) {
        io.stdout(renderAssemblyReview(head, assembly, options.format, options.lang));
        return;
      }
      if (options.format === 'csv') {
        throw new UsageError('--format csv prints a review; with --base, use --format text, markdown or json.');
      }
      const base = readCloudAssembly(options.base);
      const diff = renderAssemblyDiff(base, head, { base: options.base, head: assembly }, options.format as AssemblyDiffFormat, options.lang);
      io.stdout(diff.text);
      outcome.exitCode = diff.changed ? EXIT_CHANGED : EXIT_OK;
    });
};
