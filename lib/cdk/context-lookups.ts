/**
 * The stand-in values aws-cdk-lib returns from `Vpc.fromLookup`, `PrefixList.fromLookup` and
 * `SecurityGroup.fromLookupById` while the lookup is not in `cdk.context.json` yet. The CDK CLI
 * synthesizes once with them, records the missing context, looks it up and synthesizes again, so
 * they must pass like values known only at deploy time: refusing them would stop that first pass.
 * Most are no id AWS issues; `sg-12345678` has a legacy id's form, so a group imported by that real
 * id skips the allow-all-outbound check (the mutable check still runs). (aws-cdk-lib
 * `aws-ec2`: `DUMMY_VPC_PROPS` in vpc.ts, with the CIDR `1.2.3.4/5` for the VPC and its subnets,
 * `dummyResponse` in prefix-list.ts, `dummyValue` in security-group.ts.)
 */
import { Token } from 'aws-cdk-lib';

const LOOKUP_STAND_INS: ReadonlySet<string> = new Set(['vpc-12345', '1.2.3.4/5', 'pl-xxxxxxxx', 'sg-12345678', 's-12345', 's-67890', 'p-12345', 'p-67890']);

/** True for a value the app cannot know while it synthesizes: a token, or a lookup's stand-in. */
export function isUnknownAtSynth(value: string): boolean {
  return Token.isUnresolved(value) || LOOKUP_STAND_INS.has(value);
}

/** True for a context lookup's stand-in (a plain string, unlike a token). */
export function isLookupStandIn(value: string): boolean {
  return LOOKUP_STAND_INS.has(value);
}
