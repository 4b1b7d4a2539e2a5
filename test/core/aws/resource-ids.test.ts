import { RESOURCE_ID_PREFIXES, type ResourceIdKind } from '../../../lib/core/aws/facts';
import { resourceIdProblems, resourceIdReason } from '../../../lib/core/aws/resource-ids';

const KINDS = Object.keys(RESOURCE_ID_PREFIXES) as ResourceIdKind[];

describe('resource ids', () => {
  test.each(KINDS)('%s ids of 8 and 17 hex digits pass, as AWS issues them', (kind) => {
    const prefix = RESOURCE_ID_PREFIXES[kind];
    expect([resourceIdReason(kind, `${prefix}-0123abcd`), resourceIdReason(kind, `${prefix}-0123456789abcdef0`)]).toEqual([undefined, undefined]);
  });

  test('other lengths, other prefixes and upper case are refused with the fix', () => {
    expect(resourceIdReason('subnet', 'subnet-0123456789')).toBe("a subnet id is 'subnet-' and 8 or 17 hex digits, like 'subnet-0123456789abcdef0'.");
    expect(resourceIdReason('network-acl', 'sg-0123456789abcdef0')).toBe("a network ACL id is 'acl-' and 8 or 17 hex digits, like 'acl-0123456789abcdef0'.");
    expect(resourceIdReason('network-interface', 'ENI-0123ABCD')).toBe("AWS writes network interface ids in lower case. Did you mean 'eni-0123abcd'?");
  });

  test('values only known at deploy time pass; each problem names the field and its owner', () => {
    const ids = [
      { kind: 'security-group' as const, id: '<bastion.id>', field: 'securityGroupId' },
      { kind: 'security-group' as const, id: 'sg-1', field: 'securityGroupId', owner: "'Test/Hosts'" },
    ];
    expect(resourceIdProblems(ids, (value) => value.startsWith('<'))).toEqual([
      { code: 'invalid-resource-id', message: "Invalid securityGroupId 'sg-1' of 'Test/Hosts': a security-group id is 'sg-' and 8 or 17 hex digits, like 'sg-0123456789abcdef0'." },
    ]);
  });
});
