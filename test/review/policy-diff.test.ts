import { diffPolicies, renderPolicyDiff, resolve, type PolicyDiff, type PolicySelection } from '../../lib';
import { changeText } from './change-text';

const ANYWHERE = { kind: 'ipv4', cidr: '0.0.0.0/0' } as const;

function diff(before: PolicySelection, after: PolicySelection): PolicyDiff {
  return diffPolicies(resolve(before), resolve(after));
}

describe('diffPolicies', () => {
  test('adding a product that widens a rule reports the ports it opens, not a removed and an added rule', () => {
    // 16384-16387 → 16384-16403: one change that opens 16388-16403 for Messages.
    const result = diff({ products: ['FaceTime'], exclude: ['facetime-rtp-extended'] }, { products: ['FaceTime', 'Messages'], exclude: ['facetime-rtp-extended'] });
    expect(result.products).toEqual({ added: ['Messages'], removed: [] });
    expect(result.changes.map(changeText)).toEqual([
      'added egress tcp - → 5297 0.0.0.0/0; +5297 --',
      'widened egress udp 16384-16387 → 16384-16403 0.0.0.0/0; +16388-16403 --',
    ]);
    expect(result.changes[1].reasons).toEqual([
      { effect: 'opens', ports: [{ fromPort: 16388, toPort: 16403 }], source: 'service', service: 'messages-rtp', products: ['Messages'], extra: [] },
    ]);
    expect(result.unchangedRules).toBe(4);
    expect(result.opened).toEqual({ ports: 17, ranges: 2 });
    expect(result.closed).toEqual({ ports: 0, ranges: 0 });
  });

  test('a new product that joins two rules into one opens only the gap and the new ports', () => {
    const result = diff({ products: ['FaceTime'] }, { products: ['FaceTime', 'Messages'] });
    expect(result.changes.map(changeText)).toEqual([
      'added egress tcp - → 5297 0.0.0.0/0; +5297 --',
      'widened egress udp 16384-16387,16393-16402 → 16384-16403 0.0.0.0/0; +16388-16392,16403 --',
    ]);
  });

  test('adding a product whose ports are already open changes nothing', () => {
    const result = diff({ products: ['FaceTime'] }, { products: ['FaceTime', 'iCloud'] });
    expect(result.products.added).toEqual(['iCloud']);
    expect(result.changes).toEqual([]);
    expect(result.unchangedRules).toBe(6);
    expect(renderPolicyDiff(result, { format: 'text' })).toContain('No firewall changes: both policies open the same ports to the same peers.');
  });

  test('removing a product closes the ports only it needed, and says it is no longer selected', () => {
    const result = diff({ products: ['FaceTime', 'PushNotifications'] }, { products: ['FaceTime'] });
    expect(result.products).toEqual({ added: [], removed: ['PushNotifications'] });
    expect(result.changes.map(changeText)).toEqual(['removed egress tcp 2197 → - 0.0.0.0/0; +- -2197']);
    expect(result.changes[0].reasons).toEqual([
      { effect: 'closes', ports: [{ fromPort: 2197, toPort: 2197 }], source: 'service', service: 'apns-provider', products: ['PushNotifications'], extra: [], cause: 'deselected' },
    ]);
    expect(result.closed).toEqual({ ports: 1, ranges: 1 });
  });

  test('leaving out retired services narrows a merged rule, and names each service and the cause', () => {
    const result = diff({ products: ['PushNotifications'], includeLegacy: true }, { products: ['PushNotifications'] });
    expect(result.changes.map(changeText)).toEqual(['narrowed egress tcp 2195-2197 → 2197 0.0.0.0/0; +- -2195-2196']);
    expect(result.changes[0].reasons.map((r) => [r.service, r.ports, r.cause])).toEqual([
      ['apns-legacy-provider', [{ fromPort: 2195, toPort: 2195 }], 'legacy'],
      ['apns-legacy-feedback', [{ fromPort: 2196, toPort: 2196 }], 'legacy'],
    ]);
  });

  test('a service left out by exclude is reported with that cause', () => {
    const result = diff({ products: ['FaceTime'] }, { products: ['FaceTime'], exclude: ['facetime-rtp'] });
    expect(result.changes.map(changeText)).toEqual(['removed egress udp 16384-16387 → - 0.0.0.0/0; +- -16384-16387']);
    expect(result.changes[0].reasons[0]).toMatchObject({ service: 'facetime-rtp', cause: 'user' });
  });

  test('a rule budget that closes a gap is a widening the budget explains', () => {
    const result = diff({ products: ['FaceTime'] }, { products: ['FaceTime'], maxRules: 5 });
    expect(result.maxRules).toEqual({ before: null, after: 5 });
    expect(result.changes.map(changeText)).toEqual(['widened egress udp 16384-16387,16393-16402 → 16384-16402 0.0.0.0/0; +16388-16392 --']);
    expect(result.changes[0].reasons).toEqual([{ effect: 'opens', ports: [{ fromPort: 16388, toPort: 16392 }], source: 'budget', products: [], extra: [] }]);
  });

  test('a product added under a budget is told apart from the budget widening around it', () => {
    const result = diff({ products: ['FaceTime'], maxRules: 5 }, { products: ['FaceTime', 'GameCenter'], maxRules: 5 });
    const udp = result.changes.filter((c) => c.protocol === 'udp');
    const reasons = udp.flatMap((c) => c.reasons.map((r) => `${r.effect} ${r.source} ${r.service ?? ''} ${r.ports.map((p) => `${p.fromPort}-${p.toPort}`).join(',')}`));
    expect(reasons).toEqual(expect.arrayContaining(['opens service game-center-rtp 16403-16472']));
    // Every opened port is explained exactly once.
    for (const change of result.changes) {
      const explained = change.reasons.filter((r) => r.effect === 'opens').reduce((sum, r) => sum + r.ports.reduce((s, p) => s + p.toPort - p.fromPort + 1, 0), 0);
      expect(explained).toBe(change.opened.reduce((s, p) => s + p.toPort - p.fromPort + 1, 0));
    }
  });

  test('narrowing to Apple\'s network moves a rule from one peer to another', () => {
    const result = diff({ products: ['FaceTime'] }, { products: ['FaceTime'], destinations: ['apple-network'] });
    expect(result.changes.map(changeText)).toEqual(['removed egress tcp 5223 → - 0.0.0.0/0; +- -5223', 'added egress tcp - → 5223 17.0.0.0/8; +5223 --']);
    expect(result.changes[0].reasons[0].cause).toBeUndefined();
  });

  test("the user's own rules explain the ports they open", () => {
    const result = diff({ products: ['iCloud'] }, { products: ['iCloud'], extraRules: [{ protocol: 'tcp', fromPort: 8080, description: 'Corporate proxy' }] });
    expect(result.changes).toEqual([
      {
        kind: 'added',
        direction: 'egress',
        protocol: 'tcp',
        peer: ANYWHERE,
        before: [],
        after: [{ fromPort: 8080, toPort: 8080 }],
        opened: [{ fromPort: 8080, toPort: 8080 }],
        closed: [],
        reasons: [{ effect: 'opens', ports: [{ fromPort: 8080, toPort: 8080 }], source: 'extra', products: [], extra: ['Corporate proxy'] }],
      },
    ]);
  });

  test('a change of direction removes every rule of one and adds every rule of the other', () => {
    const result = diff({ products: ['SSH'] }, { products: ['SSH'], direction: 'ingress', destinations: ['10.0.0.0/8'] });
    expect(result.direction).toEqual({ before: 'egress', after: 'ingress' });
    expect(result.changes.map(changeText)).toEqual(['removed egress tcp 22 → - 0.0.0.0/0; +- -22', 'added ingress tcp - → 22 10.0.0.0/8; +22 --']);
  });

  test('a diff and its reverse swap what opens and what closes', () => {
    const pairs: [PolicySelection, PolicySelection][] = [
      [{ products: ['FaceTime'] }, { products: ['GameCenter', 'Messages'], maxRules: 6 }],
      [{ profiles: ['managed-mac'] }, { profiles: ['communications'], ipv6: true }],
    ];
    for (const [a, b] of pairs) {
      const forward = diff(a, b);
      const backward = diff(b, a);
      expect(backward.opened).toEqual(forward.closed);
      expect(backward.closed).toEqual(forward.opened);
      expect(backward.unchangedRules).toBe(forward.unchangedRules);
      expect(diff(a, a).changes).toEqual([]);
    }
  });
});

