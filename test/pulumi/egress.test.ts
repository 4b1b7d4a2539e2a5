import * as pulumi from '@pulumi/pulumi';
import * as ec2 from '@pulumi/aws/ec2';
import { formatPeer, networkAclRuleBudget, planNetworkAcl, resolve } from 'apple-ports';
import type * as adapter from 'apple-ports/pulumi';
import type { PulumiDestination } from 'apple-ports/pulumi';
import { installMockRecorder, mockId, ofType, record, TYPES, valueOf, type Recording } from './mock-recorder';
import { networkAclEntryLines, securityGroupRuleLines } from './recorded-rules';

const VPC = 'vpc-0123456789abcdef0';
const SUBNETS = ['subnet-0123456789abcdef0', 'subnet-0fedcba9876543210'];
const EXISTING_SG = 'sg-0aaaaaaaaaaaaaaaa';
let aclCount = 0;
/** A fresh ACL id: components given the same id share one ACL, and its entries. */
const newAclId = () => `acl-0${(++aclCount).toString(16).padStart(16, '0')}`;

let AppleServicesEgress: typeof adapter.AppleServicesEgress;

beforeAll(async () => {
  await installMockRecorder();
  ({ AppleServicesEgress } = await import('apple-ports/pulumi'));
});

const ICLOUD_FACETIME_RULES = [
  'egress tcp 443 0.0.0.0/0',
  'egress tcp 5223 0.0.0.0/0',
  'egress tcp 80 0.0.0.0/0',
  'egress udp 16384-16387 0.0.0.0/0',
  'egress udp 16393-16402 0.0.0.0/0',
  'egress udp 3478-3497 0.0.0.0/0',
];

describe('AppleServicesEgress with vpcId', () => {
  let recording: Recording;
  let component: adapter.AppleServicesEgress;

  beforeAll(async () => {
    recording = await record(() => {
      component = new AppleServicesEgress('mac', { products: ['iCloud'], vpcId: VPC });
    });
  });

  test('creates a bare security group and one standalone egress rule per resolved rule', () => {
    const sgId = mockId(TYPES.securityGroup, 'mac-sg');
    const rule = (port: number, label: string) => ({
      type: TYPES.egressRule,
      name: `mac-egress-tcp-${port}-0.0.0.0-0`,
      inputs: { securityGroupId: sgId, ipProtocol: 'tcp', fromPort: port, toPort: port, cidrIpv4: '0.0.0.0/0', description: `iCloud: ${label} (tcp ${port})` },
      parent: 'mac',
      deleteBeforeReplace: false,
      dependencies: ['mac-sg'],
    });
    expect(recording.resources).toEqual([
      { type: TYPES.egressComponent, name: 'mac', inputs: {}, deleteBeforeReplace: false, dependencies: [] },
      {
        type: TYPES.securityGroup,
        name: 'mac-sg',
        inputs: { vpcId: VPC, description: 'Apple services egress, managed by apple-ports' },
        parent: 'mac',
        deleteBeforeReplace: false,
        dependencies: [],
      },
      rule(443, 'HTTPS'),
      rule(5223, 'APNs'),
      rule(80, 'HTTP'),
    ]);
    // iCloud's Private Relay host is on UDP 443, which no rule opens: said, not silent.
    expect(recording.warnings).toEqual([
      'apple-ports:quic-closed: Apple lists mask.icloud.com on udp 443 (QUIC, HTTP/3), which no rule opens: those connections fall back to TCP where they can, and iCloud Private Relay does not work. Add an extra rule for udp 443 if the devices need it.',
    ]);
  });

  test('exposes the group, its id and the plain policy; no ACL', async () => {
    expect(await valueOf(component.securityGroupId)).toBe(mockId(TYPES.securityGroup, 'mac-sg'));
    expect(component.securityGroup).toBeDefined();
    expect(component.networkAclId).toBeUndefined();
    expect(component.networkAcl).toBeUndefined();
    expect(component.networkAclPolicy).toBeUndefined();
    expect(component.policy).toEqual(resolve({ products: ['iCloud'], direction: 'egress' }));
  });
});

