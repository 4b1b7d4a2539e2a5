/**
 * With `APPLE_PORTS_TEMPLATE_DIR` set (by `npm run lint:templates`), every CloudFormation template
 * a test synthesizes is also written there, once per distinct content, so cfn-lint can check all
 * of them (not those of a synthesis with context still missing, which the CDK CLI never deploys).
 * Without it, this does nothing.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Stage } from 'aws-cdk-lib';

const dir = process.env.APPLE_PORTS_TEMPLATE_DIR;
if (dir) {
  mkdirSync(dir, { recursive: true });
  const synth = Stage.prototype.synth;
  Stage.prototype.synth = function synthAndDump(this: Stage, ...args: Parameters<typeof synth>) {
    const assembly = synth.apply(this, args);
    // An assembly with missing context is never deployed: the CDK CLI looks the context up and
    // synthesizes again, so its lookups' stand-in ids are not templates to lint.
    if ((assembly.manifest.missing ?? []).length > 0) {
      return assembly;
    }
    for (const stack of assembly.stacks) {
      const text = JSON.stringify(stack.template, null, 1);
      const hash = createHash('sha256').update(text).digest('hex').slice(0, 16);
      writeFileSync(join(dir, `${stack.stackName}-${hash}.template.json`), text);
    }
    return assembly;
  };
}
