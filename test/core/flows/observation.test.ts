import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FlowObservation, planFirewallRules, replayPolicyFromSelection, type FlowReport } from '../../../lib/core';
import { thrown } from '../../thrown';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'flow-logs');
const text = (name: string) => [readFileSync(join(FIXTURES, name), 'utf8')];

async function observe(options: ConstructorParameters<typeof FlowObservation>[0] = {}): Promise<FlowReport> {
  const observation = new FlowObservation({ local: ['10.20.1.0/24'], ...options });
  await observation.readResolverQueryLog('queries.jsonl', text('apple-vdi-queries.jsonl'));
  await observation.readFlowLog('vdi.log', text('apple-vdi.observer.log'));
  return observation.report({ suggest: true });
}

describe('a week of VDI traffic (generated, in the observer format)', () => {
  let report: FlowReport;
  beforeAll(async () => {
    report = await observe();
  });

  test('counts records by attribution, NODATA apart, and the malformed line with its number', () => {
    expect(report.totals).toEqual({
      records: 12,
      nodata: 1,
      skipdata: 0,
      malformed: 1,
      otherInterfaces: 0,
      notLocal: 0,
      byClass: { apple: 6, ambiguous: 4, 'apple-unmatched': 1, other: 1 },
      queries: 3,
      appleQueries: 2,
    });
    expect(report.malformed).toEqual([{ source: 'vdi.log', lineNumber: 10, reason: "dstport 'notaport' is not a number from 0 to 65535" }]);
  });

  test('the observed Apple ports, with their evidence', () => {
    expect(report.demands.map((d) => [d.direction, d.protocol, d.port, d.hostProducts.length, d.records, d.accepted, d.rejected])).toEqual([
      ['egress', 'tcp', 443, 0, 2, 2, 0],
      ['egress', 'tcp', 443, 1, 1, 1, 0],
      ['egress', 'tcp', 5223, 0, 1, 0, 1],
      ['egress', 'tcp', 5223, 7, 2, 2, 0],
      ['egress', 'udp', 53, 0, 1, 1, 0],
      ['egress', 'udp', 3478, 0, 1, 1, 0],
      ['egress', 'udp', 16385, 0, 1, 1, 0],
      ['ingress', 'tcp', 22, 0, 1, 1, 0],
    ]);
    expect(report.demands[3]).toMatchObject({ hosts: ['*.push.apple.com'], evidence: { 'apns-network': 2, 'apple-network': 0, 'apple-host': 0, none: 0 } });
  });

  test('the suggestion: DNS, FaceTime and iCloud out (iCloud for the host the Resolver named), SSH in', () => {
    expect(report.suggestion?.map((s) => [s.direction, s.products.map((p) => p.product), s.extraPorts])).toEqual([
      ['egress', ['DNS', 'FaceTime', 'iCloud'], 34],
      ['ingress', ['SSH'], 0],
    ]);
    expect(report.suggestion?.[1].profiles).toEqual([{ profile: 'remote-admin-host', extraPorts: 5 }]);
    expect(report.suggestion?.[0].products.find((p) => p.product === 'iCloud')).toEqual({ product: 'iCloud', demands: [0, 1, 2, 3], records: 6, alternatives: [] });
  });

  test('the traffic no Apple service explains is listed, not hidden', () => {
    expect(report.unexplained.map((g) => [g.class, g.protocol, g.servicePort, g.remoteAddresses])).toEqual([
      ['apple-unmatched', 'tcp', 9999, ['17.1.2.3']],
      ['other', 'tcp', 3389, ['198.51.100.99']],
    ]);
  });

  test('a timeline by the hour', () => {
    expect(report.timeline.map((b) => [b.start, b.records.apple + b.records.ambiguous + b.records['apple-unmatched'] + b.records.other])).toEqual([
      [1699999200, 4],
      [1700002800, 8],
    ]);
  });
});

test('replaying iCloud alone: what would break, what was rejected and would now pass', async () => {
  const report = await observe({ replay: replayPolicyFromSelection({ products: ['iCloud'] }, 'iCloud') });
  expect(report.replay?.wouldBlock.map((g) => [g.direction, g.protocol, g.servicePort, g.records])).toEqual([
    ['egress', 'tcp', 9999, 1],
    ['egress', 'udp', 53, 1],
    ['egress', 'udp', 3478, 1],
    ['egress', 'udp', 16385, 1],
    ['ingress', 'tcp', 22, 1],
  ]);
  expect(report.replay?.wouldAllow.map((g) => [g.protocol, g.servicePort, g.records])).toEqual([['tcp', 5223, 1]]);
  expect(report.replay?.unchanged).toBe(6);
});

test('Network Firewall alerts map back to the rules and products that made them', async () => {
  const observation = new FlowObservation({ firewallPlan: planFirewallRules({ products: ['iCloud'] }) });
  await observation.readFirewallLog('alerts.jsonl', text('apple-firewall-alerts.jsonl'));
  const firewall = observation.report().firewall!;
  expect(firewall.alerts).toBe(4);
  expect(firewall.rules.map((r) => [r.sid, r.kind, r.products, r.alerts, r.actions])).toEqual([
    [1000014, 'tls-sni', ['iCloud'], 2, { allowed: 2 }],
    [1000017, 'port', ['iCloud'], 1, { allowed: 1 }],
  ]);
  expect(firewall.unknownSignatures).toEqual([{ sid: 2000001, alerts: 1 }]);
});

test('AWS example records: SSH to the interface is ingress SSH once the interface is local', async () => {
  const observation = new FlowObservation({ local: ['172.31.16.21/32', '2001:db8:1234:a102::/64'] });
  await observation.readFlowLog('aws.log', text('aws-default-format.log'));
  const report = observation.report();
  expect(report.totals).toMatchObject({ records: 2, nodata: 1, skipdata: 1, notLocal: 3 });
  expect(report.groups.map((g) => [g.class, g.direction, g.protocol, g.servicePort, g.products, g.records])).toEqual([['ambiguous', 'ingress', 'tcp', 22, ['SSH', 'XcodeServer'], 2]]);
});

test('records of interfaces not named are left out and counted', async () => {
  const observation = new FlowObservation({ local: ['eni-0000000000000000a'] });
  await observation.readFlowLog('vdi.log', text('apple-vdi.observer.log'));
  expect(observation.report().totals).toMatchObject({ records: 0, otherInterfaces: 12 });
});

test('a bad local CIDR is refused with the fix', () => {
  expect(thrown(() => new FlowObservation({ local: ['10.0.0.0/33'] })).message).toBe(
    "local: Invalid CIDR '10.0.0.0/33': the prefix length in '10.0.0.0/33' must be 0-32 for IPv4. Give a CIDR such as 10.0.0.0/16 or an interface id such as eni-0123456789abcdef0.",
  );
});
