/**
 * A proxy auto-config (PAC) file that sends Apple's hosts DIRECT, or to a proxy the user names,
 * and everything else where the user says: Apple services fail under TLS interception, so a PAC
 * file is the usual way to keep them away from an inspecting proxy.
 */
import { catalogue } from '../catalogue';
import { isPortNumber } from '../ports';
import { API_TERMS, type HostList } from '../policy';
import { throwIfProblems, type Problem } from '../problems';
import { emptyFileProblems, hostNames, lines, type HostFormatOptions } from './names';

/** Options of `pacFile`. */
export interface PacFileOptions extends HostFormatOptions {
  /**
   * Where Apple's hosts go: `'DIRECT'`, or a proxy as `'PROXY host:port'` (also `HTTPS`, `SOCKS`,
   * `SOCKS5`), several separated by `'; '` as PAC files allow.
   * @default 'DIRECT'
   */
  readonly appleRoute?: string;
  /**
   * Where every other request goes, in the same form, e.g. `'PROXY proxy.example.com:3128'`.
   * @default 'DIRECT'
   */
  readonly otherwise?: string;
}

const ROUTE = /^(DIRECT|(PROXY|HTTPS|SOCKS|SOCKS5) ([A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*|\[[0-9A-Fa-f:.]+\]):(\d+))$/;

function checkRoute(name: string, route: string, problems: Problem[]): void {
  const parts = route.split(';').map((part) => part.trim());
  const bad = parts.filter((part) => {
    const match = ROUTE.exec(part);
    return match === null || (match[5] !== undefined && !isPortNumber(Number(match[5])));
  });
  if (bad.length > 0) {
    problems.push({
      code: 'invalid-host-format-option',
      message: `${name} '${route}' is not a PAC route. Use 'DIRECT' or 'PROXY host:port' (HTTPS, SOCKS and SOCKS5 work too), e.g. 'PROXY proxy.example.com:3128'.`,
    });
  }
}

/** A JavaScript string literal for a value PAC code compares with. */
function quoted(text: string): string {
  return JSON.stringify(text);
}

/**
 * The PAC file: `FindProxyForURL` returns `appleRoute` for Apple's hosts and `otherwise` for the
 * rest. `*.push.apple.com` matches subdomains only (`dnsDomainIs(host, ".push.apple.com")`), an
 * exact name only itself, as Apple means them; names are compared in lower case. A list without
 * hosts is refused: its file would send nothing to `appleRoute`.
 */
export function pacFile(list: HostList, options: PacFileOptions = {}): string {
  const appleRoute = options.appleRoute ?? 'DIRECT';
  const otherwise = options.otherwise ?? 'DIRECT';
  const problems: Problem[] = [];
  const terms = options.terms ?? API_TERMS;
  checkRoute(terms.field('appleRoute'), appleRoute, problems);
  checkRoute(terms.field('otherwise'), otherwise, problems);
  problems.push(...emptyFileProblems(list, 'the PAC file', options));
  throwIfProblems(problems);
  const tests = hostNames(list).map((n) => (n.subdomains ? `dnsDomainIs(host, ${quoted(`.${n.domain}`)})` : `host == ${quoted(n.domain)}`));
  const body = ['  host = host.toLowerCase();', '  if (', ...tests.map((test, i) => `    ${test}${i < tests.length - 1 ? ' ||' : ''}`), '  ) {', `    return ${quoted(appleRoute)};`, '  }'];
  return lines([
    `// Apple's hosts for this selection, from "${catalogue.hostSource.title}" (${catalogue.hostSource.urls[0]}).`,
    '// Apple services fail under TLS interception, so these hosts bypass an inspecting proxy.',
    'function FindProxyForURL(url, host) {',
    ...body,
    `  return ${quoted(otherwise)};`,
    '}',
  ]);
}
