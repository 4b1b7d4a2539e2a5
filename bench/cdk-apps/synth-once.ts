/**
 * One app synthesized in a process of its own, as `npx cdk synth` runs this repository's example
 * (`tsx examples/cdk/app.ts`): prints, as JSON, the milliseconds to load the app's modules, to
 * build and synthesize it, and from the process's start to the templates written. Run by
 * bench/cdk.ts: `tsx bench/cdk-apps/synth-once.ts example <outdir>` or
 * `tsx bench/cdk-apps/synth-once.ts hand-written <outdir> <rules.json>`.
 *
 * Modules are loaded with require() after the clock starts, so the load time is measured; the
 * hand-written app's process never loads apple-ports.
 */
import { readFileSync } from 'node:fs';
import type * as cdk from 'aws-cdk-lib';
import type * as stacks from '../../examples/cdk/stacks';
import type * as handWritten from './hand-written';
import type * as timing from './timing';

const [app, outdir, rulesFile] = process.argv.slice(2);
const loadStart = performance.now();
// timing loads aws-cdk-lib, which both apps need.
const { newApp } = require('./timing') as typeof timing;
let build: (scope: cdk.App) => void;
if (app === 'example') {
  const { buildExample } = require('../../examples/cdk/stacks') as typeof stacks;
  build = (scope) => buildExample(scope);
} else if (app === 'hand-written') {
  const { buildHandWritten } = require('./hand-written') as typeof handWritten;
  const rules = JSON.parse(readFileSync(rulesFile!, 'utf8')) as handWritten.ExampleRules;
  build = (scope) => buildHandWritten(scope, rules);
} else {
  throw new Error(`Unknown app '${app}': use example or hand-written.`);
}
const loaded = performance.now();
const scope = newApp(outdir!);
build(scope);
scope.synth();
const done = performance.now();
process.stdout.write(JSON.stringify({ loadMs: loaded - loadStart, buildSynthMs: done - loaded, processMs: done }));
