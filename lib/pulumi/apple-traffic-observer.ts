/**
 * The first step of the workflow for Pulumi: watch what the Apple devices use before writing a
 * policy for it. Flow logs in the format `apple-ports flows` reads best, a log group with a
 * retention, a role that may only write to it, a Logs Insights query by Apple port, and optionally
 * Resolver query logging for the VPC. Everything comes from `planTrafficObserver`; this file only
 * creates the resources.
 */
import * as pulumi from '@pulumi/pulumi';
// The files, not the cloudwatch module: its index loads the lambda, iam and config modules for event helpers.
import { LogGroup } from '@pulumi/aws/cloudwatch/logGroup';
import { QueryDefinition } from '@pulumi/aws/cloudwatch/queryDefinition';
import { FlowLog } from '@pulumi/aws/ec2';
import { getCallerIdentityOutput } from '@pulumi/aws/getCallerIdentity';
import { Role, RolePolicy } from '@pulumi/aws/iam';
import { ResolverQueryLogConfig, ResolverQueryLogConfigAssociation } from '@pulumi/aws/route53';
import { ApplePortsError, observerPermissionsPolicy, observerTrustPolicy, planTrafficObserver, type AppleTrafficObserverOptions, type TrafficObserverPlan } from '../core';
import { observerOptionsOf } from '../core/internal';
import { AppleServicesResourceError } from './errors';
import { typeToken } from './type-tokens';
import { logWarnings } from './warnings';

/** Arguments of `AppleTrafficObserver`: what to watch, and how long to keep the records. */
export interface AppleTrafficObserverArgs extends AppleTrafficObserverOptions {
  /**
   * The VPC to watch: one flow log for every interface in it, unless `subnetIds` or
   * `networkInterfaceIds` narrow it. Needed for `resolverQueryLogging`.
   * @default no VPC; give subnetIds or networkInterfaceIds
   */
  readonly vpcId?: pulumi.Input<string>;
  /**
   * Subnets to watch, one flow log each; add new ones at the end, as flow logs are named by position.
   * @default []
   */
  readonly subnetIds?: readonly pulumi.Input<string>[];
  /**
   * Network interfaces (`eni-…`) to watch, one flow log each.
   * @default []
   */
  readonly networkInterfaceIds?: readonly pulumi.Input<string>[];
  /**
   * Days CloudWatch Logs keeps the records: one of the retention values CloudWatch accepts.
   * @default {@link apple-ports!DEFAULT_OBSERVER_RETENTION_DAYS | DEFAULT_OBSERVER_RETENTION_DAYS} (two weeks: a week of watching, a week to read it)
   */
  readonly retentionDays?: number;
  /**
   * Tags for the log groups, the role and the flow logs.
   * @default no tags
   */
  readonly tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/**
 * Turns VPC flow logs on for Apple devices, in the custom format `apple-ports flows` reads, with a
 * Logs Insights query that summarises their traffic by Apple port. Watch for a week, then run
 * `apple-ports flows --suggest` on the records.
 *
 * ```ts
 * new AppleTrafficObserver('watch', { vpcId: vpc.id, subnetIds: [vdi.id], resolverQueryLogging: true });
 * ```
 */
export class AppleTrafficObserver extends pulumi.ComponentResource {
  /** The plan the resources render: format, fields, retention, query, role statements, notices. */
  public readonly plan: TrafficObserverPlan;
  /** The log group the flow logs write to. */
  public readonly logGroup: LogGroup;
  /** The role the flow logs service assumes to write to it. */
  public readonly role: Role;
  /** One flow log per watched VPC, subnet or network interface, in the plan's order. */
  public readonly flowLogs: readonly FlowLog[];
  /** The Logs Insights query definition. */
  public readonly queryDefinition: QueryDefinition;
  /** The Resolver query log group, when `resolverQueryLogging` is on. */
  public readonly resolverLogGroup?: LogGroup;

