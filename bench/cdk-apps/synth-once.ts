/**
 * One app synthesized in a process of its own, as `cdk synth` runs an app (without the CDK CLI and
 * cdk.json's context): prints, as JSON, the milliseconds to load apple-ports, to load the app's
 * modules, to build and synthesize it, and from the process's start to the templates written, with
 * which copy of apple-ports the process loaded. Run by bench/cdk.ts:
 * `node --import tsx bench/cdk-apps/synth-once.ts example <outdir>` or
 * `node --import tsx bench/cdk-apps/synth-once.ts hand-written <outdir> <rules.json>`; with
 * `TSX_TSCONFIG_PATH=bench/cdk-apps/tsconfig.package.json`, the example loads apple-ports as built
 * for npm (dist/) instead of as TypeScript.
 *
 * The app's modules are loaded with require() after the clock starts, so their load time is
 * measured; aws-cdk-lib's index, which both apps load alike, is loaded before. aws-cdk-lib loads
 * most of its own modules lazily, while an app is built: the hand-written app's build + synth
 * includes loading them, where the example's apple-ports has loaded some already.
 */
import { readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import type * as cdk from 'aws-cdk-lib';
import type * as stacks from '../../examples/cdk/stacks';
import type * as handWritten from './hand-written';
import { newApp, scriptArguments } from './timing';

/** Which copy of apple-ports a process loaded. */
export type LoadedLibrary = 'none' | 'source' | 'package' | 'both';

/** What the script prints. */
export interface SynthResult {
  /** Loading `apple-ports/cdk` alone; 0 for the hand-written app, which does not load it. */
  readonly libraryLoadMs: number;
  /** Loading every module the app needs before it is built (apple-ports included), but aws-cdk-lib's index. */
  readonly loadMs: number;
  /** Building and synthesizing the app, with the aws-cdk-lib modules it loads on the way. */
  readonly buildSynthMs: number;
  /** From the process's start (Node and tsx starting up included) to the templates written. */
  readonly processMs: number;
  readonly library: LoadedLibrary;
}

const ROOT = join(__dirname, '..', '..');

function loadedLibrary(): LoadedLibrary {
  const files = Object.keys(require.cache);
  const source = files.some((file) => file.startsWith(join(ROOT, 'lib') + sep));
  const built = files.some((file) => file.startsWith(join(ROOT, 'dist', 'lib') + sep));
  return source && built ? 'both' : source ? 'source' : built ? 'package' : 'none';
}

function main(): SynthResult {
  const [app, outdir, rulesFile] = scriptArguments('synth-once.ts', ['example|hand-written', 'outdir']);
  const loadStart = performance.now();
  let libraryLoadMs = 0;
  let build: (scope: cdk.App) => void;
  if (app === 'example') {
    const libraryStart = performance.now();
    require('apple-ports/cdk');
    libraryLoadMs = performance.now() - libraryStart;
    const { buildExample } = require('../../examples/cdk/stacks') as typeof stacks;
    build = (scope) => buildExample(scope);
  } else if (app === 'hand-written' && rulesFile !== undefined) {
    const { buildHandWritten } = require('./hand-written') as typeof handWritten;
    const rules = JSON.parse(readFileSync(rulesFile, 'utf8')) as handWritten.ExampleRules;
    build = (scope) => buildHandWritten(scope, rules);
  } else {
    throw new Error(`Unknown app '${app}' or no rules file: use example <outdir>, or hand-written <outdir> <rules.json>.`);
  }
  const loaded = performance.now();
  const scope = newApp(outdir!);
  build(scope);
  scope.synth();
  const done = performance.now();
  return { libraryLoadMs, loadMs: loaded - loadStart, buildSynthMs: done - loaded, processMs: done, library: loadedLibrary() };
}

process.stdout.write(JSON.stringify(main()));
