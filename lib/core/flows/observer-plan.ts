/**
 * The observer, planned once for both adapters: VPC flow logs in the format the reader prefers,
 * sent to a CloudWatch Logs log group with a retention CloudWatch accepts, through a role that may
 * only write to that group; a Logs Insights query that counts traffic by Apple port; and, when
 * asked, Route 53 Resolver query logging for the VPC, so flows can be tied to the Apple hosts the
 * devices looked up. The CDK construct and the Pulumi component only render this plan.
 */
import { services } from '../catalogue';
import {
  AMAZON_TIME_SYNC_ADDRESS,
  CLOUDWATCH_LOGS_RETENTION_DAYS,
  FLOW_LOG_AGGREGATION_INTERVALS,
  FLOW_LOGS_SERVICE_PRINCIPAL,
  INSTANCE_METADATA_ADDRESS,
  LOGS_INSIGHTS_MAX_QUERY_LENGTH,
} from '../aws/facts';
import { PROTOCOLS, normalizePorts, type Protocol } from '../ports';
import { plannedWarnings, type PlannedWarning } from '../attach';
import { resourceIdProblems, type GivenResourceId } from '../aws';
import { throwIfProblems, type Problem } from '../problems';
import { IANA_PROTOCOLS, OBSERVER_FLOW_LOG_FIELDS, formatLogFormat, formatVersion } from './fields';

/** Which traffic the flow logs record. */
export type FlowLogTrafficType = 'ALL' | 'ACCEPT' | 'REJECT';

/** What to watch and how long to keep it. */
export interface TrafficObserverOptions {
  /** How many of each target kind the adapter was given. */
  readonly targets: {
    /** Whether a VPC was given. */
    readonly vpc: boolean;
    /** How many subnets were given. */
    readonly subnets: number;
    /** How many network interfaces were given. */
    readonly networkInterfaces: number;
  };
  /**
   * How the adapter names its target props in messages.
   * @default `vpc`, `subnets` and `networkInterfaceIds`, the CDK construct's props
   */
  readonly targetNames?: ObserverTargetNames;
  /**
   * The targets' ids known before deployment, as the user gave them, checked against the form AWS issues.
   * @default none: every id is only known at deploy time
   */
  readonly ids?: readonly GivenResourceId[];
  /**
   * Days CloudWatch Logs keeps the records; one of {@link CLOUDWATCH_LOGS_RETENTION_DAYS}, the values CloudWatch accepts.
   * @default {@link DEFAULT_OBSERVER_RETENTION_DAYS}: a week of watching, and a week to read it
   */
  readonly retentionDays?: number;
  /** Which traffic to record. @default 'ALL': rejected flows show what a policy already breaks */
  readonly trafficType?: FlowLogTrafficType;
  /** The longest a flow is aggregated into one record, in seconds. @default {@link FLOW_LOG_AGGREGATION_INTERVALS}[0], the finer of the two AWS allows */
  readonly maxAggregationInterval?: number;
  /** Also log the VPC's DNS queries through Route 53 Resolver (needs the VPC). @default false */
  readonly resolverQueryLogging?: boolean;
  /** Keep the log groups when the stack is deleted. @default true */
  readonly retainLogs?: boolean;
}

/** The props that name the observer's targets. */
export interface ObserverTargetNames {
  /** The prop or argument that takes the VPC: `vpc` (CDK), `vpcId` (Pulumi). */
  readonly vpc: string;
  /** The one that takes the subnets: `subnets` (CDK), `subnetIds` (Pulumi). */
  readonly subnets: string;
  /** The one that takes the network interfaces' ids. */
  readonly networkInterfaces: string;
}

const CDK_TARGET_NAMES: ObserverTargetNames = { vpc: 'vpc', subnets: 'subnets', networkInterfaces: 'networkInterfaceIds' };

/** One statement of the role's permissions, on the flow log group's streams. */
export interface ObserverPolicyStatement {
  /** The statement's id, for the policy document. */
  readonly sid: string;
  /** The CloudWatch Logs actions it allows, sorted. */
  readonly actions: readonly string[];
  /** `log-group`: the group's ARN with `:*`, which names its streams too. */
  readonly resource: 'log-group';
}

