/**
 * Raises the planners' warnings as CDK warnings with their stable ids (`apple-ports:<code>`), which
 * users acknowledge: `Annotations.of(construct).acknowledgeWarning('apple-ports:legacy-excluded', 'reason')`.
 */
import { Annotations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import type { PlannedWarning } from '../core';

/** Adds each warning to the construct. */
export function raiseWarnings(scope: IConstruct, warnings: readonly PlannedWarning[]): void {
  for (const warning of warnings) {
    Annotations.of(scope).addWarningV2(warning.id, warning.message);
  }
}