describe('AppleServicesEgress with vpcId and subnetIds', () => {
  let recording: Recording;
  let component: adapter.AppleServicesEgress;

  beforeAll(async () => {
    recording = await record(() => {
      component = new AppleServicesEgress('vdi', { products: ['FaceTime', 'iCloud'], vpcId: VPC, subnetIds: SUBNETS });
    });
  });

  test('creates the security group rules and a network ACL with allow and return entries', () => {
    const aclId = mockId(TYPES.networkAcl, 'vdi-nacl');
    expect(securityGroupRuleLines(recording)).toEqual(ICLOUD_FACETIME_RULES);
    expect(ofType(recording, TYPES.networkAcl)).toEqual([
      { type: TYPES.networkAcl, name: 'vdi-nacl', inputs: { vpcId: VPC }, parent: 'vdi', deleteBeforeReplace: false, dependencies: [] },
    ]);
    expect(networkAclEntryLines(recording, aclId)).toEqual([
      'out 6460 udp 3478-3497 0.0.0.0/0',
      'out 6470 icmp 3:4 0.0.0.0/0',
      'out 17490 udp 16393-16402 0.0.0.0/0',
      'out 17850 tcp 80 0.0.0.0/0',
      'out 18420 tcp 443 0.0.0.0/0',
      'out 27170 udp 16384-16387 0.0.0.0/0',
      'out 27270 tcp 5223 0.0.0.0/0',
      'in 1170 udp 1024-65535 0.0.0.0/0',
      'in 22010 tcp 1024-65535 0.0.0.0/0',
      'in 27020 icmp 3:4 0.0.0.0/0',
    ]);
  });

  test('renders exactly the planned entries, each replaced delete-first, all allows', () => {
    const plan = planNetworkAcl(component.networkAclPolicy!);
    const entries = ofType(recording, TYPES.networkAclRule);
    expect(entries).toHaveLength(plan.length);
    for (const entry of plan) {
      const name = `vdi-nacl-${entry.egress ? 'egress' : 'ingress'}-${entry.ruleNumber}`;
      expect(entries.find((r) => r.name === name)).toEqual({
        type: TYPES.networkAclRule,
        name,
        inputs: {
          networkAclId: mockId(TYPES.networkAcl, 'vdi-nacl'),
          ruleNumber: entry.ruleNumber,
          egress: entry.egress,
          ruleAction: 'allow',
          cidrBlock: entry.cidr,
          ...(entry.protocol === 'icmp' || entry.protocol === 'icmpv6'
            ? { protocol: entry.protocol, icmpType: entry.icmpType, icmpCode: entry.icmpCode }
            : { protocol: entry.protocol, fromPort: entry.fromPort, toPort: entry.toPort }),
        },
        parent: 'vdi',
        deleteBeforeReplace: true,
        dependencies: ['vdi-nacl'],
      });
    }
  });

  test('associates each subnet only once every entry exists', () => {
    const entryNames = ofType(recording, TYPES.networkAclRule).map((r) => r.name);
    expect(ofType(recording, TYPES.networkAclAssociation)).toEqual(
      SUBNETS.map((subnetId) => ({
        type: TYPES.networkAclAssociation,
        name: `vdi-subnet-${subnetId}`,
        inputs: { networkAclId: mockId(TYPES.networkAcl, 'vdi-nacl'), subnetId },
        parent: 'vdi',
        deleteBeforeReplace: false,
        dependencies: ['vdi-nacl', ...entryNames].sort(),
      })),
    );
  });

  test('exposes both ids and both policies', async () => {
    expect(await valueOf(component.securityGroupId)).toBe(mockId(TYPES.securityGroup, 'vdi-sg'));
    expect(await valueOf(component.networkAclId)).toBe(mockId(TYPES.networkAcl, 'vdi-nacl'));
    expect(component.networkAclPolicy).toEqual(resolve({ products: ['iCloud', 'FaceTime'], direction: 'egress', maxRules: networkAclRuleBudget() }));
    expect(component.networkAclPolicy!.rules).toEqual(component.policy.rules);
  });

  test('matches the snapshot', () => {
    // The component, the group, its 6 rules, the ACL, 8 entries and 2 for Path MTU Discovery, 2 associations.
    expect(recording.resources).toHaveLength(1 + 1 + 6 + 1 + 8 + 2 + 2);
    expect(recording).toMatchSnapshot();
  });
});