/** One flow log to create. */
export interface ObserverFlowLog {
  /** What the flow log is attached to. */
  readonly kind: 'vpc' | 'subnet' | 'network-interface';
  /** Which of the given targets of that kind (0 for the VPC). */
  readonly index: number;
  /** A stable name part: `Vpc`, `Subnet0`, `NetworkInterface1`. */
  readonly name: string;
}

/** A Logs Insights query definition. */
export interface ObserverQuery {
  /** The query definition's name (`apple-ports/apple-traffic-by-port`). */
  readonly name: string;
  /** The Logs Insights query text. */
  readonly queryString: string;
}

/** Stable codes for what the observer cannot record. */
export type ObserverNoticeCode = 'flow-logs-blind-spots' | 'resolver-query-logs-scope';

/** Something to know about what the observer records. */
export interface ObserverNotice {
  /** The notice's stable code; adapters raise it as the warning `apple-ports:<code>`. */
  readonly code: ObserverNoticeCode;
  /** What the observer cannot record, in English. */
  readonly message: string;
}

/** Everything the adapters create. */
export interface TrafficObserverPlan {
  /** The flow log fields recorded, in the order of the log format. */
  readonly fields: readonly string[];
  /** The flow logs' `LogFormat`. */
  readonly logFormat: string;
  /** The version the records carry in their `version` field. */
  readonly version: number;
  /** Which traffic the flow logs record. */
  readonly trafficType: FlowLogTrafficType;
  /** The longest a flow is aggregated into one record, in seconds. */
  readonly maxAggregationInterval: number;
  /** Days CloudWatch Logs keeps the records. */
  readonly retentionInDays: number;
  /** Whether the log groups outlive the stack. */
  readonly retainLogs: boolean;
  /** The flow logs to create: one per subnet or interface given, else one for the VPC. */
  readonly flowLogs: readonly ObserverFlowLog[];
  /** Who assumes the role, and the conditions that keep other accounts' flow logs out. */
  readonly role: {
    /** The service that assumes the role (`vpc-flow-logs.amazonaws.com`). */
    readonly servicePrincipal: string;
    /** `aws:SourceArn` must be like this, with `{account}` the stack's account. */
    readonly sourceArnPattern: string;
    /** The name of the role's inline policy. */
    readonly policyName: string;
    /** The statements of the role's inline policy. */
    readonly statements: readonly ObserverPolicyStatement[];
  };
  /** The Logs Insights query definitions to create. */
  readonly queries: readonly ObserverQuery[];
  /** Whether to log the VPC's DNS queries through Route 53 Resolver. */
  readonly resolverQueryLogging: boolean;
  /** What the observer cannot record. */
  readonly notices: readonly ObserverNotice[];
  /** The notices as the adapters raise them: `apple-ports:<code>`. */
  readonly warnings: readonly PlannedWarning[];
}

/** The default retention: a week of watching, and a week to read it. */
export const DEFAULT_OBSERVER_RETENTION_DAYS = 14;

/** The name of the query definition, under the library's folder in the Logs Insights console. */
export const OBSERVER_QUERY_NAME = 'apple-ports/apple-traffic-by-port';

/** The IANA number Logs Insights compares `protocol` with. */
function protocolNumber(protocol: Protocol): string {
  return Object.entries(IANA_PROTOCOLS).find(([, name]) => name === protocol)![0];
}

/** Logs Insights field names: the record's fields with `-` as `_`. */
function insightsName(field: string): string {
  return field.replace(/-/g, '_');
}

/** A Logs Insights test that the destination port is one of the ranges. */
function portTest(ranges: readonly { fromPort: number; toPort: number }[]): string {
  return ranges.map((r) => (r.fromPort === r.toPort ? `dstport = ${r.fromPort}` : `(dstport >= ${r.fromPort} and dstport <= ${r.toPort})`)).join(' or ');
}

/**
 * The query that counts outbound records (the device's half of each connection) by protocol and
 * destination port, for every port a current, routed Apple service uses.
 */
export function appleTrafficQuery(fields: readonly string[] = OBSERVER_FLOW_LOG_FIELDS): string {
  const current = services.filter((s) => s.status === 'current' && s.reach === 'routed');
  const tests = PROTOCOLS.map((protocol) => ({ protocol, ranges: normalizePorts(current.flatMap((s) => s.ports.filter((p) => p.protocol === protocol))) }))
    .filter(({ ranges }) => ranges.length > 0)
    .map(({ protocol, ranges }) => `(protocol = ${protocolNumber(protocol)} and (${portTest(ranges)}))`);
  const direction = fields.includes('flow-direction') ? '| filter flow_direction = "egress"\n' : '';
  return [
    `parse @message "${fields.map(() => '*').join(' ')}" as ${fields.map(insightsName).join(', ')}`,
    `${direction}| filter ${tests.join(' or ')}`,
    '| stats count(*) as records, sum(bytes) as bytes by protocol, dstport, action',
    '| sort records desc',
  ].join('\n');
}

