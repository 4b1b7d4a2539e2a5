/** The example's rules and entries, read from the example itself, for the hand-written app. */
import type { App } from 'aws-cdk-lib';
import { planNetworkAcl } from '../../lib/core';
import { buildExample } from '../../examples/cdk/stacks';
import type { ExampleRules } from './hand-written';

/** Builds the example into `app` and returns what the hand-written app needs to match it. */
export function exampleRules(app: App): ExampleRules {
  const example = buildExample(app);
  return {
    vdiEgress: example.vdi.desktops.policy.rules,
    vdiEntries: planNetworkAcl(example.vdi.desktops.networkAclPolicy),
    screenSharing: example.macHosts.screenSharing.policy.rules,
    buildEgress: example.macHosts.buildEgress.policy.rules,
  };
}
