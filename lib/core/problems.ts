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
  | 'unknown-platform'
  | 'names-not-a-list'
  | 'invalid-prefix-list-option'
  | 'invalid-firewall-option'
  // Where the rules go, and values the adapters translate.
  | 'no-target'
  | 'subnets-without-vpc'
  | 'empty-subnets'
  | 'subnet-list-output'
  | 'conflicting-network-acl-targets'
  | 'apple-network-peers-unused'
  | 'invalid-quota'
  | 'invalid-resource-id'
  | 'network-acl-rule-number-taken'
  | 'subnet-network-acl-taken'
  | 'allows-all-outbound'
  | 'immutable-security-group'
  | 'no-security-group'
  | 'unknown-peer'
  | 'security-group-name'
  | 'unwrapped-output'
  | 'invalid-reference'
  | 'home-net-output'
  | 'invalid-rule-group-name'
  // Flow analysis and the observer.
  | 'invalid-flow-log-field'
  | 'invalid-flow-input'
  | 'invalid-replay-policy'
  | 'invalid-observer-option'
  // Host outputs, DNS Firewall and rule-group capacity.
  | 'invalid-capacity'
  | 'fixed-name-replacement'
  | 'invalid-dns-firewall-option'
  | 'dns-firewall-priority-taken'
  | 'dns-firewall-quota'
  | 'invalid-domain'
  | 'invalid-host-format-option'
  // The catalogue's versions, and saved copies of Apple's articles.
  | 'unknown-catalogue-version'
  | 'unreadable-article';

/** One thing wrong with the input, and how to fix it. */
export interface Problem {
  /** The problem's stable code, for tests and tools to match on. */
  readonly code: ProblemCode;
  /** What is wrong, naming the value, and how to fix it. */
  readonly message: string;
}

/**
 * One problem as it is, several as a list: `Invalid apple-ports selection (2 problems):` and one
 * `- …` line each. `subject` names what refused the input (a construct path, a component), first.
 */
export function formatProblems(problems: readonly Problem[], subject?: string): string {
  if (problems.length === 1) {
    return subject === undefined ? problems[0].message : `${subject}: ${problems[0].message}`;
  }
  const head = subject === undefined ? 'Invalid apple-ports selection' : `${subject}: invalid apple-ports selection`;
  return `${head} (${problems.length} problems):\n${problems.map((p) => `- ${p.message}`).join('\n')}`;
}

/** Thrown for bad input; `problems` holds every problem found, in input order. */
export class ApplePortsError extends Error {
  /** Every problem found, in input order. */
  public readonly problems: readonly Problem[];

  /**
   * An error whose message lists every problem (see `formatProblems`).
   * @param subject names what refused the input, in front of the message.
   */
  constructor(problems: readonly Problem[], subject?: string) {
    super(formatProblems(problems, subject));
    this.name = 'ApplePortsError';
    this.problems = problems;
  }
}

/** Throws an `ApplePortsError` when there is anything to report. */
export function throwIfProblems(problems: readonly Problem[]): void {
  if (problems.length > 0) {
    throw new ApplePortsError(problems);
  }
}