describe('AppleServicesEgress with existing targets', () => {
  test('adds rules to an existing security group and network ACL and creates neither', async () => {
    const EXISTING_ACL = newAclId();
    let component!: adapter.AppleServicesEgress;
    const recording = await record(() => {
      component = new AppleServicesEgress('mac', { products: ['iCloud', 'FaceTime'], securityGroupId: EXISTING_SG, networkAclId: EXISTING_ACL });
    });
    expect(recording.resources.map((r) => r.type).filter((t) => t !== TYPES.egressRule && t !== TYPES.networkAclRule)).toEqual([TYPES.egressComponent]);
    expect(securityGroupRuleLines(recording, EXISTING_SG)).toEqual(ICLOUD_FACETIME_RULES);
    expect(networkAclEntryLines(recording, EXISTING_ACL)).toHaveLength(10);
    expect(component.securityGroup).toBeUndefined();
    expect(component.networkAcl).toBeUndefined();
    expect(await valueOf(component.securityGroupId)).toBe(EXISTING_SG);
    expect(await valueOf(component.networkAclId)).toBe(EXISTING_ACL);
  });

  test('an existing group given with vpcId is used, not a new one', async () => {
    const recording = await record(() => new AppleServicesEgress('mac', { products: ['iCloud'], vpcId: VPC, securityGroupId: EXISTING_SG }));
    expect(ofType(recording, TYPES.securityGroup)).toEqual([]);
    expect(securityGroupRuleLines(recording, EXISTING_SG)).toEqual(['egress tcp 443 0.0.0.0/0', 'egress tcp 5223 0.0.0.0/0', 'egress tcp 80 0.0.0.0/0']);
  });

  test('networkAclOptions set the rule numbers and the return ports', async () => {
    const recording = await record(
      () =>
        new AppleServicesEgress('mac', {
          products: ['iCloud'],
          networkAclId: newAclId(),
          networkAclOptions: { firstRuleNumber: 1000, ruleNumberStep: 1, lastRuleNumber: 1009, returnPorts: { fromPort: 49152, toPort: 65535 } },
        }),
    );
    expect(networkAclEntryLines(recording)).toEqual([
      'out 1001 tcp 5223 0.0.0.0/0',
      'out 1002 tcp 80 0.0.0.0/0',
      'out 1003 icmp 3:4 0.0.0.0/0',
      'out 1008 tcp 443 0.0.0.0/0',
      'in 1000 tcp 49152-65535 0.0.0.0/0',
      'in 1006 icmp 3:4 0.0.0.0/0',
    ]);
  });
});

