/**
 * The example app written with plain aws-cdk-lib calls: the same stacks, resources and rules, with
 * the rules given as data. It imports only types from apple-ports, so a process that runs it loads
 * what a hand-written app loads (bench/cdk-apps/synth-once.ts checks that it does).
 */
import { Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type { Construct } from 'constructs';
import type { NetworkAclEntryPlan, PolicyRule, Protocol } from '../../lib/core';
import { SUBNETS } from '../../examples/cdk/subnets';

/** Rules and entries of the example, read once from the example itself so both apps agree. */
export interface ExampleRules {
  readonly vdiEgress: readonly PolicyRule[];
  readonly vdiEntries: readonly NetworkAclEntryPlan[];
  readonly screenSharing: readonly PolicyRule[];
  readonly buildEgress: readonly PolicyRule[];
}

function port(protocol: Protocol, fromPort: number, toPort: number): ec2.Port {
  if (protocol === 'tcp') {
    return fromPort === toPort ? ec2.Port.tcp(fromPort) : ec2.Port.tcpRange(fromPort, toPort);
  }
  return fromPort === toPort ? ec2.Port.udp(fromPort) : ec2.Port.udpRange(fromPort, toPort);
}

function traffic(entry: NetworkAclEntryPlan): ec2.AclTraffic {
  if (entry.protocol === 'icmp' || entry.protocol === 'icmpv6') {
    const message = { type: entry.icmpType, code: entry.icmpCode };
    return entry.protocol === 'icmp' ? ec2.AclTraffic.icmp(message) : ec2.AclTraffic.icmpv6(message);
  }
  const { protocol, fromPort, toPort } = entry;
  if (protocol === 'tcp') {
    return fromPort === toPort ? ec2.AclTraffic.tcpPort(fromPort) : ec2.AclTraffic.tcpPortRange(fromPort, toPort);
  }
  return fromPort === toPort ? ec2.AclTraffic.udpPort(fromPort) : ec2.AclTraffic.udpPortRange(fromPort, toPort);
}

function anyIpv4(rule: PolicyRule): ec2.IPeer {
  if (rule.peer.kind !== 'ipv4') {
    throw new Error(`the hand-written app only renders IPv4 peers, not ${rule.peer.kind}`);
  }
  return ec2.Peer.ipv4(rule.peer.cidr);
}

/** The example's stacks in `scope`, written by hand. */
export function buildHandWritten(scope: Construct, rules: ExampleRules): void {
  const vdi = new Stack(scope, 'AppleVdi', { description: 'VDI desktops that use iCloud and FaceTime (apple-ports example)' });
  const vpc = new ec2.Vpc(vdi, 'Vpc', {
    maxAzs: 2,
    natGateways: 1,
    subnetConfiguration: [
      { name: SUBNETS.public, subnetType: ec2.SubnetType.PUBLIC, cidrMask: 24 },
      { name: SUBNETS.vdi, subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 22 },
      { name: SUBNETS.macHosts, subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 24 },
    ],
    flowLogs: { All: { trafficType: ec2.FlowLogTrafficType.ALL } },
  });
  const desktops = new ec2.SecurityGroup(vdi, 'Desktops', { vpc, allowAllOutbound: false, allowAllIpv6Outbound: false });
  for (const rule of rules.vdiEgress) {
    desktops.addEgressRule(anyIpv4(rule), port(rule.protocol, rule.fromPort, rule.toPort), rule.description);
  }
  const acl = new ec2.NetworkAcl(vdi, 'DesktopsAcl', { vpc, subnetSelection: { subnetGroupName: SUBNETS.vdi } });
  const entries = rules.vdiEntries.map((entry) =>
    acl.addEntry(entry.id, {
      ruleNumber: entry.ruleNumber,
      cidr: ec2.AclCidr.ipv4(entry.cidr),
      traffic: traffic(entry),
      direction: entry.egress ? ec2.TrafficDirection.EGRESS : ec2.TrafficDirection.INGRESS,
    }),
  );
  // As careful hand-written code would: switch the subnets to the new ACL only once its entries exist.
  for (const association of acl.node.children.filter((child) => child instanceof ec2.SubnetNetworkAclAssociation)) {
    association.node.addDependency(...entries);
  }

  const hosts = new Stack(scope, 'AppleMacHosts', { description: 'EC2 Mac build hosts reached over Screen Sharing (apple-ports example)' });
  const bastion = new ec2.SecurityGroup(hosts, 'Bastion', { vpc, description: 'Admin bastion for the EC2 Mac hosts', allowAllOutbound: false });
  const macHosts = new ec2.SecurityGroup(hosts, 'MacHosts', { vpc, allowAllOutbound: false, allowAllIpv6Outbound: false });
  for (const rule of rules.screenSharing) {
    macHosts.connections.allowFrom(bastion, port(rule.protocol, rule.fromPort, rule.toPort), rule.description);
  }
  for (const rule of rules.buildEgress) {
    macHosts.addEgressRule(anyIpv4(rule), port(rule.protocol, rule.fromPort, rule.toPort), rule.description);
  }
}
