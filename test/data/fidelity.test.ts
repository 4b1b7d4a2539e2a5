/**
 * The catalogue says what Apple's table says, row by row: the same ports and protocols, the same
 * names and RFCs, and every "used by" entry given to exactly one product — nothing dropped,
 * nothing invented. The table is the zh-CN copy of article 103229, kept verbatim in
 * test/fixtures/apple-ports-zh-CN.txt, and the comparison is the article checker's
 * (`apple-ports catalogue check`), which must find no difference.
 */
import { DASH, checkPortArticle, readPortTableText, splitUsedBy, type PortArticleRow, type ServiceEntry } from '../../lib/core/catalogue';
import type { ProtocolPortRange } from '../../lib/core/ports';
import { loadCatalogue, seedText } from './load';

const catalogue = loadCatalogue();
const article = readPortTableText(seedText);
const rows = article.rows;
const parseSeedTable = (text: string) => readPortTableText(text).rows;

const portsKey = (ports: readonly ProtocolPortRange[]) => ports.map((p) => `${p.protocol}:${p.fromPort}-${p.toPort}`).join(',');
const rowTitle = (row: PortArticleRow) => `${portsKey(row.ports)} (${row.where})`;

function serviceFor(row: PortArticleRow): ServiceEntry {
  const matches = catalogue.services.filter((s) => portsKey(s.ports) === portsKey(row.ports));
  if (matches.length !== 1) {
    throw new Error(`${matches.length} services have the ports of row ${rowTitle(row)}`);
  }
  return matches[0]!;
}

describe('the seed table parser', () => {
  it('reads all 56 rows', () => {
    expect(rows).toHaveLength(56);
    expect(rows[0]!.ports).toEqual([{ protocol: 'tcp', fromPort: 22, toPort: 22 }]);
    expect(rows[rows.length - 1]!.ports).toEqual([{ protocol: 'tcp', fromPort: 49152, toPort: 65535 }]);
  });

  it('joins a row whose "used by" cell moved to the next line (25)', () => {
    const row = rows.find((r) => r.ports[0]!.fromPort === 25)!;
    expect(row).toEqual({
      where: 'line 23',
      ports: [{ protocol: 'tcp', fromPort: 25, toPort: 25 }],
      name: '简单邮件传输协议 (SMTP)',
      rfc: 5321,
      serviceName: 'smtp',
      usedBy: ['邮件（发送电子邮件）', 'iCloud 邮件（发送电子邮件）'],
    });
  });

  it('joins a name that wraps (110) and reads a blank RFC cell as none (465)', () => {
    expect(rows.find((r) => r.ports[0]!.fromPort === 110)!.name).toBe('邮局协议 (POP3)、经过认证的邮局协议 (APOP)');
    const submissions = rows.find((r) => r.ports[0]!.fromPort === 465)!;
    expect([submissions.rfc, submissions.serviceName]).toEqual([null, 'smtp（旧版）']);
  });

  it('reads TCP/UDP as two ranges and en-dash ranges as from–to', () => {
    expect(rows.find((r) => r.ports[0]!.fromPort === 53)!.ports).toEqual([
      { protocol: 'tcp', fromPort: 53, toPort: 53 },
      { protocol: 'udp', fromPort: 53, toPort: 53 },
    ]);
    expect(rows.find((r) => r.ports[0]!.fromPort === 3478)!.ports).toEqual([{ protocol: 'udp', fromPort: 3478, toPort: 3497 }]);
  });

  it('splits "used by" on top-level separators only, keeping bracketed lists and "such as" together (443, 389, 5228)', () => {
    const https = rows.find((r) => r.ports[0]!.fromPort === 443)!;
    expect(https.usedBy).toHaveLength(17);
    expect(https.usedBy[8]).toBe('iCloud 认证和 DAV 服务（通讯录、日历、书签）');
    expect(https.usedBy[9]).toBe('iCloud 云备份和 App（日历、通讯录、查找我的 iPhone、查找我的朋友、邮件、iMessage 信息、文稿和照片流）');
    expect(https.usedBy[16]).toBe('推送通知（如有必要）');
    expect(rows.find((r) => r.ports[0]!.fromPort === 389)!.usedBy).toEqual(['查找地址的 App，如“邮件”和“地址簿”']);
    expect(rows.find((r) => r.ports[0]!.fromPort === 5228)!.usedBy).toEqual(['聚焦建议', 'Siri']);
    expect(splitUsedBy('信息（音频 RTP、RTCP；视频 RTP、RTCP）、iCloud 邮件 (SSL IMAP)；A，B', 'zh-CN')).toEqual([
      '信息（音频 RTP、RTCP；视频 RTP、RTCP）',
      'iCloud 邮件 (SSL IMAP)',
      'A',
      'B',
    ]);
  });

  it('fails loudly on a row it cannot read', () => {
    const header = '端口\tTCP 或\nUDP\t服务或\n协议名称1\tRFC2\t服务名称3\t使用者\n';
    const table = (row: string) => `${header}${row}\n`;
    expect(() => parseSeedTable(table('22\tTCP\tSSH\t4253\tssh\tXcode\n'))).not.toThrow();
    expect(() => parseSeedTable(table('3478-3497\tUDP\t—\t—\t—\tFaceTime'))).toThrow(/line 4: a row must start with a port or an en-dash range/);
    expect(() => parseSeedTable(table('22\tSCTP\tSSH\t4253\tssh\tXcode'))).toThrow(/line 4: cannot read protocol "SCTP"/);
    expect(() => parseSeedTable(table('22\tTCP\tSSH\tRFC 4253\tssh\tXcode'))).toThrow(/line 4: cannot read RFC "RFC 4253"/);
    expect(() => parseSeedTable(table('22\tTCP\tSSH\t4253\tssh'))).toThrow('line 4: expected 6 columns, found 5: "22 | TCP | SSH | 4253 | ssh"');
    expect(() => parseSeedTable(table('22\tTCP\tSSH\t4253\tssh\tXcode（托管'))).toThrow(/line 4: unclosed bracket/);
    expect(() => parseSeedTable(table('22\tTCP\tSSH\t4253\tssh\tXcode、、Mail'))).toThrow(/line 4: empty entry/);
    expect(() => parseSeedTable(table('70000\tTCP\tX\t—\tx\tY'))).toThrow(/line 4: port range 70000–70000 is not within 1–65535/);
    expect(() => parseSeedTable(table('22\tTCP\tSSH\t4253\tssh\tXcode\n\nFootnote'))).toThrow(/line 6: text outside any row/);
    expect(() => parseSeedTable('no table here')).toThrow(/no table header/);
  });
});

