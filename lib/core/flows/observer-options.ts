/**
 * What the CDK and Pulumi observers take besides their targets and retention, documented once:
 * both adapters extend it, and pass what was given to `planTrafficObserver` the same way.
 */
import type { FlowLogTrafficType, TrafficObserverOptions } from './observer-plan';

/** The observer's options that read the same in the CDK and Pulumi. */
export interface AppleTrafficObserverOptions {
  /**
   * Which traffic the flow logs record.
   * @default 'ALL'
   */
  readonly trafficType?: FlowLogTrafficType;
  /**
   * The longest a flow is aggregated into one record, in seconds: one of the two intervals AWS allows.
   * @default - the shorter interval AWS allows (one minute)
   */
  readonly maxAggregationInterval?: number;
  /**
   * Also log the VPC's DNS queries through Route 53 Resolver, to tie flows to Apple hosts.
   * @default false
   */
  readonly resolverQueryLogging?: boolean;
  /**
   * Keep the log groups when the stack is deleted (in Pulumi, destroyed: `retainOnDelete`).
   * @default true
   */
  readonly retainLogs?: boolean;
}

type GivenOptions = Pick<TrafficObserverOptions, 'retentionDays' | 'trafficType' | 'maxAggregationInterval' | 'resolverQueryLogging' | 'retainLogs'>;

const OPTION_NAMES = ['retentionDays', 'trafficType', 'maxAggregationInterval', 'resolverQueryLogging', 'retainLogs'] as const;

/** The options an adapter was given, as `planTrafficObserver` takes them: those left out stay out, for its defaults. */
export function observerOptionsOf(given: AppleTrafficObserverOptions & { readonly retentionDays?: number }): GivenOptions {
  return Object.fromEntries(OPTION_NAMES.filter((name) => given[name] !== undefined).map((name) => [name, given[name]])) as GivenOptions;
}
