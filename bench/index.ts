/**
 * `npm run bench`: every benchmark of the library, one table each. Speed and size targets live
 * here, never in the tests. Exits non-zero when a target is missed.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

async function main(): Promise<void> {
  const suites = ['core', 'hosts', 'flows', 'cdk', 'pulumi'].filter((name) => existsSync(join(__dirname, `${name}.ts`)));
  let ok = true;
  for (const name of suites) {
    const suite = (await import(`./${name}`)) as { run: () => Promise<boolean | void> };
    ok = (await suite.run()) !== false && ok;
  }
  process.exitCode = ok ? 0 : 1;
}

void main();