describe('renderPolicyDiff', () => {
  const addMessages = diff({ products: ['FaceTime'], exclude: ['facetime-rtp-extended'] }, { products: ['FaceTime', 'Messages'], exclude: ['facetime-rtp-extended'] });

  test('Markdown: the paragraph and table a reviewer reads on a pull request', () => {
    const markdown = renderPolicyDiff(addMessages);
    expect(markdown).toBe(
      [
        '# Apple network policy changes',
        '',
        '- **Products added**: Messages',
        '- **Products removed**: none',
        '',
        'Opens 17 ports in 2 ranges; closes none.',
        '',
        '| Change | Direction | Protocol | Ports | Peer | Why |',
        '|---|---|---|---|---|---|',
        '| added | egress | tcp | 5297 | 0.0.0.0/0 | opens tcp 5297: Messages → messages-local: Messages local |',
        '| widened | egress | udp | 16384-16387 → 16384-16403 | 0.0.0.0/0 | opens udp 16388-16403: Messages → messages-rtp: Real-Time Transport Protocol (RTP), Real-Time Control Protocol (RTCP), RFC 3550 |',
        '',
      ].join('\n'),
    );
  });

  test('text: one +/-/~ line per change with its reasons indented beneath', () => {
    const removed = diff({ products: ['FaceTime', 'PushNotifications'] }, { products: ['FaceTime', 'Messages'] });
    const text = renderPolicyDiff(removed, { format: 'text' });
    expect(text).toContain(
      [
        '- removed egress tcp 2197 to 0.0.0.0/0',
        '    closes tcp 2197: Apple Push Notification service → apns-provider: Apple Push Notification service (APNs) (no longer selected)',
        '+ added egress tcp 5297 to 0.0.0.0/0',
        '    opens tcp 5297: Messages → messages-local: Messages local',
        '~ widened egress udp 16384-16387, 16393-16402 → 16384-16403 to 0.0.0.0/0',
        '    opens udp 16388-16392, udp 16403: Messages → messages-rtp: Real-Time Transport Protocol (RTP), Real-Time Control Protocol (RTCP), RFC 3550',
      ].join('\n'),
    );
    expect(text).toMatchSnapshot();
  });

  test('settings that change are listed beside the products', () => {
    const markdown = renderPolicyDiff(diff({ products: ['FaceTime'] }, { products: ['FaceTime'], maxRules: 5 }));
    expect(markdown).toContain('- **Rule budget**: none → maxRules 5 per address family\n');
    expect(markdown).toContain('| widened | egress | udp | 16384-16387, 16393-16402 → 16384-16402 | 0.0.0.0/0 | opens udp 16388-16392: widened to fit maxRules 5 |');
    const direction = renderPolicyDiff(diff({ products: ['SSH'] }, { products: ['SSH'], direction: 'ingress', destinations: ['10.0.0.0/8'] }));
    expect(direction).toContain('- **Direction**: egress → ingress\n');
  });

  test('zh-CN uses the Chinese names and headings', () => {
    const markdown = renderPolicyDiff(addMessages, { locale: 'zh-CN' });
    expect(markdown).toContain('# Apple 网络策略变更\n');
    expect(markdown).toContain('- **新增产品**：信息 (Messages)\n');
    expect(markdown).toContain('开放 17 个端口（2 个范围）；不关闭端口。');
    expect(markdown).toContain('| 放宽 | 出站 | udp | 16384-16387 → 16384-16403 | 0.0.0.0/0 | 开放 udp 16388-16403：信息 → messages-rtp：实时传输协议 (RTP)、实时控制协议 (RTCP)，RFC 3550 |');
    expect(markdown).toMatchSnapshot();
  });

  test('JSON is the PolicyDiff itself', () => {
    expect(JSON.parse(renderPolicyDiff(addMessages, { format: 'json' }))).toEqual(addMessages);
  });
});

describe('ingress changes name where connections come from', () => {
  test('an ingress rule removed reads "from" its source', () => {
    const before = resolve({ products: ['ScreenSharing'], direction: 'ingress', destinations: ['10.0.0.0/8'] });
    const after = resolve({ products: ['AppleRemoteDesktop'], direction: 'ingress', destinations: ['10.0.0.0/8'] });
    const text = renderPolicyDiff(diffPolicies(before, after), { format: 'text' });
    expect(text).toContain('removed ingress tcp 88 from 10.0.0.0/8');
    expect(text).not.toContain(' to 10.0.0.0/8');
  });
});
