/**
 * Checks data/changes.json against data/catalogue.json: the catalogue is the newest release, and
 * undoing each release's changes gives exactly the release before it (its content hash), so no
 * edit of the catalogue can go unlisted. Returns what is wrong, in words a maintainer can act on.
 */
import { applyCatalogueChanges, diffCatalogues, jsonEqual, type Catalogue, type ChangeLog, type EntryChange } from '../../lib/core/catalogue';
import type { SchemaNode } from '../../scripts/canonical';
import { contentSha256 } from '../../scripts/change-log';

/** A change as the diff states it: without the reason and sources the log adds. */
function asEntryChange(change: EntryChange & { reason?: string; sources?: readonly string[] }): EntryChange {
  const { reason: _reason, sources: _sources, ...entry } = change;
  return entry as EntryChange;
}

function key(change: EntryChange): string {
  return `${change.entity} ${change.group ?? ''} ${change.id}`;
}

/** Every catalogue version, newest first, rebuilt from `current` by undoing the log's releases. */
export function rebuiltVersions(current: Catalogue, log: ChangeLog): Catalogue[] {
  const versions = [current];
  for (const release of log.releases.slice(0, -1)) {
    versions.push(applyCatalogueChanges(versions[versions.length - 1]!, release.changes, 'reverse'));
  }
  return versions;
}

/** What is wrong with the change log for this catalogue; empty when the chain holds. */
export function changeLogProblems(current: Catalogue, log: ChangeLog, schema: SchemaNode): string[] {
  const problems: string[] = [];
  const latest = log.releases[0]!;
  if (current.version !== latest.version || current.date !== latest.date) {
    problems.push(`data/catalogue.json says version ${current.version} of ${current.date}, but the newest release of data/changes.json is ${latest.version} of ${latest.date}.`);
  }
  log.releases.forEach((release, index) => {
    const older = log.releases[index + 1];
    if (release.previous !== older?.version) {
      problems.push(`release ${release.version} names previous ${release.previous ?? 'none'}, but the release after it in the log is ${older?.version ?? 'none'}.`);
    }
    if (!release.version.startsWith(release.date.replace(/-/g, ''))) {
      problems.push(`release ${release.version} is dated ${release.date}: a version starts with its date (YYYYMMDDNN).`);
    }
    if (older && !(release.version > older.version)) {
      problems.push(`release ${release.version} is not newer than ${older.version}: list releases newest first.`);
    }
  });
  let version = current;
  for (const [index, release] of log.releases.entries()) {
    if (contentSha256(version, schema) !== release.contentSha256) {
      problems.push(
        index === 0
          ? `data/catalogue.json is not release ${release.version}: its content hash differs. List the edit in a new release of data/changes.json (\`npm run changes:draft\` drafts it from the last committed catalogue), then fill in each change's reason and sources.`
          : `undoing release ${log.releases[index - 1]!.version} does not give release ${release.version} (its content hash differs): that release does not list every change it made.`,
      );
      break;
    }
    const older = log.releases[index + 1];
    if (!older) {
      break;
    }
    let previous: Catalogue;
    try {
      previous = applyCatalogueChanges(version, release.changes, 'reverse');
    } catch (error) {
      problems.push(`release ${release.version}: ${(error as Error).message}`);
      break;
    }
    const recorded = release.changes.map(asEntryChange).sort((a, b) => (key(a) < key(b) ? -1 : 1));
    const actual = diffCatalogues(previous, version).sort((a, b) => (key(a) < key(b) ? -1 : 1));
    if (!jsonEqual(recorded, actual)) {
      problems.push(`release ${release.version} does not list its changes as the catalogue diff states them: ${JSON.stringify(actual)}`);
    }
    if (contentSha256(applyCatalogueChanges(previous, release.changes, 'forward'), schema) !== release.contentSha256) {
      problems.push(`release ${release.version}: applying its changes to release ${older.version} does not give it back.`);
    }
    version = previous;
  }
  return problems;
}
