/**
 * Every version of the catalogue: the releases `data/changes.json` lists, and any earlier version
 * rebuilt from the shipped catalogue by undoing the releases after it.
 */
import changeLogJson from '../../../data/changes.json';
import { catalogue } from './catalogue';
import { applyCatalogueChanges } from './catalogue-diff';
import type { CatalogueRelease, ChangeLog } from './change-types';
import { deepFreeze } from './freeze';
import type { Catalogue } from './types';
import { ApplePortsError } from '../problems';

/** The change log shipped with this version of the library. */
export const changeLog: ChangeLog = changeLogJson as unknown as ChangeLog;

/** Every catalogue release, newest first; the first is the shipped catalogue's version. */
export const catalogueReleases: readonly CatalogueRelease[] = changeLog.releases;

/** The release with this version, or `undefined`. */
export function findCatalogueRelease(version: string): CatalogueRelease | undefined {
  return catalogueReleases.find((r) => r.version === version.trim());
}

/** The message for a catalogue version the change log does not list. */
export function unknownCatalogueVersionMessage(version: string): string {
  return `Unknown catalogue version '${version}'. Valid versions: ${catalogueReleases.map((r) => r.version).join(', ')} (newest first; see data/changes.json).`;
}

/** The release with this version; throws listing the valid versions when there is none. */
export function getCatalogueRelease(version: string): CatalogueRelease {
  const release = findCatalogueRelease(version);
  if (!release) {
    throw new ApplePortsError([{ code: 'unknown-catalogue-version', message: unknownCatalogueVersionMessage(version) }]);
  }
  return release;
}

const rebuilt = new Map<string, Catalogue>([[catalogue.version, catalogue]]);

/**
 * The catalogue as it was at `version` (frozen): the shipped catalogue with every later release's
 * changes undone, newest first. Throws listing the valid versions for one the change log does not list.
 */
export function catalogueAt(version: string): Catalogue {
  const release = getCatalogueRelease(version);
  let result = rebuilt.get(release.version);
  if (!result) {
    const newer = catalogueReleases[catalogueReleases.indexOf(release) - 1]!;
    const undone = applyCatalogueChanges(catalogueAt(newer.version), newer.changes, 'reverse');
    result = deepFreeze({ ...undone, version: release.version, date: release.date });
    rebuilt.set(release.version, result);
  }
  return result;
}
