/**
 * The Pulumi example: a VPC whose VDI desktops use iCloud and FaceTime (a security group and a
 * network ACL on their subnets), and EC2 Mac hosts that admins reach over Screen Sharing from a
 * bastion. Only network resources: `pulumi up` launches no instance and costs nothing to keep.
 */
import * as pulumi from '@pulumi/pulumi';
import * as ec2 from '@pulumi/aws/ec2';
import { parseProducts } from 'apple-ports';
import { AppleServicesEgress, AppleServicesIngress } from 'apple-ports/pulumi';

// Names from the stack's config are only known at run time: parseProducts checks them (and
// suggests the closest for a typo) where the compiler cannot. `pulumi config set --path
// 'desktopProducts[0]' iCloud` overrides the default.
const desktopProducts = parseProducts(new pulumi.Config().getObject<string[]>('desktopProducts') ?? ['iCloud', 'FaceTime']);

const vpc = new ec2.Vpc('apple-vdi', {
  cidrBlock: '10.20.0.0/16',
  enableDnsHostnames: true,
  tags: { Name: 'apple-vdi' },
});

const vdiSubnets = ['10.20.0.0/22', '10.20.4.0/22'].map(
  (cidrBlock, index) => new ec2.Subnet(`vdi-${index + 1}`, { vpcId: vpc.id, cidrBlock, tags: { Name: `vdi-${index + 1}` } }),
);
const macHostSubnet = new ec2.Subnet('mac-hosts', { vpcId: vpc.id, cidrBlock: '10.20.10.0/24', tags: { Name: 'mac-hosts' } });

// The desktops' security group and their subnets' network ACL allow exactly what iCloud and
// FaceTime need; the ACL also gets the inbound return entries a stateless ACL needs.
const desktops = new AppleServicesEgress('vdi-desktops', {
  products: desktopProducts,
  vpcId: vpc.id,
  subnetIds: vdiSubnets.map((subnet) => subnet.id),
});

// Groups with no inline rules: the provider removes AWS's allow-all egress, so each group allows
// only what the components below add.
const bastion = new ec2.SecurityGroup('bastion', { vpcId: vpc.id, description: 'Admin bastion for the EC2 Mac hosts' });
const macHosts = new ec2.SecurityGroup('mac-hosts', { vpcId: vpc.id, description: 'EC2 Mac build hosts' });

// Screen Sharing into the hosts from the bastion only. Given as the group itself, the bastion gets
// the matching egress to the hosts too.
const screenSharing = new AppleServicesIngress('mac-screen-sharing', {
  products: ['ScreenSharing'],
  sources: [{ securityGroup: bastion }],
  securityGroupId: macHosts.id,
});

// The same hosts connect out for updates, the App Store, DNS, time and push notifications.
const buildEgress = new AppleServicesEgress('mac-build', {
  profiles: ['ec2-mac-build-host'],
  securityGroupId: macHosts.id,
});

export const vpcId = vpc.id;
export const vdiSubnetIds = vdiSubnets.map((subnet) => subnet.id);
export const macHostSubnetId = macHostSubnet.id;
export const vdiSecurityGroupId = desktops.securityGroupId;
export const vdiNetworkAclId = desktops.networkAclId;
export const bastionSecurityGroupId = bastion.id;
export const macHostSecurityGroupId = macHosts.id;
/** Security-group rules per component, for a quick look in `pulumi stack output`. */
export const ruleCounts = {
  vdiDesktops: desktops.policy.rules.length,
  macScreenSharing: screenSharing.policy.rules.length,
  macBuildEgress: buildEgress.policy.rules.length,
};