  /** Creates the flow logs, their log group, role and query, and optionally Resolver query logging, as children; bad args fail here with one `ResourceError` listing every problem. */
  constructor(name: string, args: AppleTrafficObserverArgs, opts?: pulumi.ComponentResourceOptions) {
    super(typeToken('AppleTrafficObserver'), name, {}, opts);
    const given = args ?? {};
    const subnetIds = given.subnetIds ?? [];
    const interfaceIds = given.networkInterfaceIds ?? [];
    let plan: TrafficObserverPlan;
    try {
      plan = planTrafficObserver({
        targets: { vpc: given.vpcId !== undefined, subnets: subnetIds.length, networkInterfaces: interfaceIds.length },
        targetNames: { vpc: 'vpcId', subnets: 'subnetIds', networkInterfaces: 'networkInterfaceIds' },
        ids: [
          ...(typeof given.vpcId === 'string' ? [{ kind: 'vpc' as const, id: given.vpcId, field: 'vpcId' }] : []),
          ...subnetIds.flatMap((id, index) => (typeof id === 'string' ? [{ kind: 'subnet' as const, id, field: `subnetIds[${index}]` }] : [])),
          ...interfaceIds.flatMap((id, index) => (typeof id === 'string' ? [{ kind: 'network-interface' as const, id, field: `networkInterfaceIds[${index}]` }] : [])),
        ],
        ...observerOptionsOf(given),
      });
    } catch (error) {
      if (error instanceof ApplePortsError) {
        throw new AppleServicesResourceError(error.problems, `AppleTrafficObserver '${name}'`, this);
      }
      throw error;
    }
    this.plan = plan;
    const tags = given.tags !== undefined ? { tags: given.tags } : {};
    const logOptions = { parent: this, retainOnDelete: plan.retainLogs };

    this.logGroup = new LogGroup(`${name}-flow-logs`, { retentionInDays: plan.retentionInDays, ...tags }, logOptions);
    const account = getCallerIdentityOutput({}, { parent: this }).accountId;
    this.role = new Role(
      `${name}-role`,
      {
        assumeRolePolicy: pulumi.jsonStringify(observerTrustPolicy(plan, { account, sourceArn: account.apply((id) => plan.role.sourceArnPattern.replace('{account}', id)) })),
        ...tags,
      },
      { parent: this },
    );
    new RolePolicy(
      `${name}-role-policy`,
      // `:*` after the group's ARN names the group's streams too, as CloudFormation's Arn attribute does.
      { name: plan.role.policyName, role: this.role.id, policy: pulumi.jsonStringify(observerPermissionsPolicy(plan, pulumi.interpolate`${this.logGroup.arn}:*`)) },
      { parent: this },
    );

    const target = (kind: (typeof plan.flowLogs)[number]['kind'], index: number) =>
      kind === 'vpc' ? { vpcId: given.vpcId } : kind === 'subnet' ? { subnetId: subnetIds[index] } : { eniId: interfaceIds[index] };
    this.flowLogs = plan.flowLogs.map(
      (flowLog) =>
        new FlowLog(
          `${name}-flow-log-${flowLog.name.toLowerCase()}`,
          {
            ...target(flowLog.kind, flowLog.index),
            trafficType: plan.trafficType,
            logDestinationType: 'cloud-watch-logs',
            logDestination: this.logGroup.arn,
            iamRoleArn: this.role.arn,
            logFormat: plan.logFormat,
            maxAggregationInterval: plan.maxAggregationInterval,
            ...tags,
          },
          { parent: this },
        ),
    );

    this.queryDefinition = new QueryDefinition(
      `${name}-apple-traffic-query`,
      { name: plan.queries[0].name, queryString: plan.queries[0].queryString, logGroupNames: [this.logGroup.name] },
      { parent: this },
    );

    if (plan.resolverQueryLogging) {
      this.resolverLogGroup = new LogGroup(`${name}-resolver-query-logs`, { retentionInDays: plan.retentionInDays, ...tags }, logOptions);
      const config = new ResolverQueryLogConfig(`${name}-resolver-query-logging`, { destinationArn: this.resolverLogGroup.arn, ...tags }, { parent: this });
      new ResolverQueryLogConfigAssociation(
        `${name}-resolver-query-logging-association`,
        { resolverQueryLogConfigId: config.id, resourceId: given.vpcId! },
        { parent: this },
      );
    }

    logWarnings(this, plan.warnings);
    this.registerOutputs({ logGroupName: this.logGroup.name, plan: this.plan });
  }
}
