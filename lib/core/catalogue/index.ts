/** The catalogue room: typed, read-only access to data/catalogue.json, its hosts, ids and names. */
export * from './catalogue';
export * from './hosts';
export type * from './ids.generated';
export * from './order';
export * from './product-ports';
export * from './suggest';
export type * from './types';
