/**
 * Updates a deployed stack goes through, checked against CloudFormation's own replacement rules:
 * for each before → after change a user makes, nothing custom-named or any security group is
 * replaced, no network ACL entry is created on a rule number another entry still holds, and no
 * subnet association churns. A property test does the same over random pairs of selections.
 */
import { App, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import fc from 'fast-check';
import { ApplePortsError } from 'apple-ports';
import type { AppleServicesEgressProps, AppleServicesIngressProps } from 'apple-ports/cdk';
import { AppleServicesEgress, AppleServicesIngress } from 'apple-ports/cdk';
import { changeImpacts, updateProblems, type TemplateJson } from './update-safety';

type Selection = Omit<AppleServicesEgressProps, 'vpc' | 'subnets'>;

/** The stack a user deploys, with validation off: these tests only compare templates. */
function egressTemplate(selection: Selection): TemplateJson {
  const app = new App({ builtinCloudFormationValidation: false } as ConstructorParameters<typeof App>[0]);
  const stack = new Stack(app, 'Vdi');
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 0, subnetConfiguration: [{ name: 'Desktops', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] });
  new AppleServicesEgress(stack, 'Desktops', { ...selection, vpc, subnets: { subnetGroupName: 'Desktops' } });
  return app.synth().getStackByName('Vdi').template as TemplateJson;
}

function ingressTemplate(selection: Omit<AppleServicesIngressProps, 'vpc' | 'subnets'>): TemplateJson {
  const app = new App({ builtinCloudFormationValidation: false } as ConstructorParameters<typeof App>[0]);
  const stack = new Stack(app, 'Hosts');
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 1, natGateways: 0, subnetConfiguration: [{ name: 'Hosts', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] });
  new AppleServicesIngress(stack, 'MacHosts', { ...selection, vpc, subnets: { subnetGroupName: 'Hosts' } });
  return app.synth().getStackByName('Hosts').template as TemplateJson;
}

const CHANGES: readonly (readonly [string, () => TemplateJson, () => TemplateJson])[] = [
  ['add a product', () => egressTemplate({ products: ['iCloud'] }), () => egressTemplate({ products: ['iCloud', 'FaceTime'] })],
  ['remove a product', () => egressTemplate({ products: ['iCloud', 'FaceTime', 'Messages'] }), () => egressTemplate({ products: ['iCloud', 'Messages'] })],
  ['turn IPv6 on', () => egressTemplate({ products: ['iCloud', 'FaceTime'] }), () => egressTemplate({ products: ['iCloud', 'FaceTime'], ipv6: true })],
  ['turn IPv6 off', () => egressTemplate({ products: ['iCloud'], ipv6: true }), () => egressTemplate({ products: ['iCloud'] })],
  ['set maxRules', () => egressTemplate({ profiles: ['managed-mac'] }), () => egressTemplate({ profiles: ['managed-mac'], maxRules: 3 })],
  ['lower maxEntries', () => egressTemplate({ products: ['GameCenter', 'Messages', 'FaceTime'] }), () => egressTemplate({ products: ['GameCenter', 'Messages', 'FaceTime'], networkAclOptions: { maxEntries: 4 } })],
  ['add a destination', () => egressTemplate({ products: ['iCloud'] }), () => egressTemplate({ products: ['iCloud'], destinations: ['anywhere', '10.0.0.0/8'] })],
  ['narrow to Apple’s network', () => egressTemplate({ products: ['iCloud'] }), () => egressTemplate({ products: ['iCloud'], destinations: ['apple-network'] })],
  ['move from one profile to another', () => egressTemplate({ profiles: ['managed-mac'] }), () => egressTemplate({ profiles: ['ec2-mac-build-host'] })],
  ['return to macOS ephemeral ports', () => egressTemplate({ products: ['iCloud'] }), () => egressTemplate({ products: ['iCloud'], networkAclOptions: { returnPorts: 'macos' } })],
  ['turn Path MTU Discovery off', () => egressTemplate({ products: ['iCloud'] }), () => egressTemplate({ products: ['iCloud'], networkAclOptions: { pathMtuDiscovery: false } })],
  ['add a source', () => ingressTemplate({ products: ['ScreenSharing'], sources: ['203.0.113.0/24'] }), () => ingressTemplate({ products: ['ScreenSharing'], sources: ['203.0.113.0/24', '198.51.100.0/24'] })],
  ['add a hosted product', () => ingressTemplate({ products: ['ScreenSharing'], sources: ['203.0.113.0/24'] }), () => ingressTemplate({ products: ['ScreenSharing', 'SSH'], sources: ['203.0.113.0/24'] })],
];

