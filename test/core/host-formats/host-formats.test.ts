/**
 * The host files proxies and appliances read, written exactly for one fixed selection (each exact
 * assertion beside a snapshot), and the PAC file evaluated by a real PAC engine.
 */
import { getQuickJS } from '@tootallnate/quickjs-emscripten';
import { createPacResolver } from 'pac-resolver';
import { hostsFor, type HostList } from '../../../lib/core';
import { HOST_FILE_FORMATS, hostFile, pacFile, squidAcl, tlsBypassList, withoutCovered } from '../../../lib/core/host-formats';
import { hostGroups, products } from '../../../lib/core/catalogue';
import { thrown } from '../../thrown';

/** Push notifications, the Mac App Store and DNS over HTTPS: wildcards, an apex beside its wildcard, exact names. */
const selection = (): HostList => hostsFor({ products: ['PushNotifications', 'MacAppStore'], hostGroups: ['dns-resolution'] });
const everything = (): HostList => hostsFor({ products: products.map((p) => p.id), hostGroups: hostGroups.map((g) => g.id) });
const SOURCE = '"Use Apple products on enterprise networks" (https://support.apple.com/en-us/101555)';

describe('plain lists', () => {
  test('wildcards: every name as Apple writes it', () => {
    const text = hostFile(selection(), 'wildcards');
    expect(text).toBe(['*.apps.apple.com', 'doh.dns.apple.com', '*.itunes.apple.com', 'itunes.apple.com', 'ppq.apple.com', '*.push.apple.com', '*.mzstatic.com', ''].join('\n'));
    expect(text).toMatchSnapshot();
  });

  test('domains: no wildcard syntax, and no name an entry already covers', () => {
    const text = hostFile(selection(), 'domains');
    expect(text).toBe(['apps.apple.com', 'doh.dns.apple.com', 'itunes.apple.com', 'ppq.apple.com', 'push.apple.com', 'mzstatic.com', ''].join('\n'));
    expect(text).toMatchSnapshot();
  });

  test('a name under a wildcard is covered; its apex only where the wildcard matches the domain too', () => {
    const names = [
      { domain: 'itunes.apple.com', subdomains: true },
      { domain: 'itunes.apple.com', subdomains: false },
      { domain: 'vpp.itunes.apple.com', subdomains: false },
      { domain: 'a.b.itunes.apple.com', subdomains: true },
      { domain: 'apple.com', subdomains: false },
    ];
    expect(withoutCovered(names, true).map((n) => `${n.subdomains ? '*.' : ''}${n.domain}`)).toEqual(['*.itunes.apple.com', 'apple.com']);
    expect(withoutCovered(names, false).map((n) => `${n.subdomains ? '*.' : ''}${n.domain}`)).toEqual(['*.itunes.apple.com', 'itunes.apple.com', 'apple.com']);
  });

  test('a selection without hosts is refused in every format, never written as an empty file', () => {
    const noHosts = hostsFor({ products: ['Maps'] });
    const fix = "Select products or host groups Apple lists hosts for, e.g. products: ['iCloud'] or hostGroups: ['certificate-validation'].";
    expect(Object.fromEntries(HOST_FILE_FORMATS.map((format) => [format, thrown(() => hostFile(noHosts, format)).problems]))).toEqual({
      domains: [{ code: 'nothing-to-open', message: `Apple's enterprise-network article lists no hosts for Maps, so the domain list would be empty. ${fix}` }],
      wildcards: [{ code: 'nothing-to-open', message: `Apple's enterprise-network article lists no hosts for Maps, so the wildcard list would be empty. ${fix}` }],
      squid: [{ code: 'nothing-to-open', message: `Apple's enterprise-network article lists no hosts for Maps, so the Squid ACL would be empty. ${fix}` }],
      pac: [{ code: 'nothing-to-open', message: `Apple's enterprise-network article lists no hosts for Maps, so the PAC file would be empty. ${fix}` }],
      paloalto: [{ code: 'nothing-to-open', message: `Apple's enterprise-network article lists no hosts for Maps, so the TLS-bypass list would be empty. ${fix}` }],
      zscaler: [{ code: 'nothing-to-open', message: `Apple's enterprise-network article lists no hosts for Maps, so the TLS-bypass list would be empty. ${fix}` }],
      netskope: [{ code: 'nothing-to-open', message: `Apple's enterprise-network article lists no hosts for Maps, so the TLS-bypass list would be empty. ${fix}` }],
    });
  });

  test('hosts all limited to systems the selection leaves out: the fix is the platforms', () => {
    const watch = hostsFor({ hostGroups: ['device-setup'], platforms: ['watchOS'] });
    expect(watch.hostsLeftOut.length).toBeGreaterThan(0);
    expect(thrown(() => hostFile(watch, 'squid')).problems).toEqual([
      {
        code: 'nothing-to-open',
        message: 'Apple limits every host of the selection to systems other than watchOS, so the Squid ACL would be empty. Add the systems the devices run to platforms, or leave platforms out for all.',
      },
    ]);
  });
});

