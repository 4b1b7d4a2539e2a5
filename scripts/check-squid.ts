/**
 * `npm run check:squid`: Squid itself parses the ACLs `apple-ports hosts --format squid` writes,
 * for every product and host group and for each host group alone, and any warning fails the check
 * (Squid warns of overlapping dstdomain entries rather than refusing them). Run by `.ci/run`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hostGroups, hostsFor, products, squidAcl } from '../lib/core';
import { ensureCommand } from './external-tool';

const selections: { readonly name: string; readonly acl: string }[] = [
  { name: 'everything', acl: squidAcl(hostsFor({ products: products.map((p) => p.id), hostGroups: hostGroups.map((g) => g.id) })) },
  { name: 'everything for macOS', acl: squidAcl(hostsFor({ products: products.map((p) => p.id), hostGroups: hostGroups.map((g) => g.id), platforms: ['macOS'] }), { aclName: 'apple_macos' }) },
  ...hostGroups.map((g) => ({ name: `host group ${g.id}`, acl: squidAcl(hostsFor({ hostGroups: [g.id] })) })),
];

function squidConf(acl: string, aclName: string): string {
  return [acl, 'http_port 127.0.0.1:3128', `http_access allow ${aclName}`, 'http_access deny all', ''].join('\n');
}

function main(): number {
  if (!ensureCommand('squid', 'squid')) {
    return 0;
  }
  const dir = mkdtempSync(join(tmpdir(), 'apple-ports-squid-'));
  let failures = 0;
  try {
    for (const [index, selection] of selections.entries()) {
      const aclName = /^acl (\S+) /m.exec(selection.acl)?.[1] ?? 'apple';
      const file = join(dir, `squid-${index}.conf`);
      writeFileSync(file, squidConf(selection.acl, aclName));
      // -k parse reads and checks the configuration, then exits: no proxy is started.
      const run = spawnSync('squid', ['-k', 'parse', '-f', file], { encoding: 'utf8' });
      const output = `${run.stdout}${run.stderr}`;
      const complaints = output.split('\n').filter((line) => /WARNING|ERROR|FATAL/i.test(line));
      if (run.status !== 0 || complaints.length > 0) {
        failures++;
        process.stdout.write(`FAIL ${selection.name}: squid -k parse exited ${run.status}\n${complaints.join('\n') || output}\n`);
      } else {
        process.stdout.write(`ok   ${selection.name} (${selection.acl.split('\n').filter((l) => l.startsWith('acl ')).length} dstdomain entries)\n`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  process.stdout.write(`squid: ${selections.length - failures} passed, ${failures} failed\n`);
  return failures === 0 ? 0 : 1;
}

process.exitCode = main();
