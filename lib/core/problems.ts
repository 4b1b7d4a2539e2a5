/**
 * Problems are values in the core: each has a stable code and a message that names the bad value
 * and the fix. The resolver gathers every problem of a selection before it throws, so one run
 * shows them all; the CDK and Pulumi adapters re-raise them their own way.
 */

/** Stable codes for input the library refuses. */
export type ProblemCode =
  | 'unknown-product'
  | 'unknown-profile'
  | 'unknown-service'
  | 'empty-selection'
  | 'nothing-to-open'
  | 'direction-unsupported'
  | 'conflicting-profile-directions'
  | 'profile-direction'
  | 'invalid-destination'
  | 'ingress-without-sources'
  | 'empty-destinations'
  | 'invalid-direction'
  | 'invalid-protocol'
  | 'invalid-port'
  | 'reversed-port-range'
  | 'invalid-description'
  | 'invalid-budget'
  | 'budget-too-small'
  | 'invalid-network-acl-option'
  | 'network-acl-peer'
  | 'network-acl-quota'
  | 'security-group-quota'
  | 'unknown-host-group'
  | 'invalid-prefix-list-option'
  | 'invalid-firewall-option';

/** One thing wrong with the input, and how to fix it. */
export interface Problem {
  readonly code: ProblemCode;
  readonly message: string;
}

/** Thrown for bad input; `problems` holds every problem found, in input order. */
export class ApplePortsError extends Error {
  public readonly problems: readonly Problem[];

  constructor(problems: readonly Problem[], context = 'Invalid apple-ports selection') {
    super(ApplePortsError.format(problems, context));
    this.name = 'ApplePortsError';
    this.problems = problems;
  }

  private static format(problems: readonly Problem[], context: string): string {
    if (problems.length === 1) {
      return problems[0].message;
    }
    return `${context} (${problems.length} problems):\n${problems.map((p) => `- ${p.message}`).join('\n')}`;
  }
}

/** Throws an `ApplePortsError` when there is anything to report. */
export function throwIfProblems(problems: readonly Problem[]): void {
  if (problems.length > 0) {
    throw new ApplePortsError(problems);
  }
}
