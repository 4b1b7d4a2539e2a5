/**
 * CDK benchmark: the example app against a hand-written app with the same resources and rules —
 * template size (the constructs should add nothing a careful hand-written template lacks), build +
 * synth time in processes that build many apps, what one `cdk synth` of each costs in a fresh
 * process (loading the modules included), and how synthesis time grows with the number of
 * constructs (linearly).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Stack, type App } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { AppleServicesEgress } from '../lib/cdk';
import { POLICY_METADATA_KEY } from '../lib/review/policy-record';
import { exampleRules } from './cdk-apps/example-rules';
import { buildHandWritten } from './cdk-apps/hand-written';
import type { LoadedLibrary, SynthResult } from './cdk-apps/synth-once';
import { median, newApp, runTimes, type Build } from './cdk-apps/timing';

const ROOT = join(__dirname, '..');
/** The repository's tsconfig: its paths resolve `apple-ports` to the TypeScript in lib/. */
const REPO_TSCONFIG = join(ROOT, 'tsconfig.json');

/** The example's templates, less the policy records, may be this much larger than the hand-written ones. */
const MAX_TEMPLATE_RATIO = 1.05;
/**
 * The example's build + synth time in a process that builds many apps may be this multiple of the
 * hand-written app's. The constructs' own work (resolving three selections, raising four warnings
 * through CDK's Annotations, each of which captures a full stack trace, the ledgers, validations
 * and the policy records `apple-ports review` reads) is 2 to 4 ms of CDK's 25, and the ratio
 * measures 1.0 to 1.23 from one process to the next on a 2-core machine: whether V8 optimizes the
 * library's functions, called a few times between long stretches of CDK's, varies. The median of
 * five processes has read 1.08 to 1.15, so the bound fails once that work grows by about half to
 * double, and not on the noise.
 */
const MAX_WARM_RATIO = 1.2;
/**
 * A `cdk synth` of the example with apple-ports installed as built for npm, from process start to
 * the templates written, may be this multiple of the hand-written app's. Loading apple-ports is
 * most of the 50 to 90 ms the library adds to a synth of about 550 (the ratio has read 1.05 to
 * 1.14); the bound fails once that cost about doubles.
 */
const MAX_INSTALLED_SYNTH_RATIO = 1.25;
/** Time per construct at 100 constructs may be at most this multiple of the time at 10. */
const MAX_PER_CONSTRUCT_GROWTH = 2;
/** Processes that each time the two apps in alternating turns; the median of their ratios counts. */
const WARM_PROCESSES = 5;
/** The ratio of two ~25 ms timings needs many turns to settle on a shared machine. */
const WARM_TURNS = 41;
/** Rounds of one fresh-process `cdk synth` per app. */
const SYNTH_ROUNDS = 15;

/**
 * The tsx settings of the bench's own process stay out of its children: each child names the
 * tsconfig it resolves `apple-ports` with, and keeps tsx's compile cache on.
 */
function childEnv(tsconfig: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, TSX_TSCONFIG_PATH: tsconfig };
  delete env.TSX_DISABLE_CACHE;
  return env;
}

/** Runs a bench/cdk-apps script under tsx in a process of its own and returns its JSON output. */
function runScript<T>(script: string, args: readonly string[], tsconfig = REPO_TSCONFIG): T {
  const command = `bench/cdk-apps/${script} ${args.join(' ')}`;
  const child = spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, 'cdk-apps', script), ...args], { cwd: ROOT, encoding: 'utf8', env: childEnv(tsconfig) });
  if (child.status !== 0) {
    const why = child.error?.message ?? (child.signal ? `killed by ${child.signal}` : `exit code ${child.status}`);
    throw new Error(`${command} failed (${why}): ${child.stderr}`);
  }
  try {
    return JSON.parse(child.stdout) as T;
  } catch {
    throw new Error(`${command} printed no JSON: ${JSON.stringify(child.stdout)}`);
  }
}

/** What bench/cdk-apps/warm-turns.ts prints. */
interface WarmResult {
  readonly exampleMs: number;
  readonly handMs: number;
  readonly ratio: number;
}

