/**
 * NAT-PMP requests go by unicast to the device's own gateway (RFC 6886), which in a VPC is the VPC
 * router: they stay out by default with their own reason and notice, and includeLinkLocal keeps them.
 */
import { resolve } from '../../../lib/core';
import { planFirewallRuleGroup } from '../../../lib/core/attach/firewall-rule-group';

describe('services sent to the local gateway', () => {
  test('are left out by default, with the reason local-gateway and their own notice', () => {
    const policy = resolve({ products: ['Bonjour', 'PushNotifications'] });
    expect(policy.excluded.filter((e) => e.service.startsWith('nat-pmp'))).toEqual([
      { service: 'nat-pmp-announcements', reason: 'link-local', products: ['Bonjour'] },
      { service: 'nat-pmp', reason: 'local-gateway', products: ['Bonjour'] },
    ]);
    expect(policy.notices.find((n) => n.code === 'local-gateway-excluded')).toEqual({
      code: 'local-gateway-excluded',
      message: 'Left out requests to the local gateway, which in a VPC is the VPC router and does not answer them (set includeLinkLocal to keep them): nat-pmp (udp 5351) for Bonjour.',
      services: ['nat-pmp'],
      products: ['Bonjour'],
      widened: [],
    });
    expect(policy.rules.some((r) => r.protocol === 'udp')).toBe(false);
  });

  test('includeLinkLocal keeps them, with the link-local multicast', () => {
    const policy = resolve({ products: ['Bonjour'], includeLinkLocal: true });
    expect(policy.rules.map((r) => `${r.protocol} ${r.fromPort}-${r.toPort}`)).toEqual(['udp 1900-1900', 'udp 5350-5351', 'udp 5353-5353']);
    expect(policy.notices.map((n) => n.code)).toEqual([]);
  });

  test('a Network Firewall rule group does not warn about them: they never reach a firewall, and it cannot keep them', () => {
    const plan = planFirewallRuleGroup({ products: ['Bonjour', 'PushNotifications'] });
    expect(plan.ok && plan.value.plan.policy!.notices.map((n) => n.code)).toEqual(expect.arrayContaining(['link-local-excluded', 'local-gateway-excluded']));
    expect(plan.ok && plan.value.warnings.map((w) => w.id)).toEqual(['apple-ports:legacy-excluded', 'apple-ports:ports-beyond-port-table']);
  });
});
