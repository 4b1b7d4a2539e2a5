/**
 * Logs the planners' warnings against the component, each line starting with its stable id
 * (`apple-ports:<code>: …`), so `pulumi preview` shows them as the component's diagnostics.
 */
import * as pulumi from '@pulumi/pulumi';
import type { PlannedWarning } from '../core';

/** Logs each warning as a Pulumi warning of `resource`. */
export function logWarnings(resource: pulumi.Resource, warnings: readonly PlannedWarning[]): void {
  for (const warning of warnings) {
    void pulumi.log.warn(`${warning.id}: ${warning.message}`, resource);
  }
}
