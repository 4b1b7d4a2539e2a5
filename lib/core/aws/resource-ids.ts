/**
 * Resource ids the user types: AWS refuses a malformed id only when the stack deploys, so every
 * concrete id apple-ports is given (a destination, a target group or ACL, the interfaces an
 * observer watches) is checked up front, with the fix. Ids only known at deploy time pass.
 */
import type { Problem } from '../problems';
import { RESOURCE_ID_PREFIXES, resourceIdPattern, type ResourceIdKind } from './facts';

/** How messages name each kind of id. */
const NAMES: Readonly<Record<ResourceIdKind, string>> = {
  'security-group': 'security-group',
  'prefix-list': 'prefix-list',
  vpc: 'VPC',
  subnet: 'subnet',
  'network-acl': 'network ACL',
  'network-interface': 'network interface',
};

/**
 * Why `id` is not an id of that kind, ending in the fix, or `undefined` when it is one:
 * "AWS writes security-group ids in lower case. Did you mean 'sg-…'?".
 */
export function resourceIdReason(kind: ResourceIdKind, id: string): string | undefined {
  const pattern = resourceIdPattern(kind);
  if (pattern.test(id)) {
    return undefined;
  }
  const lower = id.toLowerCase();
  if (lower !== id && pattern.test(lower)) {
    return `AWS writes ${NAMES[kind]} ids in lower case. Did you mean '${lower}'?`;
  }
  const prefix = RESOURCE_ID_PREFIXES[kind];
  return `a ${NAMES[kind]} id is '${prefix}-' and 8 or 17 hex digits, like '${prefix}-0123456789abcdef0'.`;
}

/** One id as the user gave it, and the argument it was given as (`securityGroupId`, `subnetIds[1]`). */
export interface GivenResourceId {
  /** The kind of resource the id must name. */
  readonly kind: ResourceIdKind;
  /** The id as given. */
  readonly id: string;
  /** The argument it was given as, for the message: `securityGroupId`, `subnetIds[1]`. */
  readonly field: string;
  /** What the id belongs to, when the field alone does not say: `'Test/Sg'`. @default none */
  readonly owner?: string;
}

/** A problem for each given id that AWS would refuse; values only known at deploy time pass. */
export function resourceIdProblems(ids: readonly GivenResourceId[], isUnresolved: (value: string) => boolean = () => false): Problem[] {
  return ids.flatMap(({ kind, id, field, owner }) => {
    const reason = isUnresolved(id) ? undefined : resourceIdReason(kind, id);
    return reason === undefined ? [] : [{ code: 'invalid-resource-id' as const, message: `Invalid ${field} '${id}'${owner !== undefined ? ` of ${owner}` : ''}: ${reason}` }];
  });
}
