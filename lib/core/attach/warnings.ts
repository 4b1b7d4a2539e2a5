/**
 * The warnings both adapters raise, planned once: each notice of a policy or plan becomes a warning
 * with a stable id, `apple-ports:<code>`, which CDK users acknowledge by id and Pulumi users see at
 * the start of the logged line.
 */

/** The prefix of every warning id: `apple-ports:legacy-excluded`. */
export const WARNING_PREFIX = 'apple-ports:';

/** One warning an adapter raises on its construct or component. */
export interface PlannedWarning {
  /** `apple-ports:<notice code>`, stable across releases. */
  readonly id: string;
  /** What happened and what to do, with deploy-time values named as the user knows them. */
  readonly message: string;
}

/** How a group of notices becomes warnings. */
export interface WarningOptions {
  /** Names deploy-time values in messages (the adapter's placeholders → construct paths or names). @default as is */
  readonly readable?: (text: string) => string;
  /** Sets a group of warnings apart in their id: `apple-ports:network-acl-budget-widened`. @default '' */
  readonly idPrefix?: string;
  /** Sets a group of warnings apart in their message. @default '' */
  readonly messagePrefix?: string;
}

/** The warnings for some notices, in their order. */
export function plannedWarnings(notices: readonly { readonly code: string; readonly message: string }[], options: WarningOptions = {}): PlannedWarning[] {
  const { readable = (text: string) => text, idPrefix = '', messagePrefix = '' } = options;
  return notices.map((notice) => ({ id: `${WARNING_PREFIX}${idPrefix}${notice.code}`, message: `${messagePrefix}${readable(notice.message)}` }));
}
