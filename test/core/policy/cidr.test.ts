import { parseCidr } from '../../../lib/core/policy';

describe('parseCidr', () => {
  test.each([
    ['10.0.0.0/16', 'ipv4', '10.0.0.0/16'],
    ['0.0.0.0/0', 'ipv4', '0.0.0.0/0'],
    ['203.0.113.7/32', 'ipv4', '203.0.113.7/32'],
    ['::/0', 'ipv6', '::/0'],
    ['2001:DB8::/32', 'ipv6', '2001:db8::/32'],
    ['2001:0db8:0000:0000:0000:0000:0000:0000/64', 'ipv6', '2001:db8::/64'],
    ['2620:149:a44::/48', 'ipv6', '2620:149:a44::/48'],
    ['fd00:ec2::253/128', 'ipv6', 'fd00:ec2::253/128'],
    ['::ffff:10.0.0.0/104', 'ipv6', '::ffff:a00:0/104'],
  ])('accepts %s as %s %s', (input, family, cidr) => {
    expect(parseCidr(input)).toEqual({ ok: true, family, cidr });
  });

  test.each([
    ['10.0.0.1', "the CIDR mask is missing in '10.0.0.1'. Did you mean '10.0.0.1/32'?"],
    ['2001:db8::1', "the CIDR mask is missing in '2001:db8::1'. Did you mean '2001:db8::1/128'?"],
    ['10.0.0.0/33', "the prefix length in '10.0.0.0/33' must be 0-32 for IPv4"],
    ['2001:db8::/129', "the prefix length in '2001:db8::/129' must be 0-128 for IPv6"],
    ['10.0.0.0/', "the prefix length in '10.0.0.0/' must be 0-32 for IPv4"],
    ['10.0.0.256/32', "'10.0.0.256/32' is not a valid IPv4 address"],
    ['10.0.0/8', "'10.0.0/8' is not a valid IPv4 address"],
    ['2001:db8:::1/64', "'2001:db8:::1/64' is not a valid IPv6 address"],
    ['1:2:3:4:5:6:7:8:9/64', "'1:2:3:4:5:6:7:8:9/64' is not a valid IPv6 address"],
    ['10.1.2.3/16', "'10.1.2.3/16' has host bits set. Did you mean '10.1.0.0/16'?"],
    ['2001:db8::1/32', "'2001:db8::1/32' has host bits set. Did you mean '2001:db8::/32'?"],
  ])('refuses %s', (input, reason) => {
    expect(parseCidr(input)).toEqual({ ok: false, reason });
  });

  test('compresses the longest run of zero groups, the first on a tie (RFC 5952)', () => {
    expect(parseCidr('2001:0:0:1:0:0:0:0/128')).toEqual({ ok: true, family: 'ipv6', cidr: '2001:0:0:1::/128' });
    expect(parseCidr('2001:db8:0:0:1:0:0:1/128')).toEqual({ ok: true, family: 'ipv6', cidr: '2001:db8::1:0:0:1/128' });
    expect(parseCidr('2001:db8:1:1:1:1:0:1/128')).toEqual({ ok: true, family: 'ipv6', cidr: '2001:db8:1:1:1:1:0:1/128' });
  });
});
