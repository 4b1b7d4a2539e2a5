/**
 * How the components raise the planners' problems: one `pulumi.ResourceError` with every problem,
 * the component first, and no stack trace (bad input, not a bug). The problems stay on the error
 * with their codes, for programs and tests that inspect them.
 */
import * as pulumi from '@pulumi/pulumi';
import { formatProblems, type Problem, type ProblemCode } from '../core';

/** Thrown for input a component cannot use; the message names the component and each fix. */
export class AppleServicesResourceError extends pulumi.ResourceError {
  /** Every problem found, in input order. */
  public readonly problems: readonly Problem[];
  /** The code of the first problem (all of them are in `problems`). */
  public readonly code: ProblemCode;

  /**
   * One error for all the component's problems, raised against the component's resource.
   * @param problems every problem found, in input order; at least one.
   * @param subject names the component, e.g. `AppleServicesEgress 'vdi'`.
   * @param resource the component the problems are about, which Pulumi names in its message.
   */
  constructor(problems: readonly Problem[], subject: string, resource: pulumi.Resource) {
    super(formatProblems(problems, subject), resource, true);
    this.name = 'AppleServicesResourceError';
    this.problems = problems;
    this.code = problems[0]!.code;
  }
}
