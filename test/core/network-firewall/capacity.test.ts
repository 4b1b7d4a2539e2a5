/** Rule group capacity with room to grow, and the domain-list form's targets and capacity. */
import { capacityNameSuffix, defaultCapacity, planDomainListRules } from '../../../lib/core/network-firewall';
import { thrown } from '../../thrown';

test('the default capacity is the rules × 1.5 rounded up to a whole 100, and the name suffix carries it', () => {
  expect([1, 66, 67, 133, 134, 1000].map(defaultCapacity)).toEqual([100, 100, 200, 200, 300, 1500]);
  expect(capacityNameSuffix(200)).toBe('-c200');
});

test('a capacity AWS would refuse is an error naming the range: at most 30,000 per stateful rule group, a quota AWS does not raise', () => {
  expect(thrown(() => planDomainListRules({ products: ['PushNotifications'] }, { capacity: 40_000 })).problems).toEqual([
    { code: 'invalid-capacity', message: 'capacity 40000 is not a rule-group capacity. Use a whole number from 1 to 30000, at least what the rules need, or leave it out.' },
  ]);
  expect(planDomainListRules({ products: ['PushNotifications'] }, { capacity: 30_000 }).capacity).toBe(30_000);
});

describe('planDomainListRules', () => {
  test('targets: a leading dot for a wildcard, names a target matches left out; capacity as AWS counts a domain list', () => {
    const plan = planDomainListRules({ products: ['MacAppStore'] });
    expect(plan.targets).toEqual(['.apps.apple.com', '.itunes.apple.com', 'ppq.apple.com', '.mzstatic.com']);
    expect(plan.targetTypes).toEqual(['TLS_SNI', 'HTTP_HOST']);
    expect([plan.generatedRulesType, plan.requiredCapacity, plan.capacity]).toEqual(['ALLOWLIST', (4 + 1) * 2, 100]);
    expect(plan.notices).toEqual([]);
  });

  test('HTTP_HOST only when a host is on HTTP, and the ports a domain list cannot allow are notices', () => {
    const plan = planDomainListRules({ hostGroups: ['associated-domains'] });
    expect(plan.targetTypes).toEqual(['TLS_SNI']);
    expect(plan.requiredCapacity).toBe(3);
    expect(plan.notices.map((n) => [n.code, n.hosts])).toEqual([['host-ports-not-opened', ['app-site-association.networking.apple', 'app-site-association.cdn-apple.com']]]);
  });
});
