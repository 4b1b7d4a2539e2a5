/**
 * Turns the resolver's notices into CDK warnings with stable, acknowledgeable ids
 * (`apple-ports:<notice code>`), e.g.
 * `Annotations.of(construct).acknowledgeWarning('apple-ports:legacy-excluded', 'reason')`.
 */
import { Annotations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/** The prefix of every warning id the constructs raise. */
export const WARNING_PREFIX = 'apple-ports:';

/** How `warnNotices` words and names the warnings. */
export interface WarningOptions {
  /** Replaces the placeholders of values known at deploy time with names users recognise. */
  readonly readable: (text: string) => string;
  /**
   * Sets a group of warnings apart in their id (`apple-ports:network-acl-…`).
   * @default ''
   */
  readonly idPrefix?: string;
  /**
   * Sets a group of warnings apart in their message.
   * @default ''
   */
  readonly messagePrefix?: string;
}

/** Raises one warning per notice (the resolver's, the Network Firewall plan's). */
export function warnNotices(scope: IConstruct, notices: readonly { readonly code: string; readonly message: string }[], { readable, idPrefix = '', messagePrefix = '' }: WarningOptions): void {
  for (const notice of notices) {
    Annotations.of(scope).addWarningV2(`${WARNING_PREFIX}${idPrefix}${notice.code}`, `${messagePrefix}${readable(notice.message)}`);
  }
}
