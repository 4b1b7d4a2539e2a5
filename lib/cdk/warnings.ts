/**
 * Raises the planners' warnings as CDK warnings with their stable ids (`apple-ports:<code>`), which
 * users acknowledge: `Annotations.of(construct).acknowledgeWarning('apple-ports:legacy-excluded', 'reason')`.
 */
import { Annotations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import type { PlannedWarning } from '../core';

/**
 * Adds each warning to the construct when the app is synthesized, not while it is built. Users
 * acknowledge a warning after creating the construct, so a warning raised at once would be
 * created, with the stack trace CDK captures for it (the slow part of a warning), only to be
 * removed again; raised at synthesis, an acknowledged warning is never created. Validation runs
 * in every synthesis (`cdk synth`, `Template.fromStack`, `Annotations.fromStack`), before the
 * warnings are written, and it returns no error.
 */
export function raiseWarnings(scope: IConstruct, warnings: readonly PlannedWarning[]): void {
  if (warnings.length === 0) {
    return;
  }
  scope.node.addValidation({
    validate: () => {
      const annotations = Annotations.of(scope);
      for (const warning of warnings) {
        annotations.addWarningV2(warning.id, warning.message);
      }
      return [];
    },
  });
}
