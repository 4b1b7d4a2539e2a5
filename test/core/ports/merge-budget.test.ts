import fc from 'fast-check';
import { countPorts, fitToBudget, intersectPorts, mergeSpans, normalizePorts, subtractPorts, type MergedSpan, type SpanGroup } from '../../../lib/core/ports';

const span = (from: number, to: number, origin = `${from}-${to}`) => ({ fromPort: from, toPort: to, origins: [origin] });
const ranges = (spans: readonly MergedSpan<string>[]) => spans.map((s) => [s.fromPort, s.toPort]);

describe('mergeSpans', () => {
  test('merges overlapping and adjacent ranges and keeps every origin', () => {
    const merged = mergeSpans([span(16393, 16402), span(16384, 16387), span(16384, 16403), span(16403, 16472), span(5223, 5223), span(5224, 5224)]);
    expect(ranges(merged)).toEqual([
      [5223, 5224],
      [16384, 16472],
    ]);
    expect(merged[1].origins).toEqual(['16384-16387', '16384-16403', '16393-16402', '16403-16472']);
  });

  test('keeps ranges separated by a gap of one port apart', () => {
    expect(ranges(mergeSpans([span(80, 80), span(82, 82)]))).toEqual([
      [80, 80],
      [82, 82],
    ]);
  });
});

describe('sets of ports', () => {
  const r = (fromPort: number, toPort: number) => ({ fromPort, toPort });

  test('normalizePorts sorts and merges overlapping and adjacent ranges, and keeps gaps', () => {
    expect(normalizePorts([r(443, 443), r(80, 81), r(82, 82), r(5223, 5223), r(5000, 5300), r(90, 90)])).toEqual([r(80, 82), r(90, 90), r(443, 443), r(5000, 5300)]);
    expect(normalizePorts([])).toEqual([]);
  });

  test('subtractPorts cuts the ports of b out of a: inside, at either end, across ranges, or all of a range', () => {
    expect(subtractPorts([r(100, 200)], [r(150, 160)])).toEqual([r(100, 149), r(161, 200)]);
    expect(subtractPorts([r(100, 200)], [r(100, 100), r(200, 200)])).toEqual([r(101, 199)]);
    expect(subtractPorts([r(100, 200)], [r(50, 120), r(190, 250)])).toEqual([r(121, 189)]);
    expect(subtractPorts([r(100, 200), r(300, 400)], [r(150, 350)])).toEqual([r(100, 149), r(351, 400)]);
    expect(subtractPorts([r(100, 200)], [r(99, 99), r(201, 201)])).toEqual([r(100, 200)]);
    expect(subtractPorts([r(100, 200)], [r(100, 200)])).toEqual([]);
    expect(subtractPorts([r(100, 200)], [])).toEqual([r(100, 200)]);
    expect(subtractPorts([r(100, 101)], [r(101, 101)])).toEqual([r(100, 100)]);
  });

  test('intersectPorts keeps the ports in both; countPorts counts overlaps once', () => {
    expect(intersectPorts([r(100, 200), r(300, 400)], [r(150, 350), r(400, 500)])).toEqual([r(150, 200), r(300, 350), r(400, 400)]);
    expect(intersectPorts([r(100, 200)], [r(201, 300)])).toEqual([]);
    expect(countPorts([r(100, 199), r(150, 249), r(300, 300)])).toBe(151);
    expect(countPorts([])).toBe(0);
  });

  test('mergeSpans keeps the origins of a range merged into a wider one, and the wider end', () => {
    const merged = mergeSpans([span(100, 200, 'wide'), span(120, 130, 'inside'), span(201, 210, 'after')]);
    expect(merged).toEqual([{ fromPort: 100, toPort: 210, origins: ['wide', 'inside', 'after'], widened: [] }]);
  });
});

