import * as pulumi from '@pulumi/pulumi';
import type * as adapter from 'apple-ports/pulumi';
import { installMockRecorder, settle } from './mock-recorder';

const VPC = 'vpc-0123456789abcdef0';
const ACL = 'acl-0123456789abcdef0';

let Egress: typeof adapter.AppleServicesEgress;
let Ingress: typeof adapter.AppleServicesIngress;
let warn: jest.SpyInstance;

beforeAll(async () => {
  await installMockRecorder();
  ({ AppleServicesEgress: Egress, AppleServicesIngress: Ingress } = await import('apple-ports/pulumi'));
});

beforeEach(() => {
  warn = jest.spyOn(pulumi.log, 'warn').mockResolvedValue(undefined);
});

afterEach(async () => {
  warn.mockRestore();
  await settle();
});

/** The warnings a component raised, each checked to be logged against that component. */
function warningsOf(component: pulumi.ComponentResource): string[] {
  for (const call of warn.mock.calls) {
    expect(call[1]).toBe(component);
  }
  return warn.mock.calls.map((call) => call[0] as string);
}

const APNS_LEGACY =
  'apple-ports:legacy-excluded: Left out services Apple has retired (set includeLegacy to keep them): apns-legacy-provider (tcp 2195) for PushNotifications, retired 2021-03-31; apns-legacy-feedback (tcp 2196) for PushNotifications, retired 2021-03-31.';

describe('notices become pulumi.log.warn lines with stable codes', () => {
  test('legacy-excluded, amazon-dns and amazon-time-sync', () => {
    const component = new Egress('a', { products: ['PushNotifications', 'DNS', 'NetworkTime'], vpcId: VPC });
    expect(warningsOf(component)).toEqual([
      APNS_LEGACY,
      'apple-ports:amazon-dns: DNS to the Amazon-provided resolver (the VPC base address plus two, and 169.254.169.253) is never filtered by security groups or network ACLs; the DNS rules only matter for other resolvers.',
      'apple-ports:amazon-time-sync: The Amazon Time Sync Service (169.254.169.123) is never filtered by security groups or network ACLs; the NTP rules only matter for other time servers such as time.apple.com.',
    ]);
  });

  test('link-local-excluded', () => {
    const component = new Egress('b', { products: ['AirPlay'], vpcId: VPC });
    expect(warningsOf(component)).toEqual([
      'apple-ports:link-local-excluded: Left out link-local multicast, which never crosses a VPC (set includeLinkLocal to keep it): mdns (udp 5353) for AirPlay.',
    ]);
  });

  test('no warning once legacy and link-local services are asked for', () => {
    const component = new Egress('c', { products: ['AirPlay', 'PushNotifications'], includeLegacy: true, includeLinkLocal: true, vpcId: VPC });
    expect(warningsOf(component)).toEqual([]);
  });

  test('direction-excluded and user-excluded', () => {
    const component = new Ingress('d', { products: ['Kerberos', 'ScreenSharing'], sources: ['10.0.0.0/8'], exclude: ['rfb'], vpcId: VPC });
    expect(warningsOf(component)).toEqual([
      'apple-ports:direction-excluded: Left out services the devices only use outbound, which ingress rules would not serve: kerberos-adm (tcp 749, udp 749) for Kerberos.',
      'apple-ports:user-excluded: Left out by exclude: rfb (tcp 5900, udp 5900) for ScreenSharing.',
    ]);
  });

  test('budget-widened for the security group', () => {
    const component = new Egress('e', { products: ['iCloud', 'FaceTime'], maxRules: 3, vpcId: VPC });
    expect(warningsOf(component)).toEqual([
      'apple-ports:budget-widened: Opened 5146 ports beyond the selection to fit maxRules 3 per address family: tcp 81-442 to 0.0.0.0/0; tcp 444-5222 to 0.0.0.0/0; udp 16388-16392 to 0.0.0.0/0.',
      'apple-ports:quic-closed: Apple lists mask.icloud.com on udp 443 (QUIC, HTTP/3), which no rule opens: those connections fall back to TCP where they can, and iCloud Private Relay does not work. Add an extra rule for udp 443 if the devices need it.',
    ]);
  });

  test('network-acl-budget-widened for the network ACL only, once', () => {
    const component = new Egress('f', { products: ['PushNotifications', 'FaceTime'], networkAclId: ACL, networkAclOptions: { maxEntries: 4 } });
    expect(warningsOf(component)).toEqual([
      APNS_LEGACY,
      'apple-ports:network-acl-budget-widened: Network ACL entries: Opened 5145 ports beyond the selection to fit the entries networkAclOptions.maxEntries 4 leaves after Path MTU Discovery: 3 per address family: tcp 81-442 to 0.0.0.0/0; tcp 444-2196 to 0.0.0.0/0; tcp 2198-5222 to 0.0.0.0/0; udp 16388-16392 to 0.0.0.0/0.',
    ]);
  });

  test('open-ingress', () => {
    const component = new Ingress('g', { products: ['SSH'], sources: ['anywhere'], ipv6: true, vpcId: VPC });
    expect(warningsOf(component)).toEqual([
      'apple-ports:open-ingress: Ingress is open to the whole internet (0.0.0.0/0, ::/0). Name the admin CIDRs, a bastion security group or a prefix list instead.',
    ]);
  });
});
