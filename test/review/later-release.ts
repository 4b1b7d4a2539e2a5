/**
 * A made-up catalogue release after the shipped one, for tests of what a release opens, closes and
 * narrows: the shipped data files are replaced, in an isolated module registry, by the catalogue with
 * this release applied and the change log with it on top. Nothing here is a fact about Apple.
 */
import { join } from 'node:path';
import { applyCatalogueChanges, catalogue, changeLog, type CatalogueChange, type CatalogueRelease, type ChangeLog } from '../../lib/core/catalogue';

const SOURCE = ['https://example.com/made-up-release'];

const airplay = catalogue.products.find((p) => p.id === 'AirPlay')!;
const rtsp = catalogue.services.find((s) => s.id === 'rtsp')!;

/** The service the made-up release adds for AirPlay. */
const airplayControl = {
  id: 'airplay-control',
  ports: [{ protocol: 'tcp', fromPort: 7000, toPort: 7000 }],
  name: null,
  label: 'AirPlay control',
  rfc: { apple: null },
  ianaName: 'afs3-fileserver',
  status: 'current',
  reach: 'routed',
  initiator: 'both',
  destination: 'local-peers',
  sources: SOURCE,
};

/** Opens tcp 7000 for AirPlay and a new product, moves RTSP from 554 to 555, and retires DAAP (3689). */
const changes: CatalogueChange[] = [
  { entity: 'service', id: 'rtsp', kind: 'changed', fields: [{ field: 'ports', before: rtsp.ports, after: rtsp.ports.map((p) => ({ ...p, fromPort: 555, toPort: 555 })) }], reason: 'Made up.', sources: SOURCE },
  {
    entity: 'service',
    id: 'daap',
    kind: 'changed',
    fields: [
      { field: 'status', before: 'current', after: 'legacy' },
      { field: 'retired', after: { date: '2026-12-02', reason: 'Made up.', sources: SOURCE } },
    ],
    reason: 'Made up.',
    sources: SOURCE,
  },
  { entity: 'service', id: 'airplay-control', kind: 'added', after: airplayControl, reason: 'Made up.', sources: SOURCE },
  {
    entity: 'product',
    id: 'AirPlay',
    kind: 'changed',
    fields: [{ field: 'uses', before: airplay.uses, after: [...airplay.uses, { service: 'airplay-control', usedBy: [{ en: 'AirPlay', 'zh-CN': '隔空播放' }] }] }],
    reason: 'Made up.',
    sources: SOURCE,
  },
  {
    entity: 'product',
    id: 'AirPlayReceiver',
    kind: 'added',
    after: {
      id: 'AirPlayReceiver',
      name: { en: 'AirPlay receiver', 'zh-CN': '隔空播放接收器' },
      aliases: [],
      status: 'current',
      uses: [{ service: 'airplay-control', usedBy: [], note: 'Made up.' }],
      sources: SOURCE,
    },
    reason: 'Made up.',
    sources: SOURCE,
  },
] as unknown as CatalogueChange[];

/** The made-up release. */
export const LATER_RELEASE: CatalogueRelease = {
  version: '2026120200',
  date: '2026-12-02',
  previous: catalogue.version,
  summary: 'A made-up release.',
  contentSha256: '0'.repeat(64),
  changes,
};

/** The catalogue and change log as they would ship with the made-up release. */
export const laterCatalogue = { ...applyCatalogueChanges(catalogue, changes, 'forward'), version: LATER_RELEASE.version, date: LATER_RELEASE.date };
export const laterChangeLog: ChangeLog = { releases: [LATER_RELEASE, ...changeLog.releases] };

/** Loads `modulePath` (relative to test/) with the made-up release shipped instead of the real data. */
export function withLaterRelease<T>(modulePath: string): T {
  let loaded: T | undefined;
  jest.isolateModules(() => {
    jest.doMock(join(__dirname, '..', '..', 'data', 'catalogue.json'), () => laterCatalogue);
    jest.doMock(join(__dirname, '..', '..', 'data', 'changes.json'), () => laterChangeLog);
    loaded = require(join(__dirname, '..', modulePath)) as T;
  });
  return loaded!;
}