describe('AppleServicesEgress peers', () => {
  test('IPv6 rules use cidrIpv6 and ipv6CidrBlock', async () => {
    const recording = await record(() => new AppleServicesEgress('mac', { products: ['iCloud'], ipv6: true, securityGroupId: EXISTING_SG, networkAclId: newAclId() }));
    expect(securityGroupRuleLines(recording)).toEqual([
      'egress tcp 443 0.0.0.0/0',
      'egress tcp 443 ::/0',
      'egress tcp 5223 0.0.0.0/0',
      'egress tcp 5223 ::/0',
      'egress tcp 80 0.0.0.0/0',
      'egress tcp 80 ::/0',
    ]);
    const ipv6Rule = recording.resources.find((r) => r.name === 'mac-egress-tcp-443----0');
    expect(ipv6Rule?.inputs).toEqual({ securityGroupId: EXISTING_SG, ipProtocol: 'tcp', fromPort: 443, toPort: 443, cidrIpv6: '::/0', description: 'iCloud: HTTPS (tcp 443)' });
    const ipv6Entry = ofType(recording, TYPES.networkAclRule).find((r) => r.inputs.ipv6CidrBlock === '::/0' && r.inputs.egress === false);
    expect(ipv6Entry?.inputs).toEqual({
      networkAclId: expect.stringMatching(/^acl-/),
      ruleNumber: expect.any(Number),
      ipv6CidrBlock: '::/0',
      egress: false,
      protocol: 'tcp',
      ruleAction: 'allow',
      fromPort: 1024,
      toPort: 65535,
    });
    expect(ipv6Entry?.name).toBe(`mac-nacl-ingress-${ipv6Entry?.inputs.ruleNumber}`);
    expect(networkAclEntryLines(recording).filter((line) => line.includes('icmp'))).toEqual(['out 6470 icmp 3:4 0.0.0.0/0', 'out 17540 icmpv6 2:0 ::/0', 'in 2890 icmpv6 2:0 ::/0', 'in 27020 icmp 3:4 0.0.0.0/0']);
    expect(ofType(recording, TYPES.networkAclRule).find((r) => r.inputs.icmpType === 2)?.inputs).toMatchObject({ protocol: '58', icmpType: 2, icmpCode: 0, ipv6CidrBlock: '::/0' });
    expect(networkAclEntryLines(recording)).toHaveLength(12);
  });

  test("'apple-network' narrows APNs to 17.0.0.0/8", async () => {
    const recording = await record(() => new AppleServicesEgress('mac', { products: ['iCloud'], destinations: ['apple-network'], securityGroupId: EXISTING_SG }));
    expect(securityGroupRuleLines(recording)).toEqual(['egress tcp 443 0.0.0.0/0', 'egress tcp 5223 17.0.0.0/8', 'egress tcp 80 0.0.0.0/0']);
  });

  test("appleNetworkPeers alone narrow APNs to them, as if destinations were ['apple-network']", async () => {
    const recording = await record(
      () => new AppleServicesEgress('mac', { products: ['iCloud'], appleNetworkPeers: [{ prefixListId: pulumi.output('pl-0ffffffffffffffff'), maxEntries: 2 }], securityGroupId: EXISTING_SG }),
    );
    expect(securityGroupRuleLines(recording)).toEqual(['egress tcp 443 0.0.0.0/0', 'egress tcp 5223 pl-0ffffffffffffffff', 'egress tcp 80 0.0.0.0/0']);
    expect(ofType(recording, TYPES.egressRule).find((r) => r.inputs.fromPort === 5223)?.inputs).toEqual({
      securityGroupId: EXISTING_SG,
      ipProtocol: 'tcp',
      fromPort: 5223,
      toPort: 5223,
      prefixListId: 'pl-0ffffffffffffffff',
      description: 'iCloud: APNs (tcp 5223)',
    });
  });

  test('Pulumi outputs given as typed references reach the rules; the policy holds placeholders', async () => {
    const proxy = pulumi.output('sg-0cccccccccccccccc');
    let component!: adapter.AppleServicesEgress;
    const recording = await record(() => {
      component = new AppleServicesEgress('mac', {
        products: ['iCloud'],
        destinations: [
          { securityGroupId: proxy },
          { cidrIpv4: pulumi.output('10.0.0.0/16') },
          { cidrIpv6: Promise.resolve('2001:db8::/32') },
          { prefixListId: pulumi.output('pl-0ddddddddddddddd0'), maxEntries: 5 },
          { securityGroupId: proxy },
          { securityGroupId: 'sg-0eeeeeeeeeeeeeeee' },
        ],
        securityGroupId: EXISTING_SG,
      });
    });
    expect(securityGroupRuleLines(recording).filter((line) => line.startsWith('egress tcp 443 '))).toEqual([
      'egress tcp 443 10.0.0.0/16',
      'egress tcp 443 2001:db8::/32',
      'egress tcp 443 pl-0ddddddddddddddd0',
      'egress tcp 443 sg-0cccccccccccccccc',
      'egress tcp 443 sg-0eeeeeeeeeeeeeeee',
    ]);
    // Outputs of no resource are named by where they were given; each rule keeps its earlier, numbered name as an alias.
    expect(ofType(recording, TYPES.egressRule).filter((r) => r.inputs.fromPort === 443).map((r) => [r.name, r.aliases])).toEqual([
      ['mac-egress-tcp-443-destinations-0.securityGroupId', ['mac-egress-tcp-443-securityGroupId-0']],
      ['mac-egress-tcp-443-destinations-1.cidrIpv4', ['mac-egress-tcp-443-cidrIpv4-0']],
      ['mac-egress-tcp-443-destinations-2.cidrIpv6', ['mac-egress-tcp-443-cidrIpv6-0']],
      ['mac-egress-tcp-443-destinations-3.prefixListId', ['mac-egress-tcp-443-prefixListId-0']],
      ['mac-egress-tcp-443-sg-0eeeeeeeeeeeeeeee', undefined],
    ]);
    expect(component.policy.rules.filter((r) => r.fromPort === 443).map((r) => r.peer)).toEqual([
      { kind: 'ipv4', cidr: '<destinations[1].cidrIpv4>' },
      { kind: 'ipv6', cidr: '<destinations[2].cidrIpv6>' },
      { kind: 'prefix-list', id: '<destinations[3].prefixListId>', maxEntries: 5 },
      { kind: 'security-group', id: '<destinations[0].securityGroupId>' },
      { kind: 'security-group', id: 'sg-0eeeeeeeeeeeeeeee' },
    ]);
  });

  test('an output of a resource is named after the resource, wherever it is given', async () => {
    const peersGiven = async (order: (given: PulumiDestination[]) => PulumiDestination[]) => {
      let component!: adapter.AppleServicesEgress;
      await record(() => {
        const vpc = new ec2.Vpc('office', { cidrBlock: '10.8.0.0/16' });
        const proxy = new ec2.SecurityGroup('proxy', { vpcId: vpc.id });
        component = new AppleServicesEgress('mac', { products: ['SSH'], destinations: order([{ cidrIpv4: vpc.cidrBlock }, { securityGroupId: proxy.id }]), securityGroupId: EXISTING_SG });
      });
      return component.policy.rules.map((r) => formatPeer(r.peer));
    };
    expect(await peersGiven((given) => given)).toEqual(['<office.cidrIpv4>', '<proxy.securityGroupId>']);
    expect(await peersGiven((given) => [...given].reverse())).toEqual(['<office.cidrIpv4>', '<proxy.securityGroupId>']);
  });

  test('two outputs named alike stay apart', async () => {
    let component!: adapter.AppleServicesEgress;
    await record(() => {
      const vpc = new ec2.Vpc('office', { cidrBlock: '10.8.0.0/16' });
      component = new AppleServicesEgress('mac', { products: ['SSH'], destinations: [{ cidrIpv4: vpc.cidrBlock }, { cidrIpv4: vpc.cidrBlock.apply((cidr) => cidr) }], securityGroupId: EXISTING_SG });
    });
    expect(component.policy.rules.map((r) => formatPeer(r.peer))).toEqual(['<office.cidrIpv4 #2>', '<office.cidrIpv4>']);
  });

  test('a CIDR output reaches the network ACL entries', async () => {
    const recording = await record(() => new AppleServicesEgress('mac', { products: ['iCloud'], destinations: [{ cidrIpv4: pulumi.output('10.1.0.0/16') }], networkAclId: newAclId() }));
    expect(networkAclEntryLines(recording).map((line) => line.replace(/^(\w+) \d+ /, '$1 ')).sort()).toEqual([
      'in icmp 3:4 0.0.0.0/0',
      'in tcp 1024-65535 10.1.0.0/16',
      'out icmp 3:4 0.0.0.0/0',
      'out tcp 443 10.1.0.0/16',
      'out tcp 5223 10.1.0.0/16',
      'out tcp 80 10.1.0.0/16',
    ]);
  });
});

