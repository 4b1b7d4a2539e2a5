import { App, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { applePortsSerializer, isResolvedPolicy, renderReview, resolve } from 'apple-ports';
import { AppleServicesEgress } from 'apple-ports/cdk';

expect.addSnapshotSerializer(applePortsSerializer);

describe('applePortsSerializer', () => {
  test('prints a resolved policy as its review text', () => {
    const policy = resolve({ products: ['FaceTime'] });
    expect(applePortsSerializer.test(policy)).toBe(true);
    expect(applePortsSerializer.serialize(policy)).toBe(renderReview(policy, { format: 'text' }).trimEnd());
    expect(applePortsSerializer.serialize(policy).split('\n').slice(0, 2)).toEqual(['Apple network policy review', '===========================']);
  });

  test('leaves every other value to jest', () => {
    for (const value of [null, undefined, 'text', 42, [], { rules: [] }, { direction: 'sideways', rules: [], notices: [], excluded: [], products: [] }]) {
      expect(isResolvedPolicy(value)).toBe(false);
    }
  });

  test("a construct's policy snapshots as the review a reviewer reads", () => {
    const stack = new Stack(new App(), 'Test');
    const mac = new AppleServicesEgress(stack, 'Mac', { products: ['Messages'], vpc: new ec2.Vpc(stack, 'Vpc') });
    expect(mac.policy).toMatchSnapshot();
    // The exact assertion beside the snapshot: the rule Messages adds, as the review prints it.
    expect(applePortsSerializer.serialize(mac.policy)).toContain('\negress     tcp       5297         0.0.0.0/0  Messages → messages-local: Messages local\n');
  });
});