describe('fitToBudget', () => {
  const group = (key: string, spans: [number, number][]): SpanGroup<string, string> => ({ key, spans: mergeSpans(spans.map(([f, t]) => span(f, t))) });

  test('closes the smallest gaps across groups first and records them as widened', () => {
    const fit = fitToBudget([group('tcp', [[80, 80], [88, 88], [443, 443]]), group('udp', [[3478, 3497], [4398, 4398]])], 3);
    expect(fit.ok).toBe(true);
    if (!fit.ok) return;
    expect(fit.extraPorts).toBe(7 + 354);
    expect(fit.groups.map((g) => [g.key, ranges(g.spans)])).toEqual([
      ['tcp', [[80, 443]]],
      ['udp', [[3478, 3497], [4398, 4398]]],
    ]);
    expect(fit.groups[0].spans[0].widened).toEqual([
      { fromPort: 81, toPort: 87 },
      { fromPort: 89, toPort: 442 },
    ]);
  });

  test('leaves groups alone when they fit, the budget exactly included', () => {
    const groups = [group('tcp', [[80, 80], [443, 443]]), group('udp', [[123, 123]])];
    const fit = fitToBudget(groups, 3);
    expect(fit).toEqual({ ok: true, groups, extraPorts: 0 });
    // The very groups given, not copies: callers look their groups up in the fit.
    expect(fit.ok && fit.groups.every((g, i) => g === groups[i])).toBe(true);
  });

  test('ranges it does not join keep their origins, and ranges widened before keep their widening', () => {
    const first = fitToBudget([group('tcp', [[80, 80], [82, 82], [90, 90], [100, 100]])], 3);
    if (!first.ok) throw new Error('expected a fit');
    expect(first.groups[0]!.spans).toEqual([
      { fromPort: 80, toPort: 82, origins: ['80-80', '82-82'], widened: [{ fromPort: 81, toPort: 81 }] },
      { fromPort: 90, toPort: 90, origins: ['90-90'], widened: [] },
      { fromPort: 100, toPort: 100, origins: ['100-100'], widened: [] },
    ]);
    // Fitted again into less: the 7-port gap closes, and the earlier widening stays recorded.
    const second = fitToBudget(first.groups, 2);
    if (!second.ok) throw new Error('expected a fit');
    expect(second.groups[0]!.spans).toEqual([
      { fromPort: 80, toPort: 90, origins: ['80-80', '82-82', '90-90'], widened: [{ fromPort: 81, toPort: 81 }, { fromPort: 83, toPort: 89 }] },
      { fromPort: 100, toPort: 100, origins: ['100-100'], widened: [] },
    ]);
  });

  test('gaps are taken by ports per rule saved before size, then the earlier group, then the lower port', () => {
    const weights = new Map([['light', 1], ['heavy', 2]]);
    const weightOf = (g: SpanGroup<string, string>) => weights.get(g.key) ?? 1;
    const fitted = (groups: SpanGroup<string, string>[], budget: number) => {
      const fit = fitToBudget(groups, budget, weightOf);
      if (!fit.ok) throw new Error('expected a fit');
      return { ranges: fit.groups.map((g) => ranges(g.spans)), extraPorts: fit.extraPorts };
    };
    // Two rules to save: the heavy 3-port gap saves both (1.5 ports a rule), the light 2-port gaps one each (2 a rule).
    expect(fitted([group('light', [[10, 10], [13, 13], [16, 16]]), group('heavy', [[20, 20], [24, 24]])], 5)).toEqual({
      ranges: [[[10, 10], [13, 13], [16, 16]], [[20, 24]]],
      extraPorts: 3,
    });
    // The same ports per rule (2): the smaller gap first.
    expect(fitted([group('heavy', [[20, 20], [25, 25]]), group('light', [[10, 10], [13, 13]])], 5)).toEqual({
      ranges: [[[20, 20], [25, 25]], [[10, 13]]],
      extraPorts: 2,
    });
    // Equal gaps: the earlier group's, then the lower one.
    expect(fitted([group('a', [[10, 10], [12, 12]]), group('b', [[1, 1], [3, 3]])], 3).ranges).toEqual([[[10, 12]], [[1, 1], [3, 3]]]);
    expect(fitted([group('a', [[10, 10], [12, 12], [14, 14]])], 2).ranges).toEqual([[[10, 12], [14, 14]]]);
  });

  test('of the gaps a heavier one made unnecessary, the largest is opened again first', () => {
    // 11 rules to save: the 1- and 5-port light gaps, then the 59-port gap of weight 10, save 12;
    // one too many, so one light gap opens again: the 5-port one, leaving 60 extra ports, not 64.
    const weights = new Map([['light', 1], ['heavy', 10]]);
    const fit = fitToBudget([group('light', [[10, 10], [12, 12], [18, 18]]), group('heavy', [[100, 100], [160, 160]])], 12, (g) => weights.get(g.key)!);
    if (!fit.ok) throw new Error('expected a fit');
    expect(fit.groups.map((g) => ranges(g.spans))).toEqual([[[10, 12], [18, 18]], [[100, 160]]]);
    expect(fit.extraPorts).toBe(60);
  });

  test('of equal gaps made unnecessary, the later group\'s opens again first, then the higher one', () => {
    // Three rules to save: two 1-port light gaps and the 2-port gap of weight 2 save four; one light gap opens again.
    const weightOf = (g: SpanGroup<string, string>) => (g.key === 'heavy' ? 2 : 1);
    const heavy = group('heavy', [[100, 100], [103, 103]]);
    const across = fitToBudget([group('a', [[10, 10], [12, 12]]), group('b', [[20, 20], [22, 22]]), heavy], 5, weightOf);
    const within = fitToBudget([group('a', [[10, 10], [12, 12], [14, 14]]), heavy], 4, weightOf);
    if (!across.ok || !within.ok) throw new Error('expected fits');
    expect(across.groups.map((g) => ranges(g.spans))).toEqual([[[10, 12]], [[20, 20], [22, 22]], [[100, 103]]]);
    expect(within.groups.map((g) => ranges(g.spans))).toEqual([[[10, 12], [14, 14]], [[100, 103]]]);
  });

  test('fails with the minimum when even one rule per group is too many', () => {
    expect(fitToBudget([group('a', [[1, 1]]), group('b', [[2, 2]]), group('c', [[3, 3], [9, 9]])], 2)).toEqual({ ok: false, minimum: 3 });
  });

  test('counts each range of a weighted group as its weight, and closes the gaps that open fewest ports per rule saved', () => {
    // A prefix list of max entries 10 beside anywhere: 2 + 3 × 10 = 32 against a budget of 25.
    const groups = [group('anywhere', [[80, 80], [443, 443]]), group('list', [[80, 80], [88, 88], [443, 443]])];
    const weights = new Map([['anywhere', 1], ['list', 10]]);
    const fit = fitToBudget(groups, 25, (g) => weights.get(g.key)!);
    if (!fit.ok) throw new Error('expected a fit');
    // Closing the list's 7-port gap saves 10: the anywhere gap (362 ports for 1) stays open.
    expect(fit.groups.map((g) => [g.key, ranges(g.spans)])).toEqual([
      ['anywhere', [[80, 80], [443, 443]]],
      ['list', [[80, 88], [443, 443]]],
    ]);
    expect(fit.extraPorts).toBe(7);
    // One rule to anywhere and one to the list weigh 11 at least.
    expect(fitToBudget(groups, 10, (g) => weights.get(g.key)!)).toEqual({ ok: false, minimum: 11 });
  });

  test('opens again a gap a heavier one made unnecessary', () => {
    // Needs 2 saved: the 1-port gap (saves 1) goes first, then the 3-port gap of weight 2 alone suffices.
    const groups = [group('light', [[10, 10], [12, 12]]), group('heavy', [[20, 20], [24, 24]])];
    const weights = new Map([['light', 1], ['heavy', 2]]);
    const fit = fitToBudget(groups, 4, (g) => weights.get(g.key)!);
    if (!fit.ok) throw new Error('expected a fit');
    expect(fit.groups.map((g) => ranges(g.spans))).toEqual([[[10, 10], [12, 12]], [[20, 24]]]);
    expect(fit.extraPorts).toBe(3);
  });

  test('weighted fits stay within the budget, and no closed gap could be opened again', () => {
    const rangeList = fc.array(fc.tuple(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 0, max: 8 })), { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(fc.array(fc.tuple(rangeList, fc.integer({ min: 1, max: 12 })), { minLength: 1, maxLength: 3 }), fc.integer({ min: 1, max: 60 }), (lists, budget) => {
        const groups = lists.map(([list], i) => group(`g${i}`, list.map(([from, len]) => [from, from + len])));
        const weightOf = (g: SpanGroup<string, string>) => lists[Number(g.key.slice(1))]![1];
        const fit = fitToBudget(groups, budget, weightOf);
        const minimum = groups.reduce((n, g) => n + weightOf(g), 0);
        if (minimum > budget) {
          return !fit.ok && fit.minimum === minimum;
        }
        if (!fit.ok) return false;
        const count = fit.groups.reduce((n, g) => n + g.spans.length * weightOf(g), 0);
        const widened = fit.groups.flatMap((g) => g.spans.flatMap((s) => s.widened));
        const lightestClosed = Math.min(...fit.groups.filter((g) => g.spans.some((s) => s.widened.length > 0)).map(weightOf));
        return count <= budget && widened.reduce((n, w) => n + w.toPort - w.fromPort + 1, 0) === fit.extraPorts && (widened.length === 0 || count + lightestClosed > budget);
      }),
    );
  });

  /** Every way to keep `budget` intervals by closing gaps, searched exhaustively. */
  function bruteForceExtraPorts(groups: SpanGroup<string, string>[], budget: number): number {
    const gaps = groups.flatMap((g) => g.spans.slice(1).map((s, i) => s.fromPort - g.spans[i].toPort - 1));
    const total = groups.reduce((n, g) => n + g.spans.length, 0);
    const mustClose = Math.max(0, total - budget);
    let best = Infinity;
    for (let mask = 0; mask < 1 << gaps.length; mask++) {
      const chosen = gaps.filter((_, i) => mask & (1 << i));
      if (chosen.length === mustClose) {
        best = Math.min(best, chosen.reduce((a, b) => a + b, 0));
      }
    }
    return best;
  }

  test('opens the fewest extra ports of any choice of gaps (brute force on small inputs)', () => {
    const rangeList = fc.array(fc.tuple(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 0, max: 8 })), { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(fc.array(rangeList, { minLength: 1, maxLength: 3 }), fc.integer({ min: 1, max: 12 }), (lists, budget) => {
        const groups = lists.map((list, i) => group(`g${i}`, list.map(([from, len]) => [from, from + len])));
        const fit = fitToBudget(groups, budget);
        if (groups.length > budget) {
          return !fit.ok;
        }
        if (!fit.ok) return false;
        const count = fit.groups.reduce((n, g) => n + g.spans.length, 0);
        const widened = fit.groups.flatMap((g) => g.spans.flatMap((s) => s.widened)).reduce((n, w) => n + w.toPort - w.fromPort + 1, 0);
        return count <= budget && widened === fit.extraPorts && fit.extraPorts === bruteForceExtraPorts(groups, budget);
      }),
      { numRuns: 300 },
    );
  });
});
