/**
 * The compiler checks a selection's names: `npm test` type-checks this file with `tsc --noEmit`,
 * and every `@ts-expect-error` line fails the type check if the misspelling it marks compiles.
 * Names known only at run time go through `parseSelection` / `parseProducts`, tested below.
 */
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Stack } from 'aws-cdk-lib';
import {
  ApplePortsError,
  hostsFor,
  parseProducts,
  parseSelection,
  planFirewallRules,
  resolve,
  type AppleProduct,
  type AppleProductName,
  type HostSelection,
  type PolicySelection,
} from 'apple-ports';
import type { AppleServicesEgressProps } from 'apple-ports/cdk';
import type { AppleServicesEgressArgs } from 'apple-ports/pulumi';
import { thrown } from '../../thrown';

/** True when `A` and `B` are the same type; used in `const _: Same<…> = true`. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

describe('names a selection takes, checked by the compiler', () => {
  test('ids, aliases and Chinese names compile; misspellings do not', () => {
    const selections: PolicySelection[] = [
      { products: ['FaceTime', 'iCloud'] },
      { products: ['iMessage', 'APNs', 'ARD'] },
      { products: ['FaceTime 通话', '信息'] },
      { profiles: ['managed-mac'], exclude: ['https'] },
      // @ts-expect-error 'FaceTme' is no product, alias or name
      { products: ['FaceTme'] },
      // @ts-expect-error a product's name is spelt exactly; other cases go through parseProducts
      { products: ['facetime'] },
      // @ts-expect-error 'managed-macs' is no profile
      { profiles: ['managed-macs'] },
      // @ts-expect-error 'htps' is no service
      { exclude: ['htps'] },
    ];
    const hosts: HostSelection[] = [
      { hostGroups: ['certificate-validation'] },
      // @ts-expect-error 'certificate-validaton' is no host group
      { hostGroups: ['certificate-validaton'] },
    ];
    expect(selections).toHaveLength(8);
    expect(hosts).toHaveLength(2);
  });

  test('the CDK props and Pulumi args take the same checked names', () => {
    const vpc = ec2.Vpc.fromVpcAttributes(new Stack(), 'Vpc', { vpcId: 'vpc-0123456789abcdef0', availabilityZones: ['a'] });
    const props: AppleServicesEgressProps[] = [
      { products: ['iCloud', 'iMessage'], vpc },
      // @ts-expect-error 'iCloudd' is no product
      { products: ['iCloudd'], vpc },
    ];
    const args: AppleServicesEgressArgs[] = [
      { products: ['FaceTime'], vpcId: 'vpc-0123456789abcdef0' },
      // @ts-expect-error 'FaceTme' is no product
      { products: ['FaceTme'], vpcId: 'vpc-0123456789abcdef0' },
    ];
    // Not called: the compiler refuses it, and that is what is tested.
    // @ts-expect-error 'managed-macs' is no profile
    const firewall = () => planFirewallRules({ profiles: ['managed-macs'] });
    expect(typeof firewall).toBe('function');
    expect(props).toHaveLength(2);
    expect(args).toHaveLength(2);
  });

  test('a string read at run time does not compile without parseProducts', () => {
    const fromConfig: string[] = JSON.parse('["iCloud", "facetime"]');
    // @ts-expect-error a string is not a product name until it is checked
    const unchecked: PolicySelection = { products: fromConfig };
    const checked: PolicySelection = { products: parseProducts(fromConfig) };
    const same: Same<ReturnType<typeof parseProducts>, AppleProduct[]> = true;
    const ids: Same<Extract<AppleProductName, AppleProduct>, AppleProduct> = true;
    expect([same, ids]).toEqual([true, true]);
    expect(unchecked.products).toEqual(['iCloud', 'facetime']);
    expect(checked.products).toEqual(['iCloud', 'FaceTime']);
  });
});

describe('parseSelection and parseProducts: names read at run time', () => {
  test('return the canonical ids, once each, in the order given', () => {
    expect(parseProducts(['imessage', 'FaceTime 通话', 'Messages', ' apns '])).toEqual(['Messages', 'FaceTime', 'PushNotifications']);
    expect(parseSelection({ products: ['icloud'], profiles: ['MANAGED-MAC'], exclude: ['https'], hostGroups: ['Certificate-Validation'] })).toEqual({
      products: ['iCloud'],
      profiles: ['managed-mac'],
      exclude: ['https'],
      hostGroups: ['certificate-validation'],
    });
    expect(parseSelection({})).toEqual({ products: [], profiles: [], exclude: [], hostGroups: [] });
  });

  test('the result is what resolve and hostsFor take', () => {
    const config = { products: ['icloud', 'facetime'], exclude: ['http'] };
    expect(resolve({ ...parseSelection(config), ipv6: true })).toEqual(resolve({ products: ['iCloud', 'FaceTime'], exclude: ['http'], ipv6: true }));
    expect(hostsFor(parseSelection({ hostGroups: ['device-setup'] })).hostGroups).toEqual(['device-setup']);
  });

  test('every unknown name fails in one ApplePortsError, with the closest valid ones', () => {
    const error = thrown(() => parseSelection({ products: ['FaceTme', 'iCloud', 'Zune'], profiles: ['managed-macs'], exclude: ['htps'], hostGroups: ['icloude'] }));
    expect(error).toBeInstanceOf(ApplePortsError);
    expect(error.problems).toEqual([
      { code: 'unknown-product', message: "Unknown Apple product 'FaceTme'. Did you mean 'FaceTime'?" },
      { code: 'unknown-product', message: "Unknown Apple product 'Zune'. Run `apple-ports products` to list the valid products." },
      { code: 'unknown-profile', message: "Unknown apple-ports profile 'managed-macs'. Did you mean 'managed-mac'?" },
      { code: 'unknown-service', message: "exclude: Unknown Apple service 'htps'. Did you mean 'https'?" },
      { code: 'unknown-host-group', message: "Unknown Apple host group 'icloude'. Did you mean 'icloud'?" },
    ]);
    expect(thrown(() => parseProducts(['FaceTme'])).message).toBe("Unknown Apple product 'FaceTme'. Did you mean 'FaceTime'?");
  });

  test('a value that is not a list of names is refused, named, with the fix; never read letter by letter', () => {
    // As a config file or plain JavaScript may pass them.
    expect(thrown(() => parseProducts('iCloud,FaceTime' as never)).problems).toEqual([
      { code: 'names-not-a-list', message: "products must be a list of names, but got the string 'iCloud,FaceTime'. Pass a list, e.g. ['iCloud', 'FaceTime'], or split the string on commas first." },
    ]);
    expect(thrown(() => parseProducts(undefined as never)).problems).toEqual([
      { code: 'names-not-a-list', message: "products must be a list of names, but got undefined. Pass a list, e.g. ['iCloud', 'FaceTime']." },
    ]);
    expect(thrown(() => parseSelection({ profiles: { 'managed-mac': true } as never, platforms: 'macOS' as never })).problems).toEqual([
      { code: 'names-not-a-list', message: "profiles must be a list of names, but got an object. Pass a list, e.g. ['managed-mac']." },
      { code: 'names-not-a-list', message: "platforms must be a list of names, but got the string 'macOS'. Pass a list, e.g. ['macOS'], or split the string on commas first." },
    ]);
  });

  test('parseSelection checks platforms as hostsFor does, and leaves them out when not given', () => {
    expect(parseSelection({ hostGroups: ['device-setup'], platforms: ['MACOS', ' ios ', 'macOS'] })).toEqual({ products: [], profiles: [], exclude: [], hostGroups: ['device-setup'], platforms: ['macOS', 'iOS'] });
    expect(parseSelection({ products: ['iCloud'] })).not.toHaveProperty('platforms');
    expect(hostsFor(parseSelection({ products: ['SoftwareUpdate'], platforms: ['macos'] }))).toEqual(hostsFor({ products: ['SoftwareUpdate'], platforms: ['macOS'] }));
    expect(thrown(() => parseSelection({ platforms: ['tvos2', 'android'] })).problems).toEqual([
      { code: 'unknown-platform', message: "Unknown platform 'tvos2'. Did you mean 'tvOS'?" },
      { code: 'unknown-platform', message: "Unknown platform 'android'. Valid platforms: 'iOS', 'iPadOS', 'macOS', 'tvOS', 'visionOS', 'watchOS'." },
    ]);
    expect(thrown(() => parseSelection({ platforms: [] })).message).toBe(
      'platforms is empty, so no host would be for any system. Name at least one of iOS, iPadOS, macOS, tvOS, visionOS, watchOS, or leave platforms out for all.',
    );
  });
});
