/**
 * The flows room: read the logs AWS writes (VPC Flow Logs, Route 53 Resolver query logs, Network
 * Firewall alerts), attribute each flow to the Apple services it can belong to, suggest the
 * selection that covers what was seen, and replay a candidate policy against it; and plan the
 * observer that turns the watching on.
 */
export * from './addresses';
export * from './attribution';
export * from './fields';
export * from './firewall-alerts';
export * from './json-lines';
export * from './flow-log-reader';
export * from './lines';
export * from './observation';
export * from './port-index';
export * from './replay-policy';
export * from './resolver-query-log';
export * from './suggest';
export * from './types';
export * from './observer-plan';
export type { AppleTrafficObserverOptions } from './observer-options';