const BLIND_SPOTS = `Flow logs do not record traffic to the Amazon DNS server, the instance metadata service (${INSTANCE_METADATA_ADDRESS}), the Amazon Time Sync Service (${AMAZON_TIME_SYNC_ADDRESS}), DHCP, or Windows license activation: DNS and NTP to Amazon will not show up. Resolver query logging records the DNS queries.`;

/** Plans the observer; throws an `ApplePortsError` listing every bad option. */
export function planTrafficObserver(options: TrafficObserverOptions): TrafficObserverPlan {
  const problems: Problem[] = [];
  const invalid = (message: string) => problems.push({ code: 'invalid-observer-option', message });
  const { targets } = options;
  const names = options.targetNames ?? CDK_TARGET_NAMES;
  if (!targets.vpc && targets.subnets === 0 && targets.networkInterfaces === 0) {
    invalid(`The observer watches nothing. Give ${names.vpc} (every interface in it), ${names.subnets}, or ${names.networkInterfaces}.`);
  }
  problems.push(...resourceIdProblems(options.ids ?? []));
  const retentionInDays = options.retentionDays ?? DEFAULT_OBSERVER_RETENTION_DAYS;
  if (!CLOUDWATCH_LOGS_RETENTION_DAYS.includes(retentionInDays)) {
    const nearest = [...CLOUDWATCH_LOGS_RETENTION_DAYS].sort((a, b) => Math.abs(a - retentionInDays) - Math.abs(b - retentionInDays) || a - b)[0];
    invalid(`retentionDays ${String(retentionInDays)} is not a retention CloudWatch Logs accepts. Use one of ${CLOUDWATCH_LOGS_RETENTION_DAYS.join(', ')} (the nearest is ${nearest}).`);
  }
  const maxAggregationInterval = options.maxAggregationInterval ?? FLOW_LOG_AGGREGATION_INTERVALS[0];
  if (!FLOW_LOG_AGGREGATION_INTERVALS.includes(maxAggregationInterval)) {
    invalid(`maxAggregationInterval ${String(maxAggregationInterval)} is not one AWS allows. Use ${FLOW_LOG_AGGREGATION_INTERVALS.join(' or ')} seconds.`);
  }
  const trafficType = options.trafficType ?? 'ALL';
  if (!['ALL', 'ACCEPT', 'REJECT'].includes(trafficType)) {
    invalid(`trafficType '${String(trafficType)}' is not ALL, ACCEPT or REJECT. Use 'ALL' to see what a policy would break and what it already blocks.`);
  }
  const resolverQueryLogging = options.resolverQueryLogging ?? false;
  if (resolverQueryLogging && !targets.vpc) {
    invalid(`resolverQueryLogging logs the DNS queries of a VPC. Give ${names.vpc} as well, or turn resolverQueryLogging off.`);
  }
  const queryString = appleTrafficQuery();
  if (queryString.length > LOGS_INSIGHTS_MAX_QUERY_LENGTH) {
    invalid(`The Logs Insights query has ${queryString.length} characters, more than the ${LOGS_INSIGHTS_MAX_QUERY_LENGTH} AWS allows.`);
  }
  throwIfProblems(problems);

  const flowLogs: ObserverFlowLog[] = [
    ...(targets.vpc && targets.subnets === 0 && targets.networkInterfaces === 0 ? [{ kind: 'vpc' as const, index: 0, name: 'Vpc' }] : []),
    ...Array.from({ length: targets.subnets }, (_, index) => ({ kind: 'subnet' as const, index, name: `Subnet${index}` })),
    ...Array.from({ length: targets.networkInterfaces }, (_, index) => ({ kind: 'network-interface' as const, index, name: `NetworkInterface${index}` })),
  ];
  const notices: ObserverNotice[] = [{ code: 'flow-logs-blind-spots', message: BLIND_SPOTS }];
  if (resolverQueryLogging) {
    notices.push({
      code: 'resolver-query-logs-scope',
      message: 'Resolver query logging records the queries the VPC sends to the Route 53 Resolver; devices that use another DNS server are not in it.',
    });
  }
  return {
    fields: OBSERVER_FLOW_LOG_FIELDS,
    logFormat: formatLogFormat(OBSERVER_FLOW_LOG_FIELDS),
    version: formatVersion(OBSERVER_FLOW_LOG_FIELDS),
    trafficType,
    maxAggregationInterval,
    retentionInDays,
    retainLogs: options.retainLogs ?? true,
    flowLogs,
    role: {
      servicePrincipal: FLOW_LOGS_SERVICE_PRINCIPAL,
      sourceArnPattern: 'arn:*:ec2:*:{account}:vpc-flow-log/*',
      policyName: 'WriteFlowLogs',
      statements: [
        {
          sid: 'WriteFlowLogs',
          // AWS's policy adds logs:CreateLogGroup and logs:DescribeLogGroups on every resource ('*'). Scoped to
          // one group that already exists, neither is needed: these three are what the CDK's own FlowLog grants.
          actions: ['logs:CreateLogStream', 'logs:DescribeLogStreams', 'logs:PutLogEvents'],
          resource: 'log-group',
        },
      ],
    },
    queries: [{ name: OBSERVER_QUERY_NAME, queryString }],
    resolverQueryLogging,
    notices,
    warnings: plannedWarnings(notices),
  };
}

