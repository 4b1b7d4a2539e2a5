import { namePart } from '../../lib/pulumi/resource-names';

describe('namePart', () => {
  test('keeps CIDRs readable and free of the URN separator', () => {
    expect(namePart('0.0.0.0/0')).toBe('0.0.0.0-0');
    expect(namePart('2001:db8::/32')).toBe('2001-db8---32');
    expect(namePart('<securityGroupId#0>')).toBe('securityGroupId-0');
    expect(namePart('fd00::/8')).not.toContain('::');
  });

  test('keeps distinct IPv6 CIDRs distinct', () => {
    const cidrs = ['a::b/64', 'a:b::/64', 'a::/64', 'a:b::/48', '::/0', '::1/128', '2001:db8::/32', '2001:db8:0:1::/64'];
    expect(new Set(cidrs.map(namePart)).size).toBe(cidrs.length);
  });
});
