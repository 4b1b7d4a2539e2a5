/**
 * data/changes.json: valid against its schema, and a complete record of the catalogue's history —
 * the catalogue is its newest release, and undoing each release gives the one before it exactly.
 */
import Ajv2020, { type ErrorObject } from 'ajv/dist/2020';
import { catalogueAt, catalogueReleases, diffCatalogues, type Catalogue } from '../../lib/core/catalogue';
import { contentSha256, nextVersion } from '../../scripts/change-log';
import { changeLogProblems, rebuiltVersions } from './change-chain';
import { changesSchema, loadCatalogue, loadChangeLog, mutableCatalogue, schema } from './load';

const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, strictTypes: false });
const validate = ajv.compile(changesSchema);

function errorsFor(data: unknown): string[] {
  return validate(data) ? [] : (validate.errors ?? []).map((e: ErrorObject) => `${e.instancePath} ${e.keyword}`);
}

describe('data/changes.json against data/changes.schema.json', () => {
  test('is valid', () => {
    expect(errorsFor(loadChangeLog())).toEqual([]);
  });

  test('refuses a change without sources, a reason, or the value its kind needs', () => {
    const log = loadChangeLog() as unknown as { releases: { changes: Record<string, unknown>[] }[] };
    const release = log.releases[0]!;
    release.changes = [
      { kind: 'changed', entity: 'service', id: 'ipp', fields: [{ field: 'rfc.current', before: 8011, after: 8010 }], reason: 'x', sources: [] },
      { kind: 'added', entity: 'product', id: 'X', reason: '', sources: ['https://example.com/'] },
      { kind: 'changed', entity: 'host', id: 'a.apple.com', fields: [{ field: 'ports' }], reason: 'x', sources: ['https://example.com/'] },
    ];
    (release as Record<string, unknown>)['previous'] = '2026010100';
    expect(errorsFor(log)).toEqual(
      expect.arrayContaining([
        '/releases/0/changes/0/sources minItems',
        '/releases/0/changes/1/reason minLength',
        '/releases/0/changes/1 required',
        '/releases/0/changes/2 required',
        '/releases/0/changes/2/fields/0 anyOf',
      ]),
    );
  });

  test('refuses a first release with changes, and a later one without', () => {
    const log = loadChangeLog() as unknown as { releases: Record<string, unknown>[] };
    const first = log.releases[log.releases.length - 1]!;
    first['changes'] = [{ kind: 'removed', entity: 'profile', id: 'x', before: {}, reason: 'x', sources: ['https://example.com/'] }];
    expect(errorsFor(log)).toContain(`/releases/${log.releases.length - 1}/changes maxItems`);
  });
});

