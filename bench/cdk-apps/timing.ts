/** Building and synthesizing CDK apps against the clock, for the CDK benchmark and its processes. */
import { App } from 'aws-cdk-lib';

/** A CDK app step: builds stacks into the app. */
export type Build = (app: App) => void;

/** Turns before the timed ones, so both apps run warm code. */
const WARMUP = 2;

/**
 * An app writing to `outdir`. The built-in CloudFormation validator starts a WASM engine once per
 * process (about 2 s) and then checks each template; it is the same work for both apps, so it is
 * left out here.
 */
export function newApp(outdir: string): App {
  return new App({ outdir, builtinCloudFormationValidation: false });
}

/** Milliseconds to build and synthesize one app. */
export function timeMs(build: Build, outdir: string): number {
  const start = process.hrtime.bigint();
  const app = newApp(outdir);
  build(app);
  app.synth();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** The middle value (the upper middle of an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) {
    throw new Error('median() of no values');
  }
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** The script's arguments, or an error with its usage when there are fewer than `usage` names. */
export function scriptArguments(script: string, usage: readonly string[]): string[] {
  const args = process.argv.slice(2);
  if (args.length < usage.length || args.slice(0, usage.length).some((arg) => arg === '')) {
    throw new Error(`Usage: node --import tsx bench/cdk-apps/${script} ${usage.map((name) => `<${name}>`).join(' ')}`);
  }
  return args;
}

/**
 * Milliseconds to build and synthesize each app, every turn after warm-up. The apps take turns,
 * so a slow spell of a shared machine hits both runs of a turn alike, and every other turn runs
 * them in the reverse order, so neither always inherits the garbage the other left.
 */
export function runTimes(builds: readonly Build[], outdirOf: (index: number) => string, turns: number): number[][] {
  const times = builds.map(() => [] as number[]);
  for (let i = 0; i < WARMUP + turns; i++) {
    const order = builds.map((_, b) => b);
    for (const b of i % 2 === 0 ? order : order.reverse()) {
      const ms = timeMs(builds[b]!, outdirOf(b));
      if (i >= WARMUP) {
        times[b]!.push(ms);
      }
    }
  }
  return times;
}
