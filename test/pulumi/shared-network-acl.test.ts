import type * as adapter from 'apple-ports/pulumi';
import { installMockRecorder, mockId, ofType, record, resourceErrorOf, TYPES } from './mock-recorder';
import { networkAclEntryLines } from './recorded-rules';

let Egress: typeof adapter.AppleServicesEgress;
let Ingress: typeof adapter.AppleServicesIngress;

beforeAll(async () => {
  await installMockRecorder();
  ({ AppleServicesEgress: Egress, AppleServicesIngress: Ingress } = await import('apple-ports/pulumi'));
});

describe('components sharing one network ACL', () => {
  test('an entry another component already added is not added twice', async () => {
    const acl = 'acl-0000000000000a001';
    const recording = await record(() => {
      new Egress('icloud', { products: ['iCloud'], networkAclId: acl });
      new Egress('facetime', { products: ['FaceTime'], networkAclId: acl });
    });
    // FaceTime's tcp entries and the tcp return entry are iCloud's already.
    expect(ofType(recording, TYPES.networkAclRule).filter((r) => r.parent === 'facetime').map((r) => `${r.inputs.egress ? 'out' : 'in'} ${r.inputs.protocol} ${r.inputs.fromPort}`).sort()).toEqual([
      'in udp 1024',
      'out udp 16384',
      'out udp 16393',
      'out udp 3478',
    ]);
    // FaceTime's Path MTU Discovery entries are iCloud's too.
    expect(networkAclEntryLines(recording, acl)).toHaveLength(10);
  });

  test('an ACL passed on as a component output is the same ACL', async () => {
    const recording = await record(() => {
      const desktops = new Egress('desktops', { products: ['iCloud'], vpcId: 'vpc-0123456789abcdef0', subnetIds: ['subnet-0123456789abcdef0'] });
      new Egress('time', { products: ['NetworkTime', 'iCloud'], networkAclId: desktops.networkAclId! });
    });
    expect(ofType(recording, TYPES.networkAclRule).filter((r) => r.parent === 'time').map((r) => `${r.inputs.egress ? 'out' : 'in'} ${r.inputs.protocol} ${r.inputs.fromPort}`).sort()).toEqual([
      'in udp 1024',
      'out udp 123',
    ]);
    expect(networkAclEntryLines(recording, mockId(TYPES.networkAcl, 'desktops-nacl'))).toHaveLength(8);
  });

  test('a rule number two components want is refused, naming both', async () => {
    const acl = 'acl-0000000000000a002';
    const { message } = await resourceErrorOf(() => {
      new Egress('icloud', { products: ['iCloud'], networkAclId: acl, networkAclOptions: { firstRuleNumber: 100, ruleNumberStep: 1, lastRuleNumber: 102, pathMtuDiscovery: false } });
      new Ingress('ssh', { products: ['SSH'], sources: ['10.0.0.0/8'], networkAclId: acl, networkAclOptions: { firstRuleNumber: 100, lastRuleNumber: 100, pathMtuDiscovery: false } });
    });
    expect(message).toBe(
      "AppleServicesIngress 'ssh': egress rule number 100 of the network ACL 'acl-0000000000000a002' is already taken by 'Out tcp 5223 0.0.0.0/0' of AppleServicesEgress 'icloud'. Give each component sharing the ACL its own rule numbers with networkAclOptions.firstRuleNumber and lastRuleNumber.",
    );
  });

  test('separate rule-number ranges share an ACL', async () => {
    const acl = 'acl-0000000000000a003';
    const recording = await record(() => {
      new Egress('icloud', { products: ['iCloud'], networkAclId: acl, networkAclOptions: { firstRuleNumber: 100, lastRuleNumber: 1000 } });
      new Ingress('ssh', { products: ['SSH'], sources: ['10.0.0.0/8'], networkAclId: acl, networkAclOptions: { firstRuleNumber: 2000, lastRuleNumber: 3000 } });
    });
    expect(networkAclEntryLines(recording, acl)).toEqual([
      'out 160 tcp 80 0.0.0.0/0',
      'out 440 icmp 3:4 0.0.0.0/0',
      'out 470 tcp 443 0.0.0.0/0',
      'out 530 tcp 5223 0.0.0.0/0',
      'out 2650 tcp 1024-65535 10.0.0.0/8',
      'in 630 icmp 3:4 0.0.0.0/0',
      'in 740 tcp 1024-65535 0.0.0.0/0',
      'in 3000 tcp 22 10.0.0.0/8',
    ]);
  });

  test('the entries of all components together must fit the budget', async () => {
    // FaceTime, widened to 3 rules and one Path MTU Discovery entry, shares tcp 5223 and the ICMP entry with iCloud and adds 3: 7 in all.
    const acl = 'acl-0000000000000a004';
    const { message } = await resourceErrorOf(() => {
      new Egress('icloud', { products: ['iCloud'], networkAclId: acl, networkAclOptions: { maxEntries: 4 } });
      new Egress('facetime', { products: ['FaceTime'], networkAclId: acl, networkAclOptions: { maxEntries: 4 } });
    });
    expect(message).toBe(
      "AppleServicesEgress 'facetime': The network ACL 'acl-0000000000000a004' would hold 7 IPv4 egress entries from apple-ports components, more than maxEntries 4. Give the components separate network ACLs, select the products in one component, or raise the quota and networkAclOptions.maxEntries (at most 39).",
    );
  });
});
