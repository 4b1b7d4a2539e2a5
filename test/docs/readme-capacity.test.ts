/**
 * What the guides say a rule group's capacity defaults to is what the code reserves: every
 * "(default: …)" beside a capacity in the README and docs/, and the numbers they give as examples.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultCapacity } from '../../lib/core';

const ROOT = join(__dirname, '..', '..');
const README = [join(ROOT, 'README.md'), ...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).sort().map((f) => join(ROOT, 'docs', f))]
  .map((file) => readFileSync(file, 'utf8'))
  .join('\n');

test('every capacity default in the guides is the rules’ capacity × 1.5, rounded up to a whole 100', () => {
  const defaults = [...README.matchAll(/capacity[^\n]*?\(default: ([^);]*)[);]/g)].map((m) => m[1]);
  expect(defaults).toEqual(["the rules' capacity × 1.5, rounded up to a whole 100", "the rules' capacity × 1.5, rounded up to a whole 100"]);
  expect(README).toContain('(`defaultCapacity`: 100 for up to 66 rules, 200 up to 133…)');
  expect([1, 66, 67, 133, 134].map(defaultCapacity)).toEqual([100, 100, 200, 200, 300]);
});