describe('updates are safe by CloudFormation’s own rules', () => {
  test.each(CHANGES)('%s', (_name, before, after) => {
    const from = before();
    const to = after();
    expect(changeImpacts(from, to).length).toBeGreaterThan(0);
    expect(updateProblems(from, to)).toEqual([]);
  });

  test('the checker sees what would fail: a replaced custom-named group, and an entry replaced onto a number another still holds', () => {
    const group = (description: string): TemplateJson => ({
      Resources: { Sg: { Type: 'AWS::EC2::SecurityGroup', Properties: { GroupName: 'desktops', GroupDescription: description, VpcId: 'vpc-1' } } },
    });
    expect(updateProblems(group('a'), group('b'))).toEqual([
      'Sg (AWS::EC2::SecurityGroup) would be replaced under its custom name GroupName, which CloudFormation refuses.',
      'Sg (AWS::EC2::SecurityGroup) would be replaced, cutting every connection it allows and every reference to it.',
    ]);
    const entry = (acl: string): TemplateJson => ({
      Resources: { Egress100: { Type: 'AWS::EC2::NetworkAclEntry', Properties: { NetworkAclId: 'acl-1', RuleNumber: 100, Egress: true, Protocol: 6, RuleAction: 'allow', CidrBlock: acl, PortRange: { From: 443, To: 443 } } } },
    });
    // A content change is an in-place update; moving the entry to another ACL replaces it.
    expect(changeImpacts(entry('0.0.0.0/0'), entry('10.0.0.0/8'))).toEqual(['Egress100: WILL_UPDATE']);
    // An entry whose logical id stays while its number changes is replaced, and its replacement is
    // created while another kept entry still holds the new number.
    const twoEntries = (first: number): TemplateJson => ({
      Resources: {
        A: { Type: 'AWS::EC2::NetworkAclEntry', Properties: { ...entry('0.0.0.0/0').Resources!.Egress100!.Properties, RuleNumber: first } },
        B: { Type: 'AWS::EC2::NetworkAclEntry', Properties: { ...entry('10.0.0.0/8').Resources!.Egress100!.Properties, RuleNumber: 200 } },
      },
    });
    expect(changeImpacts(twoEntries(100), twoEntries(200))).toEqual(['A: WILL_REPLACE']);
    expect(updateProblems(twoEntries(100), twoEntries(200))).toEqual([
      'A (AWS::EC2::NetworkAclEntry) would be created on "acl-1" egress 200, still held by B: NetworkAclEntryAlreadyExists.',
    ]);
  });

  test('property: any change between two selections is safe', () => {
    const products = ['iCloud', 'FaceTime', 'Messages', 'GameCenter', 'Mail', 'SoftwareUpdate', 'NetworkTime', 'DNS', 'WiFiCalling', 'PushNotifications'] as const;
    const selection = fc.record({
      products: fc.subarray([...products], { minLength: 1 }),
      ipv6: fc.boolean(),
      maxRules: fc.option(fc.integer({ min: 4, max: 12 }), { nil: undefined }),
      destinations: fc.constantFrom<string[] | undefined>(undefined, ['anywhere', '10.0.0.0/8'], ['apple-network']),
    });
    /** The template, or `undefined` for a selection refused because its budget is too small. */
    const templateOf = (choice: Selection): TemplateJson | undefined => {
      try {
        return egressTemplate(choice);
      } catch (error) {
        if (error instanceof ApplePortsError && error.problems.every((p) => p.code === 'budget-too-small')) {
          return undefined;
        }
        throw error;
      }
    };
    fc.assert(
      fc.property(selection, selection, (a, b) => {
        const from = templateOf(a);
        const to = templateOf(b);
        fc.pre(from !== undefined && to !== undefined);
        expect(updateProblems(from!, to!)).toEqual([]);
      }),
      { numRuns: 15 },
    );
  });
});
