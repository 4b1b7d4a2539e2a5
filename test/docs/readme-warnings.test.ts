/**
 * The README's table of notices and warnings lists every warning id the planners can raise, and
 * nothing else: each notice-code union, read with the compiler, against the table's first column.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringLiteralsOf } from '../type-literals';

/** Where each family of warnings is typed, and the prefix its ids get after `apple-ports:`. */
const SOURCES = [
  { file: 'lib/core/policy/types.ts', type: 'NoticeCode', prefix: '' },
  { file: 'lib/core/attach/services.ts', type: 'NetworkAclWarningCode', prefix: 'network-acl-' },
  { file: 'lib/core/network-firewall/types.ts', type: 'FirewallNoticeCode', prefix: '' },
  { file: 'lib/core/dns-firewall/types.ts', type: 'DnsFirewallNoticeCode', prefix: '' },
  { file: 'lib/core/flows/observer-plan.ts', type: 'ObserverNoticeCode', prefix: '' },
];

function tableIds(): string[] {
  const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('### Notices and warnings'));
  const table = section.slice(0, section.indexOf('\n\n', section.indexOf('| Warning |')));
  return table
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .flatMap((line) => [...line.split(' | ')[0]!.matchAll(/`apple-ports:([a-z0-9-]+)`/g)].map((m) => m[1]!))
    .sort();
}

test('the README lists every warning id, once, and no other', () => {
  const raised = [...new Set(SOURCES.flatMap(({ file, type, prefix }) => stringLiteralsOf(file, type).map((code) => `${prefix}${code}`)))].sort();
  const listed = tableIds();
  expect(listed.filter((id, index) => listed.indexOf(id) !== index)).toEqual([]);
  expect({ missing: raised.filter((id) => !listed.includes(id)), unknown: listed.filter((id) => !raised.includes(id)) }).toEqual({ missing: [], unknown: [] });
  expect(listed).toContain('network-acl-path-mtu-discovery-off');
});
