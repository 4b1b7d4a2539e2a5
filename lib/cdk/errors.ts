/**
 * How the constructs raise the planners' problems: one error with every problem, the construct
 * path first, so a user with many stacks sees at once which construct is wrong, then each fix.
 */
import type { IConstruct } from 'constructs';
import { ApplePortsError, type PlanOutcome, type Problem, type ProblemCode } from '../core';

/** Stable codes for input the constructs refuse: the core's problem codes. */
export type AppleServicesErrorCode = ProblemCode;

/** Thrown for input a construct cannot use; the message names the construct and each fix. */
export class AppleServicesError extends ApplePortsError {
  /** The path of the construct that refused the input. */
  public readonly constructPath: string;
  /** The code of the first problem (all of them are in `problems`). */
  public readonly code: ProblemCode;

  /** An error for `scope`: the message starts with its construct path, and `code` is the first problem's. */
  constructor(scope: IConstruct, problems: readonly Problem[]) {
    super(problems, scope.node.path);
    this.name = 'AppleServicesError';
    this.constructPath = scope.node.path;
    this.code = problems[0]!.code;
  }
}

/** The design a planner made for `scope`, or its problems thrown as the construct's error. */
export function designOf<T>(scope: IConstruct, outcome: PlanOutcome<T>): T {
  if (!outcome.ok) {
    throw new AppleServicesError(scope, outcome.problems);
  }
  return outcome.value;
}

/**
 * Runs a core call and re-raises its `ApplePortsError` as the construct's error, keeping the
 * problems (and their codes) for callers that inspect them.
 */
export function withConstructPath<T>(scope: IConstruct, call: () => T): T {
  try {
    return call();
  } catch (error) {
    if (error instanceof ApplePortsError && !(error instanceof AppleServicesError)) {
      throw new AppleServicesError(scope, error.problems);
    }
    throw error;
  }
}
