/**
 * The example deployment: a VPC whose VDI desktops use iCloud and FaceTime, and EC2 Mac build
 * hosts that admins reach over Screen Sharing through a bastion. Every stack is env-agnostic, so
 * `cdk synth` needs no AWS account, credentials or context lookups.
 */
import { Annotations, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { AppleServicesEgress, AppleServicesIngress } from 'apple-ports/cdk';
import type { Construct } from 'constructs';
import { SUBNETS } from './subnets';

/** Why the example keeps cdk-nag's VPC3 ("a network ACL is in use"): the ACL is the point. */
const NACL_REASON =
  'The VDI subnets use a network ACL on purpose, as a second layer beside the security group: it holds only the Apple egress of the desktops and the return traffic a stateless ACL needs.';

/** The VPC and the VDI desktops' Apple egress, as a security group and a network ACL. */
export class AppleVdiStack extends Stack {
  public readonly vpc: ec2.Vpc;
  public readonly desktops: AppleServicesEgress;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    this.vpc = new ec2.Vpc(this, 'Vpc', {
      maxAzs: 2,
      natGateways: 1,
      subnetConfiguration: [
        { name: SUBNETS.public, subnetType: ec2.SubnetType.PUBLIC, cidrMask: 24 },
        { name: SUBNETS.vdi, subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 22 },
        { name: SUBNETS.macHosts, subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 24 },
      ],
      flowLogs: { All: { trafficType: ec2.FlowLogTrafficType.ALL } },
    });

    // The desktops' security group and their subnets' network ACL allow exactly what iCloud and
    // FaceTime need; the ACL also gets the inbound return entries.
    this.desktops = new AppleServicesEgress(this, 'VdiDesktops', {
      products: ['iCloud', 'FaceTime'],
      vpc: this.vpc,
      subnets: { subnetGroupName: SUBNETS.vdi },
    });
    Validations.of(this.desktops).acknowledge({ id: 'AwsSolutions-VPC3', reason: NACL_REASON });
  }
}

/** Props of `MacHostsStack`. */
export interface MacHostsStackProps extends StackProps {
  readonly vpc: ec2.IVpc;
}

/** EC2 Mac build hosts: Screen Sharing in from the bastion only, build-host egress out. */
export class MacHostsStack extends Stack {
  public readonly bastion: ec2.SecurityGroup;
  public readonly screenSharing: AppleServicesIngress;
  public readonly buildEgress: AppleServicesEgress;

  constructor(scope: Construct, id: string, props: MacHostsStackProps) {
    super(scope, id, props);
    this.bastion = new ec2.SecurityGroup(this, 'Bastion', {
      vpc: props.vpc,
      description: 'Admin bastion for the EC2 Mac hosts',
      allowAllOutbound: false,
    });

    // Creates the hosts' security group; the bastion's group gets the matching egress rules.
    this.screenSharing = new AppleServicesIngress(this, 'MacHosts', {
      products: ['ScreenSharing'],
      sources: [this.bastion],
      vpc: props.vpc,
    });

    // The same hosts connect out for updates, the App Store, DNS, time and push notifications.
    this.buildEgress = new AppleServicesEgress(this, 'MacHostsEgress', { profiles: ['ec2-mac-build-host'] });
    this.buildEgress.applyTo(this.screenSharing);

    // Reviewed notices, acknowledged by their stable ids so `cdk synth --strict` passes.
    const notices = Annotations.of(this.buildEgress);
    notices.acknowledgeWarning('apple-ports:legacy-excluded', 'The hosts send no push notifications through the retired binary APNs provider API.');
    notices.acknowledgeWarning('apple-ports:amazon-dns', 'The DNS rules are for resolvers outside the VPC; the Amazon resolver needs none.');
    notices.acknowledgeWarning('apple-ports:amazon-time-sync', 'The NTP rules are for time.apple.com, which macOS uses by default.');
  }
}

/** The example's stacks, in the scope given (an App, or a Stage in tests). */
export function buildExample(scope: Construct): { vdi: AppleVdiStack; macHosts: MacHostsStack } {
  const vdi = new AppleVdiStack(scope, 'AppleVdi', { description: 'VDI desktops that use iCloud and FaceTime (apple-ports example)' });
  const macHosts = new MacHostsStack(scope, 'AppleMacHosts', {
    vpc: vdi.vpc,
    description: 'EC2 Mac build hosts reached over Screen Sharing (apple-ports example)',
  });
  return { vdi, macHosts };
}