describe('Squid', () => {
  test('one dstdomain line per entry, a leading dot for a wildcard, no entry Squid would call a duplicate', () => {
    const text = squidAcl(selection());
    expect(text).toBe(
      [
        `# Apple's hosts for this selection, from ${SOURCE}.`,
        '# A leading dot matches the domain and every subdomain. Apple services fail under TLS interception:',
        '# splice, do not bump, these hosts (ssl_bump splice apple).',
        'acl apple dstdomain .apps.apple.com',
        'acl apple dstdomain doh.dns.apple.com',
        'acl apple dstdomain .itunes.apple.com',
        'acl apple dstdomain ppq.apple.com',
        'acl apple dstdomain .push.apple.com',
        'acl apple dstdomain .mzstatic.com',
        '',
      ].join('\n'),
    );
    expect(text).toMatchSnapshot();
  });

  test('the ACL name is the user’s, and one Squid refuses is an error naming the fix', () => {
    expect(squidAcl(selection(), { aclName: 'apple_hosts' }).split('\n')[3]).toBe('acl apple_hosts dstdomain .apps.apple.com');
    expect(thrown(() => squidAcl(selection(), { aclName: 'apple hosts' })).problems).toEqual([
      { code: 'invalid-host-format-option', message: "Squid ACL name 'apple hosts' is not one Squid accepts. Use letters, digits, '_', '-' and '.', e.g. 'apple'." },
    ]);
  });
});

describe('TLS-inspection bypass lists', () => {
  test('Palo Alto: *. for subdomains, a trailing slash so a name cannot match a longer one', () => {
    const text = tlsBypassList(selection(), 'paloalto');
    expect(text).toBe(['*.apps.apple.com/', 'doh.dns.apple.com/', '*.itunes.apple.com/', 'itunes.apple.com/', 'ppq.apple.com/', '*.push.apple.com/', '*.mzstatic.com/', ''].join('\n'));
    expect(text).toMatchSnapshot();
  });

  test('Zscaler: a leading period, which also matches the domain, so the apex entry goes', () => {
    const text = tlsBypassList(selection(), 'zscaler');
    expect(text).toBe(['.apps.apple.com', 'doh.dns.apple.com', '.itunes.apple.com', 'ppq.apple.com', '.push.apple.com', '.mzstatic.com', ''].join('\n'));
    expect(text).toMatchSnapshot();
  });

  test('Netskope: *. which also matches the domain, so the apex entry goes', () => {
    const text = tlsBypassList(selection(), 'netskope');
    expect(text).toBe(['*.apps.apple.com', 'doh.dns.apple.com', '*.itunes.apple.com', 'ppq.apple.com', '*.push.apple.com', '*.mzstatic.com', ''].join('\n'));
    expect(text).toMatchSnapshot();
  });

  test('an unknown vendor is an error naming the valid ones', () => {
    expect(thrown(() => tlsBypassList(selection(), 'fortinet' as never)).message).toBe("Unknown TLS-bypass list vendor 'fortinet'. Use one of 'paloalto', 'zscaler', 'netskope'.");
  });
});

