/** The policy room: a selection of Apple products becomes a minimal, deterministic set of rules. */
export * from './cidr';
export * from './descriptions';
export * from './destinations';
export * from './hosts';
export { namesOf } from './name-lists';
export * from './notices';
export * from './parse-selection';
export * from './peers';
export * from './resolve';
export * from './selection';
export * from './terms';
export type * from './types';
