/** Port numbers, ranges and the orders every output is sorted by. */
import { PORT_NUMBERS, compareProtocols, comparePortRanges, containsPort, isPortNumber, portCount } from '../../../lib/core/ports';

describe('port numbers and ranges', () => {
  test('a port number is a whole number from the first port to the last, nothing else', () => {
    const { fromPort: first, toPort: last } = PORT_NUMBERS;
    expect([first, first + 1, 443, last - 1, last].map(isPortNumber)).toEqual([true, true, true, true, true]);
    expect([first - 1, last + 1, 80.5, first + 0.5, Number.NaN, Number.POSITIVE_INFINITY, '443', undefined, null].map(isPortNumber)).toEqual([false, false, false, false, false, false, false, false, false]);
  });

  test('a range contains its bounds and what lies between them, and counts them', () => {
    const range = { fromPort: 16384, toPort: 16387 };
    expect([16383, 16384, 16385, 16387, 16388].map((port) => containsPort(range, port))).toEqual([false, true, true, true, false]);
    expect([portCount(range), portCount({ fromPort: 443, toPort: 443 }), portCount(PORT_NUMBERS)]).toEqual([4, 1, PORT_NUMBERS.toPort - PORT_NUMBERS.fromPort + 1]);
  });

  test('ranges sort by first port, then by last port; protocols tcp before udp', () => {
    const ranges = [
      { fromPort: 443, toPort: 443 },
      { fromPort: 80, toPort: 90 },
      { fromPort: 80, toPort: 80 },
      { fromPort: 5223, toPort: 5223 },
      { fromPort: 80, toPort: 85 },
    ];
    expect([...ranges].sort(comparePortRanges)).toEqual([
      { fromPort: 80, toPort: 80 },
      { fromPort: 80, toPort: 85 },
      { fromPort: 80, toPort: 90 },
      { fromPort: 443, toPort: 443 },
      { fromPort: 5223, toPort: 5223 },
    ]);
    expect(Math.sign(comparePortRanges({ fromPort: 80, toPort: 90 }, { fromPort: 80, toPort: 85 }))).toBe(1);
    expect(comparePortRanges({ fromPort: 80, toPort: 85 }, { fromPort: 80, toPort: 85 })).toBe(0);
    expect([Math.sign(compareProtocols('tcp', 'udp')), Math.sign(compareProtocols('udp', 'tcp')), compareProtocols('udp', 'udp')]).toEqual([-1, 1, 0]);
  });
});
