/** The DNS Firewall room: a selection becomes a Route 53 Resolver DNS Firewall rule group. */
export * from './plan';
export type * from './types';
