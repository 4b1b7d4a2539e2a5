import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GENERATED_IDS_PATH, renderCatalogueIds } from '../../scripts/codegen';
import { ROOT, loadCatalogue } from '../data/load';

const generated = readFileSync(join(ROOT, GENERATED_IDS_PATH), 'utf8');

describe(GENERATED_IDS_PATH, () => {
  it('matches data/catalogue.json (run `npm run gen` after editing the catalogue)', () => {
    // A full-text diff of the generated file says less than the fix does.
    if (generated !== renderCatalogueIds(loadCatalogue())) {
      throw new Error(`${GENERATED_IDS_PATH} is out of date with data/catalogue.json: run \`npm run gen\` and commit the result.`);
    }
  });

  it('starts with the do-not-edit header', () => {
    expect(generated.split('\n')[0]).toBe(
      '// Generated from data/catalogue.json by `npm run gen`. Do not edit: change the catalogue and regenerate.',
    );
  });

  it('lists every product, service, profile, network and host-group id', () => {
    const c = loadCatalogue();
    const members = (type: string) => {
      const block = new RegExp(`export type ${type} =\\n((?:  \\| '[^']+'\\n?)+);`).exec(generated);
      return block ? [...block[1]!.matchAll(/'([^']+)'/g)].map((m) => m[1]) : [];
    };
    expect(members('AppleProduct')).toEqual(c.products.map((p) => p.id).sort());
    const names = members('AppleProductName');
    expect(names).toEqual([...new Set(c.products.flatMap((p) => [p.id, p.name.en, p.name['zh-CN'], ...p.aliases]))].sort());
    expect(names).toEqual(expect.arrayContaining(['FaceTime', 'iMessage', 'APNs', 'FaceTime 通话', '信息']));
    expect(members('ServiceId')).toHaveLength(56);
    expect(members('ServiceId')).toEqual(c.services.map((s) => s.id).sort());
    expect(members('ProfileId')).toEqual(['communications', 'ec2-mac-build-host', 'managed-mac', 'remote-admin-host']);
    expect(members('NetworkId')).toEqual(['apns', 'apple']);
    expect(members('HostGroupId')).toHaveLength(21);
    expect(members('HostGroupId')).toEqual(c.hostGroups.map((g) => g.id).sort());
  });
});