/** The apps timed one `cdk synth` per fresh process, and the copy of apple-ports each must load. */
const SYNTH_APPS = [
  { key: 'source', name: 'example, apple-ports as TypeScript (as this repository runs it)', app: 'example', tsconfig: REPO_TSCONFIG, library: 'source' },
  { key: 'installed', name: 'example, apple-ports as built for npm (dist/)', app: 'example', tsconfig: join(__dirname, 'cdk-apps', 'tsconfig.package.json'), library: 'package' },
  { key: 'hand', name: 'hand-written (plain aws-cdk-lib)', app: 'hand-written', tsconfig: REPO_TSCONFIG, library: 'none' },
] as const satisfies readonly { key: string; name: string; app: string; tsconfig: string; library: LoadedLibrary }[];

type SynthApp = (typeof SYNTH_APPS)[number];

/**
 * Rounds of fresh processes, one `cdk synth` each, the apps taking turns to go first: what a user
 * waits for when `cdk synth` runs the example, against the same stacks written by hand. One round
 * before them fills tsx's compile cache. Returns each app's runs, round by round.
 */
function synthRounds(outdir: string, rulesFile: string): Record<SynthApp['key'], SynthResult[]> {
  const once = ({ key, app, tsconfig, library }: SynthApp) => {
    const result = runScript<SynthResult>('synth-once.ts', [app, join(outdir, key), ...(app === 'hand-written' ? [rulesFile] : [])], tsconfig);
    if (result.library !== library) {
      throw new Error(`The ${key} synth loaded apple-ports as '${result.library}' where '${library}' was expected, so the comparison would be wrong.`);
    }
    return result;
  };
  SYNTH_APPS.forEach(once);
  const runs = { source: [] as SynthResult[], installed: [] as SynthResult[], hand: [] as SynthResult[] };
  for (let round = 0; round < SYNTH_ROUNDS; round++) {
    for (let turn = 0; turn < SYNTH_APPS.length; turn++) {
      const app = SYNTH_APPS[(round + turn) % SYNTH_APPS.length]!;
      runs[app.key].push(once(app));
    }
  }
  return runs;
}

/** The newest modification time of the files under `dir`. */
function newestMtime(dir: string): number {
  return Math.max(...readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((file) => statSync(join(dir, file)).mtimeMs));
}

/** The installed-package synth loads dist/: refuse one older than lib/ (`npm run bench` builds it first). */
function checkBuiltPackage(): void {
  const built = join(ROOT, 'dist', 'lib', 'cdk', 'index.js');
  let builtAt: number;
  try {
    builtAt = statSync(built).mtimeMs;
  } catch {
    throw new Error(`${built} is missing: run npm run build (npm run bench does) before timing the built package.`);
  }
  if (newestMtime(join(ROOT, 'lib')) > builtAt) {
    throw new Error(`dist/ is older than lib/: run npm run build (npm run bench does) before timing the built package.`);
  }
}

/** Constructs per stack in the scaling run: 10 resources each keeps stacks under CloudFormation's 500. */
const CONSTRUCTS_PER_STACK = 25;

/**
 * `count` AppleServicesEgress constructs sharing one VPC, each with its own security group and
 * network ACL, spread over stacks of at most CONSTRUCTS_PER_STACK.
 */
function buildScaled(app: App, count: number): void {
  const vpc = new ec2.Vpc(new Stack(app, 'Network'), 'Vpc', { maxAzs: 2, natGateways: 1 });
  let stack: Stack | undefined;
  for (let i = 0; i < count; i++) {
    if (i % CONSTRUCTS_PER_STACK === 0) {
      stack = new Stack(app, `Desktops${i / CONSTRUCTS_PER_STACK}`);
    }
    const networkAcl = new ec2.NetworkAcl(stack!, `Acl${i}`, { vpc });
    new AppleServicesEgress(stack!, `Desktops${i}`, { products: ['iCloud', 'FaceTime'], vpc, networkAcl });
  }
}

/**
 * Where the hand-written app is not the example's stacks: a stack with other resource types or
 * counts, or a resource with the same logical id (the VPC, its subnets, routes, gateways, flow
 * logs, the bastion group) but other properties.
 */
