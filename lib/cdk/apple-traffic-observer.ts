/**
 * The first step of the workflow for the AWS CDK: watch what the Apple devices use before writing
 * a policy for it. Flow logs in the format `apple-ports flows` reads best, a log group with a
 * retention, a role that may only write to it, a Logs Insights query by Apple port, and optionally
 * Resolver query logging for the VPC. Everything comes from `planTrafficObserver`; this file only
 * creates the resources.
 */
import { Aws, Fn, RemovalPolicy, Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as route53resolver from 'aws-cdk-lib/aws-route53resolver';
import { Construct } from 'constructs';
import { observerPermissionsPolicy, observerTrustPolicy, planTrafficObserver, type AppleTrafficObserverOptions, type TrafficObserverPlan } from '../core';
import { observerOptionsOf } from '../core/internal';
import { AppleServicesError, withConstructPath } from './errors';
import { raiseWarnings } from './warnings';

/** Props of `AppleTrafficObserver`: what to watch, and how long to keep the records. */
export interface AppleTrafficObserverProps extends AppleTrafficObserverOptions {
  /**
   * The VPC to watch: one flow log for every interface in it, unless `subnets` or
   * `networkInterfaceIds` narrow it. Needed for `resolverQueryLogging`.
   * @default - no VPC; give subnets or networkInterfaceIds
   */
  readonly vpc?: ec2.IVpc;
  /**
   * Subnets to watch, one flow log each (for example the VDI subnets only), selected from `vpc` as
   * the other constructs select theirs: `{ subnetGroupName: 'Desktops' }`, or
   * `{ subnets: [subnetA, subnetB] }`, which alone needs no `vpc`.
   * @default - none
   */
  readonly subnets?: ec2.SubnetSelection;
  /**
   * Network interfaces (`eni-…`) to watch, one flow log each (for example an EC2 Mac host's).
   * @default - none
   */
  readonly networkInterfaceIds?: readonly string[];
  /**
   * How long CloudWatch Logs keeps the records, e.g. `logs.RetentionDays.ONE_MONTH`. The observer is
   * for a few weeks of watching, so `RetentionDays.INFINITE` is refused.
   * @default {@link apple-ports!DEFAULT_OBSERVER_RETENTION_DAYS | DEFAULT_OBSERVER_RETENTION_DAYS} (two weeks: a week of watching, a week to read it)
   */
  readonly retentionDays?: logs.RetentionDays;
}

const RESOURCE_TYPES = { vpc: 'VPC', subnet: 'Subnet', 'network-interface': 'NetworkInterface' } as const;

/**
 * The subnets a selection names: selected from the VPC, or, without one, the subnets the selection
 * lists itself. Selecting by type, group or filter reads a VPC, so without one it is refused.
 */
function selectedSubnets(scope: Construct, vpc: ec2.IVpc | undefined, selection: ec2.SubnetSelection | undefined): ec2.ISubnet[] {
  if (selection === undefined) {
    return [];
  }
  if (vpc !== undefined) {
    return vpc.selectSubnets(selection).subnets;
  }
  const { subnets, ...criteria } = selection;
  if (subnets === undefined || Object.values(criteria).some((value) => value !== undefined)) {
    throw new AppleServicesError(scope, [
      {
        code: 'invalid-observer-option',
        message: 'subnets selects subnets of vpc by type, group or filter, but no vpc is given. Pass vpc as well, or list the subnets themselves: subnets: { subnets: [subnetA, subnetB] }.',
      },
    ]);
  }
  return [...subnets];
}

/**
 * Turns VPC flow logs on for Apple devices, in the custom format `apple-ports flows` reads, with a
 * Logs Insights query that summarises their traffic by Apple port. Watch for a week, then run
 * `apple-ports flows --suggest` on the records.
 *
 * @example
 * new AppleTrafficObserver(this, 'Watch', { vpc, subnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS }, resolverQueryLogging: true });
 */
export class AppleTrafficObserver extends Construct {
  /** The plan the resources render: format, fields, retention, query, role statements, notices. */
  public readonly plan: TrafficObserverPlan;
  /** The log group the flow logs write to. */
  public readonly logGroup: logs.CfnLogGroup;
  /** The role the flow logs service assumes to write to it. */
  public readonly role: iam.CfnRole;
  /** One flow log per watched VPC, subnet or network interface, in the plan's order. */
  public readonly flowLogs: readonly ec2.CfnFlowLog[];
  /** The Logs Insights query definition. */
  public readonly queryDefinition: logs.CfnQueryDefinition;
  /** The Resolver query log group, when `resolverQueryLogging` is on. */
  public readonly resolverLogGroup?: logs.CfnLogGroup;

  /** Creates the flow logs, their log group, role and query, and optionally Resolver query logging; bad props fail here with every problem listed. */
  constructor(scope: Construct, id: string, props: AppleTrafficObserverProps) {
    super(scope, id);
    if (props.retentionDays === logs.RetentionDays.INFINITE) {
      // CDK's enum stands for "never expire" by a number (9999) the user never wrote.
      throw new AppleServicesError(this, [
        {
          code: 'invalid-observer-option',
          message: 'retentionDays RetentionDays.INFINITE keeps the records forever, and the observer is for a few weeks of watching. Use a retention such as logs.RetentionDays.ONE_MONTH, at most logs.RetentionDays.TEN_YEARS.',
        },
      ]);
    }
    const subnets = selectedSubnets(this, props.vpc, props.subnets);
    const interfaces = props.networkInterfaceIds ?? [];
    this.plan = withConstructPath(this, () =>
      planTrafficObserver({
        targets: { vpc: props.vpc !== undefined, subnets: subnets.length, networkInterfaces: interfaces.length },
        ids: interfaces.flatMap((id, index) => (Token.isUnresolved(id) ? [] : [{ kind: 'network-interface' as const, id, field: `networkInterfaceIds[${index}]` }])),
        ...observerOptionsOf(props),
      }),
    );
    const plan = this.plan;
    const removalPolicy = plan.retainLogs ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;

    this.logGroup = new logs.CfnLogGroup(this, 'FlowLogs', { retentionInDays: plan.retentionInDays });
    this.logGroup.applyRemovalPolicy(removalPolicy);

    this.role = new iam.CfnRole(this, 'Role', {
      assumeRolePolicyDocument: observerTrustPolicy(plan, {
        account: Aws.ACCOUNT_ID,
        sourceArn: Fn.sub(plan.role.sourceArnPattern.replace('{account}', '${AWS::AccountId}')),
      }),
      // The log group's Arn attribute ends in `:*`, which names the group's streams too.
      policies: [{ policyName: plan.role.policyName, policyDocument: observerPermissionsPolicy(plan, this.logGroup.attrArn) }],
    });

    const resourceIds = (kind: (typeof plan.flowLogs)[number]['kind'], index: number): string =>
      kind === 'vpc' ? props.vpc!.vpcId : kind === 'subnet' ? subnets[index].subnetId : interfaces[index];
    this.flowLogs = plan.flowLogs.map(
      (flowLog) =>
        new ec2.CfnFlowLog(this, `FlowLog${flowLog.name}`, {
          resourceId: resourceIds(flowLog.kind, flowLog.index),
          resourceType: RESOURCE_TYPES[flowLog.kind],
          trafficType: plan.trafficType,
          logDestinationType: 'cloud-watch-logs',
          logGroupName: this.logGroup.ref,
          deliverLogsPermissionArn: this.role.attrArn,
          logFormat: plan.logFormat,
          maxAggregationInterval: plan.maxAggregationInterval,
        }),
    );

    this.queryDefinition = new logs.CfnQueryDefinition(this, 'AppleTrafficQuery', {
      name: plan.queries[0].name,
      queryString: plan.queries[0].queryString,
      logGroupNames: [this.logGroup.ref],
    });

    if (plan.resolverQueryLogging) {
      this.resolverLogGroup = new logs.CfnLogGroup(this, 'ResolverQueryLogs', { retentionInDays: plan.retentionInDays });
      this.resolverLogGroup.applyRemovalPolicy(removalPolicy);
      const config = new route53resolver.CfnResolverQueryLoggingConfig(this, 'ResolverQueryLogging', { destinationArn: this.resolverLogGroup.attrArn });
      new route53resolver.CfnResolverQueryLoggingConfigAssociation(this, 'ResolverQueryLoggingAssociation', {
        resolverQueryLogConfigId: config.attrId,
        resourceId: props.vpc!.vpcId,
      });
    }

    raiseWarnings(this, plan.warnings);
  }
}
