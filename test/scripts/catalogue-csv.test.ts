import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CATALOGUE_CSV_COLUMNS, CATALOGUE_CSV_PATH, renderCatalogueCsv } from '../../scripts/codegen';
import { ROOT, loadCatalogue } from '../data/load';

const csv = readFileSync(join(ROOT, CATALOGUE_CSV_PATH), 'utf8');

/** RFC 4180 records: fields split on commas outside double quotes, "" inside quotes is one quote. */
function records(text: string): string[][] {
  const out: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        field += ch;
      }
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      record.push(field);
      out.push(record);
      [record, field] = [[], ''];
      i++;
    } else {
      field += ch;
    }
  }
  return out;
}

describe(CATALOGUE_CSV_PATH, () => {
  test('matches data/catalogue.json (run `npm run gen` after editing the catalogue)', () => {
    if (csv !== renderCatalogueCsv(loadCatalogue())) {
      throw new Error(`${CATALOGUE_CSV_PATH} is out of date with data/catalogue.json: run \`npm run gen\` and commit the result.`);
    }
  });

  test('starts with its header, as csvdecode and csv.DictReader expect, and every record has every column', () => {
    const [header, ...rows] = records(csv);
    expect(header).toEqual([...CATALOGUE_CSV_COLUMNS]);
    expect(new Set(header).size).toBe(header!.length);
    expect(rows.every((row) => row.length === header!.length)).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  test('has one record per service, port range and product that uses it', () => {
    const c = loadCatalogue();
    const expected = c.services.reduce((sum, s) => sum + s.ports.length * c.products.filter((p) => p.uses.some((u) => u.service === s.id)).length, 0);
    const rows = records(csv).slice(1);
    expect(rows).toHaveLength(expected);
    const text = rows.map((r) => r.join(','));
    expect(text).toContain('facetime-nat-traversal,udp,3478,3497,STUN/TURN,stun,current,routed,device,anywhere,FaceTime,current,true');
    expect(text).toContain('nat-pmp,udp,5351,5351,NAT-PMP,pcp,current,local-gateway,both,local-peers,Bonjour,current,false');
    expect(text).toContain('apns-legacy-provider,tcp,2195,2195,APNs legacy provider,,legacy,routed,device,apple-network,PushNotifications,current,false');
    expect(text.filter((r) => r.startsWith('dns,'))).toEqual([
      'dns,tcp,53,53,DNS,domain,current,routed,device,anywhere,DNS,current,true',
      'dns,udp,53,53,DNS,domain,current,routed,device,anywhere,DNS,current,true',
    ]);
  });
});
