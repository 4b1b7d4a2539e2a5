/** The Network Firewall room: a selection becomes a strict-order Suricata rule group. */
export * from './capacity';
export * from './domain-list';
export * from './limitations';
export * from './names';
export * from './plan';
export * from './suricata';
export type * from './types';