/** The IAM policy language version every document here uses. */
const POLICY_VERSION = '2012-10-17';

/** The observer role's trust policy, as IAM reads it, with the adapter's values (tokens, Outputs) of type `T`. */
export interface ObserverTrustPolicy<T> {
  /** The IAM policy language version. */
  readonly Version: string;
  /** The one statement: the flow logs service may assume the role for flow logs of the account. */
  readonly Statement: readonly {
    /** Always `Allow`. */
    readonly Effect: 'Allow';
    /** Who may assume the role. */
    readonly Principal: {
      /** The flow logs service principal. */
      readonly Service: string;
    };
    /** Always `sts:AssumeRole`. */
    readonly Action: 'sts:AssumeRole';
    /** What keeps other accounts' flow logs out (the confused-deputy conditions). */
    readonly Condition: {
      /** The account whose flow logs may assume the role. */
      readonly StringEquals: {
        /** The stack's account. */
        readonly 'aws:SourceAccount': T;
      };
      /** The flow logs that may assume the role. */
      readonly ArnLike: {
        /** `sourceArnPattern` with the stack's account in it. */
        readonly 'aws:SourceArn': T;
      };
    };
  }[];
}

/** The observer role's permissions policy, as IAM reads it, with the adapter's value of type `T` for the resource. */
export interface ObserverPermissionsPolicy<T> {
  /** The IAM policy language version. */
  readonly Version: string;
  /** One statement per planned statement, on the log group and its streams. */
  readonly Statement: readonly {
    /** The statement's id. */
    readonly Sid: string;
    /** Always `Allow`. */
    readonly Effect: 'Allow';
    /** The CloudWatch Logs actions allowed. */
    readonly Action: string[];
    /** The log group's ARN followed by `:*`. */
    readonly Resource: T;
  }[];
}

/**
 * The role's trust policy, with the adapter's values (tokens, Outputs) for the stack's account and
 * for `sourceArnPattern` with that account in it: only flow logs of the account may assume the role.
 */
export function observerTrustPolicy<T>(plan: TrafficObserverPlan, values: { readonly account: T; readonly sourceArn: T }): ObserverTrustPolicy<T> {
  return {
    Version: POLICY_VERSION,
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Service: plan.role.servicePrincipal },
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'aws:SourceAccount': values.account }, ArnLike: { 'aws:SourceArn': values.sourceArn } },
      },
    ],
  };
}

/** The role's permissions, on the adapter's value for the log group's ARN followed by `:*` (the group and its streams). */
export function observerPermissionsPolicy<T>(plan: TrafficObserverPlan, logGroupAndStreams: T): ObserverPermissionsPolicy<T> {
  return {
    Version: POLICY_VERSION,
    Statement: plan.role.statements.map((statement) => ({ Sid: statement.sid, Effect: 'Allow', Action: [...statement.actions], Resource: logGroupAndStreams })),
  };
}
