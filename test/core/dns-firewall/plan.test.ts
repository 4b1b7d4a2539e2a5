/** The DNS Firewall plan: Apple's names as DNS Firewall reads them, the rules, the walled garden. */
import { planDnsFirewall } from '../../../lib/core';
import { thrown } from '../../thrown';

describe('planDnsFirewall', () => {
  test("Apple's names as Apple writes them, subdomain wildcards without their apex, one ALLOW rule trusting CNAME chains", () => {
    const plan = planDnsFirewall({ products: ['PushNotifications', 'MacAppStore'] });
    expect(plan.domainLists).toEqual([
      { id: 'apple', purpose: "Apple's hosts", domains: ['*.apps.apple.com', '*.itunes.apple.com', 'itunes.apple.com', 'ppq.apple.com', '*.push.apple.com', '*.mzstatic.com'] },
    ]);
    expect(plan.rules).toEqual([{ name: 'allow-apple-hosts', priority: 100, action: 'ALLOW', domainList: 'apple', redirection: 'TRUST_REDIRECTION_DOMAIN' }]);
    expect(plan.walledGarden).toBe(false);
    expect(plan.notices).toEqual([
      {
        code: 'dns-firewall-allow-only',
        message:
          "The DNS Firewall rule group only ALLOWs Apple's names, so on its own it blocks nothing: names it allows skip the rule groups of lower priority. Set walledGarden to block every other name, or associate a rule group that blocks after it.",
      },
    ]);
  });

  test('a walled garden: your names allowed next, then every other name blocked, with a warning that says what that blocks', () => {
    const plan = planDnsFirewall({ profiles: ['ec2-mac-build-host'], platforms: ['macOS'] }, { walledGarden: true, allowDomains: ['*.amazonaws.com', 'example.com', '*.amazonaws.com'], blockResponse: 'NODATA' });
    expect(plan.domainLists.map((l) => [l.id, l.domains.length])).toEqual([
      ['apple', plan.hosts.hosts.length],
      ['allowed', 2],
      ['everything', 1],
    ]);
    expect(plan.domainLists[2]!.domains).toEqual(['*']);
    expect(plan.rules).toEqual([
      { name: 'allow-apple-hosts', priority: 100, action: 'ALLOW', domainList: 'apple', redirection: 'TRUST_REDIRECTION_DOMAIN' },
      { name: 'allow-your-domains', priority: 200, action: 'ALLOW', domainList: 'allowed', redirection: 'TRUST_REDIRECTION_DOMAIN' },
      { name: 'block-every-other-name', priority: 300, action: 'BLOCK', domainList: 'everything', blockResponse: 'NODATA' },
    ]);
    expect(plan.notices).toEqual([
      {
        code: 'dns-firewall-walled-garden',
        message:
          "The DNS Firewall rule group BLOCKs every name the VPC resolves except Apple's and those in allowDomains (*.amazonaws.com, example.com). Before you associate it, check that allowDomains holds every other name the VPC needs: AWS service endpoints (*.amazonaws.com: S3, SSM, ECR, STS…), package mirrors, your own domains.",
      },
    ]);
    expect(plan.hosts.hostsLeftOut.map((h) => h.host)).not.toContain('swscan.apple.com');
  });

  test('a walled garden without allowDomains says that AWS service endpoints are blocked too', () => {
    expect(planDnsFirewall({ products: ['PushNotifications'] }, { walledGarden: true }).notices).toEqual([
      {
        code: 'dns-firewall-walled-garden',
        message:
          "The DNS Firewall rule group BLOCKs every name the VPC resolves except Apple's: AWS service endpoints (*.amazonaws.com: S3, SSM, ECR, STS…), package mirrors and your own domains included. List the names the VPC needs in allowDomains before you associate it.",
      },
    ]);
  });

  test('each kind of list has its own priority, so allowing names of your own renumbers no other rule', () => {
    const garden = planDnsFirewall({ products: ['PushNotifications'] }, { walledGarden: true });
    const withYours = planDnsFirewall({ products: ['PushNotifications'] }, { walledGarden: true, allowDomains: ['*.amazonaws.com'] });
    expect(garden.rules.map((r) => [r.name, r.priority])).toEqual([
      ['allow-apple-hosts', 100],
      ['block-every-other-name', 300],
    ]);
    expect(withYours.rules.map((r) => [r.name, r.priority])).toEqual([
      ['allow-apple-hosts', 100],
      ['allow-your-domains', 200],
      ['block-every-other-name', 300],
    ]);
  });

  test('bad names and selections are reported together, with the fix', () => {
    expect(thrown(() => planDnsFirewall({ products: ['iCloudd' as never] }, { allowDomains: ['*', 'bad_name.com'] })).problems).toEqual([
      { code: 'unknown-product', message: "Unknown Apple product 'iCloudd'. Did you mean 'iCloud'?" },
      { code: 'invalid-domain', message: "allowDomains: '*' would allow every name. List the domains to allow, e.g. '*.amazonaws.com', or leave walledGarden off." },
      {
        code: 'invalid-domain',
        message:
          "allowDomains: 'bad_name.com' is not a DNS Firewall domain. Use letters, digits and hyphens in dot-separated labels, at most 255 characters, optionally starting with '*.' for every subdomain: '*.amazonaws.com', 'example.com'.",
      },
    ]);
    expect(thrown(() => planDnsFirewall({ products: ['Maps'] })).message).toBe(
      "Apple's enterprise-network article lists no hosts for Maps, so the DNS Firewall rule group would allow no name. Select products or host groups Apple lists hosts for, e.g. products: ['iCloud'] or hostGroups: ['certificate-validation'].",
    );
    expect(thrown(() => planDnsFirewall({ hostGroups: ['device-setup'], platforms: ['watchOS'] })).problems).toEqual([
      {
        code: 'nothing-to-open',
        message: 'Apple limits every host of the selection to systems other than watchOS, so the DNS Firewall rule group would allow no name. Add the systems the devices run to platforms, or leave platforms out for all.',
      },
    ]);
  });
});
