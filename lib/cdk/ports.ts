/** Renders the resolver's port ranges as CDK ports and ACL traffic; no port number is chosen here. */
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type { NetworkAclEntryPlan, Protocol } from '../core';
import { isIcmpEntry } from '../core/internal';

/** The security-group port of a resolved rule (single ports keep CDK's plain `Port.tcp(443)` form). */
export function toSecurityGroupPort(protocol: Protocol, fromPort: number, toPort: number): ec2.Port {
  if (protocol === 'tcp') {
    return fromPort === toPort ? ec2.Port.tcp(fromPort) : ec2.Port.tcpRange(fromPort, toPort);
  }
  return fromPort === toPort ? ec2.Port.udp(fromPort) : ec2.Port.udpRange(fromPort, toPort);
}

/** The network ACL traffic of a planned entry: its ports, or its ICMP message. */
export function toAclTraffic(entry: NetworkAclEntryPlan): ec2.AclTraffic {
  if (isIcmpEntry(entry)) {
    const message = { type: entry.icmpType, code: entry.icmpCode };
    return entry.protocol === 'icmp' ? ec2.AclTraffic.icmp(message) : ec2.AclTraffic.icmpv6(message);
  }
  const { fromPort, toPort } = entry;
  if (entry.protocol === 'tcp') {
    return fromPort === toPort ? ec2.AclTraffic.tcpPort(fromPort) : ec2.AclTraffic.tcpPortRange(fromPort, toPort);
  }
  return fromPort === toPort ? ec2.AclTraffic.udpPort(fromPort) : ec2.AclTraffic.udpPortRange(fromPort, toPort);
}
