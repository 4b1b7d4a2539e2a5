/** The catalogue room: typed, read-only access to data/catalogue.json, its hosts, ids, names and versions. */
export * from './articles';
export * from './catalogue';
export * from './catalogue-diff';
export type * from './change-types';
export * from './hosts';
export type * from './ids.generated';
export * from './order';
export * from './product-ports';
export * from './suggest';
export type * from './types';
export * from './versions';
