/**
 * What each catalogue version changed, and what it changes for a selection: the entries the change
 * log lists, and the policy diff between the selection resolved against the version before and
 * against this one — the same resolver and the same diff, over two catalogue versions.
 */
import {
  catalogue,
  catalogueAt,
  catalogueReleases,
  findProduct,
  findProfile,
  getCatalogueRelease,
  indexCatalogue,
  withCatalogue,
  type AppleProduct,
  type CatalogueChange,
  type CatalogueRelease,
  type Direction,
  type ProfileId,
} from '../core/catalogue';
import { resolve, type PolicySelection, type ResolvedPolicy, type SelectionTerms } from '../core/policy';
import { ApplePortsError } from '../core/problems';
import { diffPoliciesAcross, emptyPolicy, type PolicyDiff } from './policy-diff';

/** Options for `catalogueChanges`. */
export interface CatalogueChangesOptions {
  /**
   * The version the changes start after (exclusive).
   * @default the first version, so every release after it is listed
   */
  readonly since?: string;
  /**
   * How the resolver's messages name the selection's fields (the command line passes its flags).
   * @default the selection's own field names
   */
  readonly terms?: SelectionTerms;
}

/** One catalogue version: what its release changed, and what that changes for the selection. */
export interface CatalogueVersionChanges {
  /** The catalogue version (`YYYYMMDDNN`). */
  readonly version: string;
  /** The version's release date (YYYY-MM-DD). */
  readonly date: string;
  /** The version this one changed. */
  readonly previous: string;
  /** What the release changed, in a sentence. */
  readonly summary: string;
  /** Every entry the release added, changed or removed, with its reason and sources. */
  readonly changes: readonly CatalogueChange[];
  /**
   * The selection's policy at `previous` against its policy at `version`: ports opened, closed or
   * narrowed. `null` when nothing is selected.
   */
  readonly policy: PolicyDiff | null;
}

/** The catalogue versions after `since`, oldest first, and whether any widened the selection's policy. */
export interface CatalogueChanges {
  /** The version the changes start after. */
  readonly since: string;
  /** The shipped catalogue's version. */
  readonly current: string;
  /** The shipped catalogue's date. */
  readonly currentDate: string;
  /** The selection as the current catalogue resolves it; `null` when nothing is selected. */
  readonly selection: {
    /** The selection's direction. */
    readonly direction: Direction;
    /** The selected products after aliases and profiles are expanded, sorted. */
    readonly products: readonly AppleProduct[];
    /** The profiles selected, sorted. */
    readonly profiles: readonly ProfileId[];
  } | null;
  /** Every version after `since`, oldest first. */
  readonly versions: readonly CatalogueVersionChanges[];
  /** True when some version opens a port for the selection that the version before it did not. */
  readonly widens: boolean;
}

/** Problems that only say an older version had nothing of the selection to open. */
const EMPTY_AT_OLDER_VERSION = new Set(['empty-selection', 'nothing-to-open']);

function selects(selection: PolicySelection): boolean {
  return (selection.products ?? []).length > 0 || (selection.profiles ?? []).length > 0 || (selection.extraRules ?? []).length > 0;
}

/**
 * The selection's policy at an older catalogue version. Names the version did not know yet (a
 * product added later) are left out, and a selection of which nothing was open then is the empty
 * policy; the direction is the current policy's, so both sides of the diff compare alike.
 */
function policyAt(release: CatalogueRelease, selection: PolicySelection, current: ResolvedPolicy, options: CatalogueChangesOptions): ResolvedPolicy {
  if (release.version === catalogue.version) {
    return current;
  }
  return withCatalogue(catalogueAt(release.version), () => {
    const known: PolicySelection = {
      ...selection,
      direction: current.direction,
      products: (selection.products ?? []).filter((name) => findProduct(String(name)) !== undefined),
      profiles: (selection.profiles ?? []).filter((id) => findProfile(String(id)) !== undefined),
    };
    if (!selects(known)) {
      return emptyPolicy(current.direction, current.maxRules);
    }
    try {
      return resolve(known, options.terms ? { terms: options.terms } : {});
    } catch (error) {
      if (error instanceof ApplePortsError && error.problems.every((p) => EMPTY_AT_OLDER_VERSION.has(p.code))) {
        return emptyPolicy(current.direction, current.maxRules);
      }
      throw error;
    }
  });
}

/**
 * What every catalogue version after `since` changed — its change-log entries — and, for a
 * selection of products or profiles, what it opened, closed or narrowed: the selection resolved
 * against the version before and against this one, diffed. Throws an `ApplePortsError` for an
 * unknown version or a selection `resolve` refuses.
 */
export function catalogueChanges(selection: PolicySelection = {}, options: CatalogueChangesOptions = {}): CatalogueChanges {
  const oldest = catalogueReleases[catalogueReleases.length - 1]!;
  const since = getCatalogueRelease(options.since ?? oldest.version);
  const later = catalogueReleases.slice(0, catalogueReleases.indexOf(since)).reverse();
  const current = selects(selection) ? resolve(selection, options.terms ? { terms: options.terms } : {}) : undefined;
  const policies = new Map<string, ResolvedPolicy>();
  const policy = (release: CatalogueRelease) => {
    let resolved = policies.get(release.version);
    if (!resolved) {
      resolved = policyAt(release, selection, current!, options);
      policies.set(release.version, resolved);
    }
    return resolved;
  };
  const versions = later.map((release): CatalogueVersionChanges => {
    const previous = getCatalogueRelease(release.previous!);
    return {
      version: release.version,
      date: release.date,
      previous: previous.version,
      summary: release.summary,
      changes: release.changes,
      policy: current
        ? diffPoliciesAcross(policy(previous), policy(release), {
            before: indexCatalogue(catalogueAt(previous.version)),
            after: indexCatalogue(catalogueAt(release.version)),
          })
        : null,
    };
  });
  return {
    since: since.version,
    current: catalogue.version,
    currentDate: catalogue.date,
    selection: current ? { direction: current.direction, products: current.products, profiles: current.profiles } : null,
    versions,
    widens: versions.some((v) => (v.policy?.opened.ports ?? 0) > 0),
  };
}
