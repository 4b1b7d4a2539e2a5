/**
 * Test scaffolding for the CDK constructs: apps with CloudFormation validation switched to strict,
 * so a template CloudFormation would reject fails the test that synthesizes it.
 */
import { App, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type { Template } from 'aws-cdk-lib/assertions';

/** The context that turns the built-in validator's findings into synthesis errors. */
export const STRICT_VALIDATION = {
  '@aws-cdk/core:validateAgainstDefaultRules': true,
  '@aws-cdk/core:strictCfnValidateErrors': true,
} as const;

/** A new app with strict validation. */
export function strictApp(): App {
  return new App({ context: { ...STRICT_VALIDATION } });
}

/** A stack in a strict app, with a two-AZ VPC (public and private subnets) for the targets. */
export function stackWithVpc(id = 'Test'): { app: App; stack: Stack; vpc: ec2.Vpc } {
  const app = strictApp();
  const stack = new Stack(app, id);
  const vpc = new ec2.Vpc(stack, 'Vpc', {
    maxAzs: 2,
    natGateways: 1,
    subnetConfiguration: [
      { name: 'Public', subnetType: ec2.SubnetType.PUBLIC },
      { name: 'Desktops', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
    ],
  });
  return { app, stack, vpc };
}

/** An id in the form AWS gives, so the validator accepts it. */
export const SG_ID = 'sg-0123456789abcdef0';
export const OTHER_SG_ID = 'sg-0fedcba9876543210';
export const PREFIX_LIST_ID = 'pl-0123456789abcdef0';
export const ACL_ID = 'acl-0123456789abcdef0';

/** The template's resources of one type, by logical id. */
export function resourcesOfType(template: Template, type: string): Record<string, { Properties: Record<string, unknown> }> {
  return template.findResources(type) as Record<string, { Properties: Record<string, unknown> }>;
}

/** Network ACL entries as `egress 6460 udp 3478-3497 0.0.0.0/0`, sorted by direction then number. */
export function networkAclEntries(template: Template): string[] {
  const entries = Object.values(resourcesOfType(template, 'AWS::EC2::NetworkAclEntry')).map(({ Properties: p }) => {
    const range = p.PortRange as { From: number; To: number } | undefined;
    const icmp = p.Icmp as { Type: number; Code: number } | undefined;
    const protocol = ({ 1: 'icmp', 6: 'tcp', 17: 'udp', 58: 'icmpv6' } as Record<number, string>)[p.Protocol as number] ?? String(p.Protocol);
    const traffic = icmp ? `${icmp.Type}:${icmp.Code}` : `${range!.From}-${range!.To}`;
    const cidr = JSON.stringify(p.CidrBlock ?? p.Ipv6CidrBlock).replace(/^"|"$/g, '');
    return { egress: p.Egress === true, number: p.RuleNumber as number, text: `${p.Egress ? 'egress' : 'ingress'} ${p.RuleNumber} ${protocol} ${traffic} ${cidr} ${p.RuleAction}` };
  });
  return entries.sort((a, b) => Number(b.egress) - Number(a.egress) || a.number - b.number).map((e) => e.text);
}
