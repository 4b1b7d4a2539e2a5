/** The one way ports are written for people. */
import { formatPortRange, formatPortRanges, formatPortsByProtocol, formatProtocolPorts, type ProtocolPortRange } from '../../../lib/core/ports';

const r = (fromPort: number, toPort = fromPort) => ({ fromPort, toPort });
const tcp = (fromPort: number, toPort = fromPort): ProtocolPortRange => ({ protocol: 'tcp', fromPort, toPort });
const udp = (fromPort: number, toPort = fromPort): ProtocolPortRange => ({ protocol: 'udp', fromPort, toPort });

describe('formatting ports', () => {
  test('a single port as its number, a range as first-last', () => {
    expect([formatPortRange(r(443)), formatPortRange(r(16384, 16387)), formatPortRange(r(443, 444))]).toEqual(['443', '16384-16387', '443-444']);
  });

  test('ranges in the order given, comma-separated, and with their protocol', () => {
    expect(formatPortRanges([r(443), r(80), r(16384, 16387)])).toBe('443, 80, 16384-16387');
    expect(formatPortRanges([])).toBe('');
    expect([formatProtocolPorts('tcp', r(443)), formatProtocolPorts('udp', r(3478, 3497))]).toEqual(['tcp 443', 'udp 3478-3497']);
  });

  test('ports by protocol: TCP first, each merged and sorted, a protocol without ports left out', () => {
    expect(formatPortsByProtocol([udp(3478, 3497), tcp(5223), udp(3480), tcp(443), tcp(80), tcp(81), udp(16384, 16387)])).toBe('tcp 80-81, 443, 5223; udp 3478-3497, 16384-16387');
    expect(formatPortsByProtocol([udp(123)])).toBe('udp 123');
    expect(formatPortsByProtocol([tcp(22)])).toBe('tcp 22');
    expect(formatPortsByProtocol([])).toBe('');
  });
});
