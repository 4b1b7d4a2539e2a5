/**
 * Turns the resolver's notices into CDK warnings with stable, acknowledgeable ids
 * (`apple-ports:<notice code>`), e.g.
 * `Annotations.of(construct).acknowledgeWarning('apple-ports:legacy-excluded', 'reason')`.
 */
import { Annotations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import type { PolicyNotice } from '../core';

/** The prefix of every warning id the constructs raise. */
export const WARNING_PREFIX = 'apple-ports:';

/** Raises one warning per notice; `idPrefix` and `messagePrefix` set apart the network ACL's. */
export function warnNotices(scope: IConstruct, notices: readonly PolicyNotice[], idPrefix = '', messagePrefix = ''): void {
  for (const notice of notices) {
    Annotations.of(scope).addWarningV2(`${WARNING_PREFIX}${idPrefix}${notice.code}`, `${messagePrefix}${notice.message}`);
  }
}
