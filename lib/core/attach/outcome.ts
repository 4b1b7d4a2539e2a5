/**
 * What a planner returns to an adapter: the design to render, or every problem found, so one error
 * lists them all before any resource exists.
 */
import { ApplePortsError, type Problem } from '../problems';

/** A plan, or every problem with the input. */
export type PlanOutcome<T> =
  | {
      /** The plan was made. */
      readonly ok: true;
      /** The plan to render. */
      readonly value: T;
    }
  | {
      /** The input has problems. */
      readonly ok: false;
      /** Every problem found, in input order. */
      readonly problems: readonly Problem[];
    };

/** How a core step's problems are reported by the planner. */
export interface AttemptOptions {
  /** Put in front of each message, e.g. `network ACL`. @default none */
  readonly context?: string;
  /** Fits a core message to the adapter's words (its prop names, readable values). @default as is */
  readonly reword?: (problem: Problem) => Problem;
}

/** Runs a core step, turning its `ApplePortsError` into `problems`; `undefined` when it failed. */
export function attempt<T>(problems: Problem[], step: () => T, options: AttemptOptions = {}): T | undefined {
  const { context, reword = (p: Problem) => p } = options;
  try {
    return step();
  } catch (error) {
    if (!(error instanceof ApplePortsError)) {
      throw error;
    }
    problems.push(...error.problems.map(reword).map((p) => ({ ...p, message: context ? `${context}: ${p.message}` : p.message })));
    return undefined;
  }
}
