/**
 * A jest snapshot serializer for resolved policies: `expect.addSnapshotSerializer(applePortsSerializer)`
 * makes a snapshot of `construct.policy` the review text a reviewer reads, not a JSON dump, so a
 * pull request's snapshot diff shows rules, reasons and what was left out line by line.
 */
import { isResolvedPolicy } from '../core/flows';
import type { ResolvedPolicy } from '../core/policy';
import { renderReview } from './review';

/** The part of jest's snapshot serializer interface this one implements (no jest types needed). */
export interface SnapshotSerializer {
  /** True for the values this serializer prints: a `ResolvedPolicy`. */
  readonly test: (value: unknown) => boolean;
  /** The value's snapshot text: the plain-text review. */
  readonly serialize: (value: unknown) => string;
}

/** Snapshots a `ResolvedPolicy` as its plain-text review (English), every other value as jest would. */
export const applePortsSerializer: SnapshotSerializer = {
  test: isResolvedPolicy,
  // Jest prints the string as it is; the trailing newline of the document is dropped for tidiness.
  serialize: (value) => renderReview(value as ResolvedPolicy, { format: 'text' }).trimEnd(),
};