describe('PAC file', () => {
  test('Apple’s hosts DIRECT, the rest where the user says', () => {
    const text = pacFile(selection(), { otherwise: 'PROXY proxy.example.com:3128' });
    expect(text).toBe(
      [
        `// Apple's hosts for this selection, from ${SOURCE}.`,
        '// Apple services fail under TLS interception, so these hosts bypass an inspecting proxy.',
        'function FindProxyForURL(url, host) {',
        '  host = host.toLowerCase();',
        '  if (',
        '    dnsDomainIs(host, ".apps.apple.com") ||',
        '    host == "doh.dns.apple.com" ||',
        '    dnsDomainIs(host, ".itunes.apple.com") ||',
        '    host == "itunes.apple.com" ||',
        '    host == "ppq.apple.com" ||',
        '    dnsDomainIs(host, ".push.apple.com") ||',
        '    dnsDomainIs(host, ".mzstatic.com")',
        '  ) {',
        '    return "DIRECT";',
        '  }',
        '  return "PROXY proxy.example.com:3128";',
        '}',
        '',
      ].join('\n'),
    );
    expect(text).toMatchSnapshot();
  });

  test('routes that are not PAC routes are errors naming the fix', () => {
    expect(thrown(() => pacFile(selection(), { appleRoute: 'PROXY proxy', otherwise: 'PROXY p.example.com:70000' })).problems.map((p) => p.message)).toEqual([
      "appleRoute 'PROXY proxy' is not a PAC route. Use 'DIRECT' or 'PROXY host:port' (HTTPS, SOCKS and SOCKS5 work too), e.g. 'PROXY proxy.example.com:3128'.",
      "otherwise 'PROXY p.example.com:70000' is not a PAC route. Use 'DIRECT' or 'PROXY host:port' (HTTPS, SOCKS and SOCKS5 work too), e.g. 'PROXY proxy.example.com:3128'.",
    ]);
    expect(() => pacFile(selection(), { appleRoute: 'PROXY a.example.com:8080; DIRECT', otherwise: 'SOCKS5 [::1]:1080' })).not.toThrow();
  });

  describe('evaluated by a PAC engine (pac-resolver on QuickJS)', () => {
    const APPLE = 'PROXY apple-egress.example.com:8080';
    const OTHER = 'PROXY inspecting.example.com:3128';
    let findProxy: (url: string) => Promise<string>;

    beforeAll(async () => {
      const resolver = createPacResolver(await getQuickJS(), pacFile(everything(), { appleRoute: APPLE, otherwise: OTHER }));
      findProxy = (url) => resolver(url);
    });

    test('every host of everything goes to the Apple route: subdomains of a wildcard, exact names as they are', async () => {
      const list = everything();
      const urls = list.hosts.map((h) => `https://${h.match === 'subdomains' ? `a-1.${h.domain}` : h.domain}/`);
      const routes = await Promise.all(urls.map(findProxy));
      expect(routes.filter((r) => r !== APPLE)).toEqual([]);
      expect(routes).toHaveLength(list.hosts.length);
      expect(await findProxy('https://A-1.PUSH.APPLE.COM/')).toBe(APPLE);
    });

    test('names that only look like Apple’s go to the other route', async () => {
      const lookalikes = ['evilapple.com', 'apple.com.evil.net', 'push.apple.com.evil.net', 'evilpush.apple.com', 'push.apple.com', 'xalbert.apple.com', 'albert.apple.com.example', 'sub.albert.apple.com'];
      expect(await Promise.all(lookalikes.map((name) => findProxy(`https://${name}/`)))).toEqual(lookalikes.map(() => OTHER));
    });
  });
});

test('every format writes everything', () => {
  const list = everything();
  for (const format of HOST_FILE_FORMATS) {
    expect(hostFile(list, format).length).toBeGreaterThan(list.hosts.length);
  }
});
