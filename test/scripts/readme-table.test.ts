import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalogue } from '../../lib/core';
import { README_TABLE_END, README_TABLE_START, renderProductTable, withProductTable } from '../../scripts/codegen';

describe('README product table', () => {
  const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');

  test('matches the catalogue (run `npm run gen` after changing data/catalogue.json)', () => {
    expect(withProductTable(readme, catalogue)).toBe(readme);
  });

  test('lists every product once, with its default and left-out ports', () => {
    const table = renderProductTable(catalogue);
    expect(table.startsWith(README_TABLE_START) && table.endsWith(README_TABLE_END)).toBe(true);
    expect(table.split('\n').filter((line) => line.startsWith('| `'))).toHaveLength(catalogue.products.length);
    expect(table).toContain('| `FaceTime` | FaceTime | FaceTime 通话 | — | tcp 80, 443, 5223; udp 3478-3497, 16384-16387, 16393-16402 | — |');
    expect(table).toMatch(/\| `PushNotifications` \|[^\n]*\| tcp 443, 2197, 5223 \| tcp 2195-2196 \|/);
  });

  test('refuses a README without the markers', () => {
    expect(() => withProductTable('# no table', catalogue)).toThrow(/README.md has no product table markers/);
  });
});
