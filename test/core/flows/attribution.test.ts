import { AppleHostIndex, FlowAttributor, getEphemeralPorts, type FlowRecord } from '../../../lib/core';

const tcp = 6;
const udp = 17;

function record(partial: Partial<FlowRecord>): FlowRecord {
  return { lineNumber: 1, action: 'ACCEPT', protocol: tcp, ...partial };
}

describe('which end serves the connection', () => {
  const attributor = new FlowAttributor({ localCidrs: ['10.0.0.0/16'] });

  test('a request to 443 and its reply from 443 are the same egress connection on 443', () => {
    const request = attributor.attribute(record({ srcaddr: '10.0.1.5', dstaddr: '17.253.1.1', srcport: 50123, dstport: 443 }));
    const reply = attributor.attribute(record({ srcaddr: '17.253.1.1', dstaddr: '10.0.1.5', srcport: 443, dstport: 50123 }));
    for (const flow of [request, reply]) {
      expect(flow).toMatchObject({ class: 'apple', direction: 'egress', protocol: 'tcp', servicePort: 443, localAddress: '10.0.1.5', remoteAddress: '17.253.1.1', evidence: 'apple-network', orientation: 'local-address' });
    }
  });

  test('the ephemeral end of a reply is not Xsan, although Xsan uses the ephemeral range', () => {
    const macos = getEphemeralPorts('macos');
    const reply = attributor.attribute(record({ srcaddr: '17.253.1.1', dstaddr: '10.0.1.5', srcport: 443, dstport: macos.fromPort + 1 }));
    expect(reply.services).not.toContain('xsan');
    expect(reply.servicePort).toBe(443);
  });

  test('TCP flags decide when both ports look like services: the SYN-ACK comes from the server', () => {
    const synAck = attributor.attribute(record({ srcaddr: '10.0.1.5', dstaddr: '203.0.113.9', srcport: 5900, dstport: 3283, tcpFlags: 18 }));
    expect(synAck).toMatchObject({ direction: 'ingress', servicePort: 5900, services: ['rfb'] });
    const syn = attributor.attribute(record({ srcaddr: '10.0.1.5', dstaddr: '203.0.113.9', srcport: 5900, dstport: 3283, tcpFlags: 2 }));
    expect(syn).toMatchObject({ direction: 'egress', servicePort: 3283 });
  });

  test('flow-direction says which end is the device, whatever the addresses', () => {
    const ingress = attributor.attribute(record({ srcaddr: '198.51.100.4', dstaddr: '198.51.100.5', srcport: 50000, dstport: 22, flowDirection: 'ingress' }));
    expect(ingress).toMatchObject({ direction: 'ingress', servicePort: 22, orientation: 'flow-direction', localAddress: '198.51.100.5', class: 'ambiguous' });
    expect(ingress.products).toEqual(['SSH', 'XcodeServer']);
  });

  test('inbound to a service the devices only use outbound is not that service', () => {
    const flow = attributor.attribute(record({ srcaddr: '198.51.100.4', dstaddr: '10.0.1.5', srcport: 50000, dstport: 5223 }));
    expect(flow).toMatchObject({ direction: 'ingress', servicePort: 5223, services: [], class: 'other' });
  });
});

describe('how sure the attribution is', () => {
  const attributor = new FlowAttributor({ localCidrs: ['10.0.0.0/16', 'fd00:ec2::/32'] });

  test('APNs in its published subnets is the strongest evidence', () => {
    const flow = attributor.attribute(record({ srcaddr: '10.0.1.5', dstaddr: '17.57.144.9', srcport: 50001, dstport: 5223 }));
    expect(flow).toMatchObject({ class: 'apple', evidence: 'apns-network', services: ['apns'] });
  });

  test('443 anywhere else is ambiguous: it is everyone\'s port', () => {
    const flow = attributor.attribute(record({ srcaddr: '10.0.1.5', dstaddr: '198.51.100.7', srcport: 50001, dstport: 443 }));
    expect(flow.class).toBe('ambiguous');
    expect(flow.evidence).toBe('none');
  });

  test("Apple's network on a port no service uses is Apple, unmatched", () => {
    const flow = attributor.attribute(record({ srcaddr: '10.0.1.5', dstaddr: '17.1.2.3', srcport: 50001, dstport: 9999 }));
    expect(flow).toMatchObject({ class: 'apple-unmatched', services: [], products: [] });
  });

  test('neither an Apple port nor an Apple address is other traffic', () => {
    const flow = attributor.attribute(record({ srcaddr: '10.0.1.5', dstaddr: '198.51.100.7', srcport: 50001, dstport: 3389 }));
    expect(flow.class).toBe('other');
  });

  test('IPv6: the APNs IPv6 subnets count as Apple', () => {
    const flow = attributor.attribute(record({ srcaddr: 'fd00:ec2::5', dstaddr: '2620:149:a44::10', srcport: 50001, dstport: 5223 }));
    expect(flow).toMatchObject({ class: 'apple', evidence: 'apns-network', localAddress: 'fd00:ec2::5' });
  });

  test('ICMP has no ports: other, or Apple unmatched towards Apple', () => {
    expect(attributor.attribute(record({ protocol: 1, srcaddr: '10.0.1.5', dstaddr: '198.51.100.7', srcport: 0, dstport: 0 }))).toMatchObject({ class: 'other', protocol: 'icmp', services: [] });
    expect(attributor.attribute(record({ protocol: 1, srcaddr: '10.0.1.5', dstaddr: '17.1.1.1', srcport: 0, dstport: 0 })).class).toBe('apple-unmatched');
  });

  test('an address the Resolver answered for an Apple host ties the flow to that host', () => {
    const hosts = new AppleHostIndex();
    hosts.add({ lineNumber: 1, queryName: 'gateway.icloud.com', answers: [{ rdata: '203.0.113.50', type: 'A' }] });
    const flow = new FlowAttributor({ localCidrs: ['10.0.0.0/16'], hosts }).attribute(record({ srcaddr: '10.0.1.5', dstaddr: '203.0.113.50', srcport: 50001, dstport: 443 }));
    expect(flow).toMatchObject({ class: 'apple', evidence: 'apple-host', hosts: [{ host: '*.icloud.com', hostGroups: ['icloud'], products: ['iCloud'] }] });
  });
});

describe('without local CIDRs', () => {
  const attributor = new FlowAttributor();

  test('the private end is the device', () => {
    const flow = attributor.attribute(record({ srcaddr: '203.0.113.4', dstaddr: '172.31.16.21', srcport: 443, dstport: 50000, protocol: tcp }));
    expect(flow).toMatchObject({ orientation: 'private-address', localAddress: '172.31.16.21', direction: 'egress', servicePort: 443 });
  });

  test('with both ends private, the source is taken for the device, and NTP both ways is egress', () => {
    const flow = attributor.attribute(record({ srcaddr: '10.0.0.1', dstaddr: '10.0.0.2', srcport: 123, dstport: 123, protocol: udp }));
    expect(flow).toMatchObject({ orientation: 'assumed-source', direction: 'egress', servicePort: 123, services: ['ntp'] });
  });
});
