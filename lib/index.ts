/**
 * apple-ports: Apple products → least-privilege AWS firewall rules. This entry is pure TypeScript
 * and loads neither aws-cdk-lib nor @pulumi; the adapters live at `apple-ports/cdk` and
 * `apple-ports/pulumi`.
 *
 * @module apple-ports
 */
export * from './core';
export * from './review';