describe('the change log records every catalogue change', () => {
  test('the catalogue is the newest release, and undoing each release gives the one before it', () => {
    expect(changeLogProblems(loadCatalogue(), loadChangeLog(), schema)).toEqual([]);
  });

  test('an edit of the catalogue without a release fails with the fix', () => {
    const edited = mutableCatalogue();
    edited.services.find((s) => s.id === 'ssh')!.label = 'Secure Shell';
    const latest = loadChangeLog().releases[0]!.version;
    expect(changeLogProblems(edited as unknown as Catalogue, loadChangeLog(), schema)).toEqual([
      `data/catalogue.json is not release ${latest}: its content hash differs. List the edit in a new release of data/changes.json (\`npm run changes:draft\` drafts it from the last committed catalogue), then fill in each change's reason and sources.`,
    ]);
  });

  test('a release that leaves out one of its changes fails', () => {
    const log = loadChangeLog();
    const latest = log.releases[0]!;
    const edited = mutableCatalogue();
    const ssh = edited.services.find((s) => s.id === 'ssh')!;
    const [label, notes] = [ssh.label, ssh.notes];
    ssh.label = 'Secure Shell';
    ssh.notes = 'Edited.';
    const version = `${latest.version.slice(0, 8)}99`;
    Object.assign(edited, { version, date: latest.date });
    const listed = { entity: 'service', id: 'ssh', kind: 'changed', fields: [{ field: 'label', before: label, after: 'Secure Shell' }], reason: 'x', sources: ['https://example.com/'] } as const;
    const release = { version, date: latest.date, previous: latest.version, summary: 'x', contentSha256: contentSha256(edited as unknown as Catalogue, schema), changes: [listed] };
    expect(notes).toBeDefined();
    expect(changeLogProblems(edited as unknown as Catalogue, { releases: [release, ...log.releases] }, schema)).toEqual([
      `undoing release ${version} does not give release ${latest.version} (its content hash differs): that release does not list every change it made.`,
    ]);
    const complete = { ...release, changes: [{ ...listed, fields: [...listed.fields, { field: 'notes', before: notes!, after: 'Edited.' }] }] };
    expect(changeLogProblems(edited as unknown as Catalogue, { releases: [complete, ...log.releases] }, schema)).toEqual([]);
  });

  test('catalogueAt rebuilds every earlier version exactly as undoing the log does', () => {
    const rebuilt = rebuiltVersions(loadCatalogue(), loadChangeLog());
    expect(rebuilt).toHaveLength(catalogueReleases.length);
    catalogueReleases.forEach((release, index) => {
      const version = catalogueAt(release.version);
      expect([version.version, version.date]).toEqual([release.version, release.date]);
      expect(contentSha256(version, schema)).toBe(release.contentSha256);
      expect(diffCatalogues(rebuilt[index]!, version)).toEqual([]);
    });
    expect(() => catalogueAt('2020')).toThrow(`Unknown catalogue version '2020'. Valid versions: ${catalogueReleases.map((r) => r.version).join(', ')} (newest first; see data/changes.json).`);
  });
});

describe('diffCatalogues', () => {
  test('states added, removed and changed entries, field by field, hosts within their groups', () => {
    const before = loadCatalogue();
    const after = mutableCatalogue();
    after.services.find((s) => s.id === 'ipp')!.rfc.current = 9999;
    delete (after.services.find((s) => s.id === 'ipp') as { notes?: string }).notes;
    after.profiles = after.profiles.filter((p) => p.id !== 'communications');
    const icloud = after.hostGroups.find((g) => g.id === 'icloud')!;
    icloud.hosts.push({ host: 'new.icloud.com', ports: [{ protocol: 'tcp', fromPort: 443, toPort: 443 }] });
    const category = icloud.category;
    icloud.category = 'iCloud services';
    const ipp = before.services.find((s) => s.id === 'ipp')!;
    expect(diffCatalogues(before, after as unknown as Catalogue)).toEqual([
      { entity: 'service', id: 'ipp', kind: 'changed', fields: [{ field: 'rfc.current', before: ipp.rfc.current, after: 9999 }, { field: 'notes', before: ipp.notes }] },
      { entity: 'profile', id: 'communications', kind: 'removed', before: before.profiles.find((p) => p.id === 'communications') },
      { entity: 'hostGroup', id: 'icloud', kind: 'changed', fields: [{ field: 'category', before: category, after: 'iCloud services' }] },
      { entity: 'host', group: 'icloud', id: 'new.icloud.com', kind: 'added', after: { host: 'new.icloud.com', ports: [{ protocol: 'tcp', fromPort: 443, toPort: 443 }] } },
    ]);
  });
});

describe('nextVersion', () => {
  test('is the date and 00, or one more the same day', () => {
    expect(nextVersion('2026112600', '2026-12-01')).toBe('2026120100');
    expect(nextVersion('2026120100', '2026-12-01')).toBe('2026120101');
    expect(() => nextVersion('2026120199', '2026-12-01')).toThrow('Release 2026120199 is the 100th of 2026-12-01: no version number is left for that day.');
  });
});