function stackDifferences(example: App, hand: App): string[] {
  const handAssembly = hand.synth();
  return example.synth().stacks.flatMap((stack) => {
    type Resources = Record<string, { Type: string }>;
    const ours = (stack.template as { Resources: Resources }).Resources;
    const theirs = (handAssembly.getStackByName(stack.stackName).template as { Resources: Resources }).Resources;
    const types = (resources: Resources) => Object.values(resources).map((resource) => resource.Type).sort().join(', ');
    const differences = types(ours) === types(theirs) ? [] : [`${stack.stackName}: resource types ${types(ours)} against ${types(theirs)}`];
    const changed = Object.keys(ours).filter((id) => theirs[id] !== undefined && JSON.stringify(ours[id]) !== JSON.stringify(theirs[id]));
    return [...differences, ...changed.map((id) => `${stack.stackName}: ${id} differs`)];
  });
}

/** Bytes of JSON as `cdk synth` writes templates (indented by one space). */
const jsonBytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value, undefined, 1));

/** Bytes of every stack's template, whole and without the apple-ports policy records. */
function templateBytes(app: App): { whole: number; withoutRecords: number } {
  let whole = 0;
  let withoutRecords = 0;
  for (const stack of app.synth().stacks) {
    const template = stack.template as { Metadata?: Record<string, unknown> };
    whole += jsonBytes(template);
    const metadata = { ...template.Metadata };
    delete metadata[POLICY_METADATA_KEY];
    const rest = { ...template, Metadata: Object.keys(metadata).length > 0 ? metadata : undefined };
    withoutRecords += jsonBytes(rest);
  }
  return { whole, withoutRecords };
}

/** Median milliseconds to build and synthesize each app, after warm-up. */
function medianMs(builds: readonly Build[], outdir: string, iterations: number): number[] {
  return runTimes(builds, (b) => join(outdir, String(b)), iterations).map(median);
}

const toDigits = (value: number, digits = 1) => Number(value.toFixed(digits));