describe('AppleServicesEgress determinism and budgets', () => {
  test('the order of products and destinations does not change the resources', async () => {
    const one = await record(() => new AppleServicesEgress('mac', { products: ['iCloud', 'FaceTime', 'Messages'], destinations: ['10.0.0.0/8', 'anywhere'], vpcId: VPC, subnetIds: SUBNETS }));
    const two = await record(() => new AppleServicesEgress('mac', { products: ['Messages', 'FaceTime', 'iCloud'], destinations: ['anywhere', '10.0.0.0/8'], vpcId: VPC, subnetIds: SUBNETS }));
    expect(two.resources).toEqual(one.resources);
    expect(one.resources.length).toBeGreaterThan(20);
  });

  test('a network ACL under budget pressure is widened alone, and says so', async () => {
    let component!: adapter.AppleServicesEgress;
    const recording = await record(() => {
      component = new AppleServicesEgress('mac', { products: ['iCloud', 'FaceTime'], securityGroupId: EXISTING_SG, networkAclId: newAclId(), networkAclOptions: { maxEntries: 3 } });
    });
    expect(securityGroupRuleLines(recording)).toEqual(ICLOUD_FACETIME_RULES);
    expect(networkAclEntryLines(recording).map((line) => line.replace(/^(\w+) \d+ /, '$1 ')).sort()).toEqual([
      'in icmp 3:4 0.0.0.0/0',
      'in tcp 1024-65535 0.0.0.0/0',
      'in udp 1024-65535 0.0.0.0/0',
      'out icmp 3:4 0.0.0.0/0',
      'out tcp 80-5223 0.0.0.0/0',
      'out udp 3478-16402 0.0.0.0/0',
    ]);
    // Three entries, one of them for Path MTU Discovery, leave two for the rules.
    expect(component.networkAclPolicy!.maxRules).toBe(2);
    expect(recording.warnings).toEqual([
      'apple-ports:quic-closed: Apple lists mask.icloud.com on udp 443 (QUIC, HTTP/3), which no rule opens: those connections fall back to TCP where they can, and iCloud Private Relay does not work. Add an extra rule for udp 443 if the devices need it.',
      'apple-ports:network-acl-budget-widened: Network ACL entries: Opened 18032 ports beyond the selection to fit the entries networkAclOptions.maxEntries 3 leaves after Path MTU Discovery: 2 per address family: tcp 81-442 to 0.0.0.0/0; tcp 444-5222 to 0.0.0.0/0; udp 3498-16383 to 0.0.0.0/0; udp 16388-16392 to 0.0.0.0/0.',
    ]);
  });

  test('maxRules below the ACL budget bounds the ACL too', async () => {
    let component!: adapter.AppleServicesEgress;
    await record(() => {
      component = new AppleServicesEgress('mac', { products: ['iCloud', 'FaceTime'], maxRules: 2, networkAclId: newAclId() });
    });
    expect(component.networkAclPolicy).toEqual(resolve({ products: ['iCloud', 'FaceTime'], direction: 'egress', maxRules: 2 }));
  });

  test('tags go to the group, its rules and the ACL, not to ACL entries', async () => {
    const tags = { team: 'mac-platform' };
    const recording = await record(() => new AppleServicesEgress('mac', { products: ['iCloud'], vpcId: VPC, subnetIds: SUBNETS.slice(0, 1), tags }));
    const tagged = recording.resources.filter((r) => r.inputs.tags !== undefined);
    expect(tagged.map((r) => r.type).sort()).toEqual([TYPES.networkAcl, TYPES.securityGroup, TYPES.egressRule, TYPES.egressRule, TYPES.egressRule].sort());
    expect(tagged.every((r) => JSON.stringify(r.inputs.tags) === JSON.stringify(tags))).toBe(true);
  });

  test('every child is parented to the component and named after it', async () => {
    const recording = await record(() => new AppleServicesEgress('desk', { profiles: ['managed-mac'], vpcId: VPC, subnetIds: SUBNETS }));
    const children = recording.resources.filter((r) => r.type !== TYPES.egressComponent);
    expect(children.length).toBeGreaterThan(10);
    expect(children.filter((r) => r.parent !== 'desk' || !r.name.startsWith('desk-'))).toEqual([]);
  });
});
