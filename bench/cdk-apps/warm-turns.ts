/**
 * A process of its own that builds and synthesizes the example app and the hand-written app in
 * alternating turns, as a test file or a long-running tool that builds many apps does, and prints
 * the median of each turn's ratio and both medians as JSON. Run by bench/cdk.ts:
 * `node --import tsx bench/cdk-apps/warm-turns.ts <turns> <outdir>`.
 */
import { join } from 'node:path';
import { buildExample } from '../../examples/cdk/stacks';
import { exampleRules } from './example-rules';
import { buildHandWritten } from './hand-written';
import { median, newApp, runTimes, scriptArguments } from './timing';

const [turns, outdir] = scriptArguments('warm-turns.ts', ['turns', 'outdir']) as [string, string];
const rules = exampleRules(newApp(join(outdir, 'reference')));
const [exampleTimes, handTimes] = runTimes([(app) => buildExample(app), (app) => buildHandWritten(app, rules)], (b) => join(outdir, String(b)), Number(turns));
process.stdout.write(
  JSON.stringify({
    exampleMs: median(exampleTimes!),
    handMs: median(handTimes!),
    // The ratio of each turn's two runs, whose machine state was alike, then the median of those.
    ratio: median(exampleTimes!.map((ms, turn) => ms / handTimes![turn]!)),
  }),
);