/** Prints the CDK tables; returns false when a target is missed. */
export async function run(): Promise<boolean> {
  const outdir = mkdtempSync(join(tmpdir(), 'apple-ports-bench-'));
  try {
    const reference = newApp(join(outdir, 'reference'));
    const rules = exampleRules(reference);
    const handApp = newApp(join(outdir, 'hand-check'));
    buildHandWritten(handApp, rules);
    const differences = stackDifferences(reference, handApp);
    if (differences.length > 0) {
      console.log(`\nCDK: the hand-written app is not the example's stacks, so the comparisons below are off:\n${differences.join('\n')}`);
    }
    const exampleBytes = templateBytes(reference);
    const handBytes = templateBytes(handApp);
    const templateRatio = exampleBytes.withoutRecords / handBytes.withoutRecords;
    console.log('\nCDK: template bytes of the example app against the same stacks written by hand (JSON as cdk synth writes it)');
    console.table([
      { app: 'example (apple-ports constructs)', 'bytes': exampleBytes.whole, [`bytes without ${POLICY_METADATA_KEY}`]: exampleBytes.withoutRecords },
      { app: 'hand-written (plain aws-cdk-lib)', 'bytes': handBytes.whole, [`bytes without ${POLICY_METADATA_KEY}`]: handBytes.withoutRecords },
      { app: `ratio (target <= ${MAX_TEMPLATE_RATIO} without the records)`, 'bytes': toDigits(exampleBytes.whole / handBytes.whole, 2), [`bytes without ${POLICY_METADATA_KEY}`]: toDigits(templateRatio, 3) },
    ]);
    console.log(
      `The ${exampleBytes.whole - exampleBytes.withoutRecords} bytes between the two are the templates' ${POLICY_METADATA_KEY} Metadata: each construct's resolved policy, which apple-ports review and diff read back; a hand-written template has no equivalent. The rest is the same resources and rules.`,
    );

    const warm = Array.from({ length: WARM_PROCESSES }, (_, p) => runScript<WarmResult>('warm-turns.ts', [String(WARM_TURNS), join(outdir, `warm-${p}`)]));
    const warmRatio = median(warm.map((w) => w.ratio));
    console.log(
      `\nCDK: build + synth of the example app against the same stacks written by hand, in processes that build many apps (${WARM_PROCESSES} processes of ${WARM_TURNS} alternating turns: each process's medians and the median of its turns' ratios; built-in CloudFormation validation off: its WASM engine costs both apps the same)`,
    );
    console.table([
      ...warm.map((w, p) => ({ process: p + 1, 'example ms': toDigits(w.exampleMs), 'hand-written ms': toDigits(w.handMs), 'ratio per turn, median': toDigits(w.ratio, 3) })),
      { process: `median (target <= ${MAX_WARM_RATIO})`, 'example ms': '', 'hand-written ms': '', 'ratio per turn, median': toDigits(warmRatio, 3) },
    ]);
    console.log('The difference is the work the hand-written app skips: resolving the selections, raising their warnings (CDK captures a stack trace for each) and writing the policy records.');

    checkBuiltPackage();
    const rulesFile = join(outdir, 'rules.json');
    writeFileSync(rulesFile, JSON.stringify(rules));
    const synthRuns = synthRounds(outdir, rulesFile);
    const handRuns = synthRuns.hand;
    const medianOf = (runs: readonly SynthResult[], phase: Exclude<keyof SynthResult, 'library'>) => median(runs.map((r) => r[phase]));
    const processRatio = (runs: readonly SynthResult[]) => median(runs.map((r, round) => r.processMs / handRuns[round]!.processMs));
    console.log(
      `\nCDK: one cdk synth per fresh process, without the CDK CLI and cdk.json's context (${SYNTH_ROUNDS} rounds, the apps taking turns to go first; built-in CloudFormation validation off, as above): medians, and the median of each round's ratio to the hand-written app (target <= ${MAX_INSTALLED_SYNTH_RATIO} for the built package)`,
    );
    console.table(
      SYNTH_APPS.map(({ key, name }) => {
        const runs = synthRuns[key];
        return {
          app: name,
          'load apple-ports/cdk ms': key === 'hand' ? '' : toDigits(medianOf(runs, 'libraryLoadMs')),
          'load the app ms': toDigits(medianOf(runs, 'loadMs')),
          'build + synth ms': toDigits(medianOf(runs, 'buildSynthMs')),
          'process start to templates ms': toDigits(medianOf(runs, 'processMs')),
          'ratio from process start': key === 'hand' ? '' : toDigits(processRatio(runs), 3),
        };
      }),
    );
    const added = (key: SynthApp['key']) => Math.round(medianOf(synthRuns[key], 'processMs') - medianOf(handRuns, 'processMs'));
    console.log(
      `From process start to templates, apple-ports adds ${added('source')} ms run as TypeScript and ${added('installed')} ms as built for npm; loading apple-ports/cdk takes ${Math.round(medianOf(synthRuns.source, 'libraryLoadMs'))} ms and ${Math.round(medianOf(synthRuns.installed, 'libraryLoadMs'))} ms of that. aws-cdk-lib loads most of its modules while an app is built, and apple-ports has loaded some of them already, so the example's build + synth is not the library's cost alone.`,
    );
    const installedRatio = processRatio(synthRuns.installed);

    const scaled = [1, 10, 100].map((count) => {
      const [ms] = medianMs([(app) => buildScaled(app, count)], join(outdir, `scaled-${count}`), count === 100 ? 5 : 15);
      return { count, ms: ms! };
    });
    const base = scaled[0]!.ms;
    const perConstruct = (i: number) => (scaled[i]!.ms - base) / (scaled[i]!.count - 1);
    console.log(`\nCDK: build + synth time as constructs are added (one VPC; each construct has a security group and a network ACL with 8 entries; ${CONSTRUCTS_PER_STACK} per stack)`);
    console.table(
      scaled.map(({ count, ms }, i) => ({
        constructs: count,
        ms: toDigits(ms),
        'ms per added construct': i === 0 ? '' : toDigits(perConstruct(i), 2),
      })),
    );
    const growth = perConstruct(2) / perConstruct(1);
    console.log(`Per-construct cost at 100 vs 10: ${growth.toFixed(2)}x (target <= ${MAX_PER_CONSTRUCT_GROWTH}x: linear growth).`);

    return templateRatio <= MAX_TEMPLATE_RATIO && warmRatio <= MAX_WARM_RATIO && installedRatio <= MAX_INSTALLED_SYNTH_RATIO && differences.length === 0 && growth <= MAX_PER_CONSTRUCT_GROWTH;
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}
