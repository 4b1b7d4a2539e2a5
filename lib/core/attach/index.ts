/** The attachment room: what both adapters plan before they create a resource, decided once. */
export * from './dns-firewall';
export * from './domain-list-rule-group';
export * from './firewall-rule-group';
export type * from './firewall-rules-selection';
export * from './outcome';
export type * from './selection';
export * from './warnings';
export * from './services';
