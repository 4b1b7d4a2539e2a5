/** The DNS Firewall review: rules, what they block, and the names they allow, in both languages. */
import { planDnsFirewall } from '../../lib/core';
import { renderDnsFirewallReview } from '../../lib/review';

const plan = () => planDnsFirewall({ products: ['PushNotifications'], hostGroups: ['dns-resolution'], platforms: ['macOS'] }, { walledGarden: true, allowDomains: ['*.amazonaws.com'] });

test('Markdown: the rules in priority order, then the names allowed as the hosts section prints them', () => {
  const text = renderDnsFirewallReview(plan());
  const lines = text.split('\n');
  expect(lines.slice(0, 6)).toEqual([
    '# Apple DNS Firewall rule group',
    '',
    '- **Products**: Apple Push Notification service (PushNotifications)',
    '- **Profiles**: none',
    '- **Host groups**: Apple Push Notifications (apple-push-notifications), Domain Name System resolution (dns-resolution)',
    '- **Every other name blocked**: yes',
  ]);
  expect(lines).toEqual(expect.arrayContaining(['| 100 | ALLOW (CNAME chain trusted) | Apple\'s 2 hosts, listed below |', '| 200 | ALLOW (CNAME chain trusted) | *.amazonaws.com |', '| 300 | BLOCK (NXDOMAIN) | * |']));
  expect(lines).toContain('| doh.dns.apple.com | tcp 443 | Domain Name System resolution | - | DNS over HTTPS |');
  expect(text).toMatchSnapshot();
});

test('Chinese headings and columns, the same rules', () => {
  const text = renderDnsFirewallReview(plan(), { locale: 'zh-CN', format: 'text' });
  expect(text.split('\n')[0]).toBe('Apple DNS 防火墙规则组');
  expect(text).toContain('拦截其他所有域名：是');
  expect(text).toContain('BLOCK（NXDOMAIN）');
  expect(text).toMatchSnapshot();
});
