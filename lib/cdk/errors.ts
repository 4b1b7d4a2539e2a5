/**
 * How the constructs raise problems: every message starts with the construct path, so a user with
 * many stacks sees at once which construct is wrong, and then names the fix.
 */
import type { IConstruct } from 'constructs';
import { ApplePortsError, type Problem } from '../core';

/** Stable codes for targets and options the CDK constructs refuse. */
export type AppleServicesErrorCode =
  | 'subnets-without-vpc'
  | 'conflicting-network-acl-targets'
  | 'allows-all-outbound'
  | 'immutable-security-group'
  | 'no-security-group'
  | 'unknown-peer'
  | 'security-group-name'
  | 'invalid-quota'
  | 'security-group-quota'
  | 'network-acl-quota'
  | 'network-acl-rule-number-taken'
  | 'apple-network-peers-unused'
  | 'invalid-rule-group-name';

/** Thrown for a target or option a construct cannot use; the message names the construct and the fix. */
export class AppleServicesError extends Error {
  /** The path of the construct that refused the input. */
  public readonly constructPath: string;

  constructor(
    scope: IConstruct,
    public readonly code: AppleServicesErrorCode,
    message: string,
  ) {
    super(`${scope.node.path}: ${message}`);
    this.name = 'AppleServicesError';
    this.constructPath = scope.node.path;
  }
}

/**
 * Runs a core call and re-raises its `ApplePortsError` with the construct path in front, keeping
 * the problems (and their codes) for callers that inspect them. `reword` fits a core message to
 * the construct's prop names.
 */
export function withConstructPath<T>(scope: IConstruct, call: () => T, context?: string, reword: (problem: Problem) => Problem = (p) => p): T {
  try {
    return call();
  } catch (error) {
    if (!(error instanceof ApplePortsError)) {
      throw error;
    }
    const prefix = context ? `${scope.node.path}: ${context}` : scope.node.path;
    const problems = error.problems.map(reword);
    if (problems.length === 1) {
      throw new ApplePortsError([{ ...problems[0], message: `${prefix}: ${problems[0].message}` }]);
    }
    throw new ApplePortsError(problems, `${prefix}: invalid apple-ports selection`);
  }
}