describe('fidelity to Apple’s table (article 103229)', () => {
  it('the article checker finds no difference between the saved copy and the catalogue', () => {
    expect(article.locale).toBe('zh-CN');
    expect(checkPortArticle(article, catalogue)).toEqual([]);
  });

  it('has one service per row, and no other', () => {
    expect(catalogue.services).toHaveLength(rows.length);
    const rowKeys = rows.map((r) => portsKey(r.ports)).sort();
    expect(catalogue.services.map((s) => portsKey(s.ports)).sort()).toEqual(rowKeys);
  });

  it('keeps appleServiceName only where Apple’s printed name differs from IANA’s', () => {
    expect(catalogue.services.filter((s) => s.appleServiceName !== undefined && s.appleServiceName === s.ianaName).map((s) => s.id)).toEqual([]);
    expect(serviceFor(rows.find((r) => r.ports[0]!.fromPort === 16384 && r.ports[0]!.toPort === 16403)!).appleServiceName).toBe('connected, —');
  });

  it('the zh-CN wording of every "used by" entry and name is a row’s text, byte for byte', () => {
    const zh = new Set(rows.flatMap((r) => [...r.usedBy, ...(r.name === null ? [] : [r.name])]));
    const strays = [
      ...catalogue.products.flatMap((p) => p.uses.flatMap((u) => u.usedBy.map((b) => b['zh-CN']))),
      ...catalogue.services.flatMap((s) => (s.name === null ? [] : [s.name['zh-CN']])),
    ].filter((text) => !zh.has(text));
    expect(strays).toEqual([]);
    expect([...zh].some((t) => t.includes(DASH))).toBe(false);
  });

  it('a use with no "used by" entry explains itself, and a row without users is still reachable', () => {
    const silent = rows.filter((r) => r.usedBy.length === 0).map((r) => serviceFor(r).id);
    expect(silent).toEqual(['dns', 'netbios-ns', 'microsoft-ds', 'ldaps', 'kerberos-adm', 'pop3s']);
    const reachers = silent.map((id) => catalogue.products.filter((p) => p.uses.some((u) => u.service === id)).map((p) => p.id));
    expect(reachers).toEqual([['DNS'], ['NetBIOS'], ['FileSharing'], ['LDAPS'], ['Kerberos'], ['Mail']]);
  });
});
