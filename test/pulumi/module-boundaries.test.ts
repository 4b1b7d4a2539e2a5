/**
 * What lib/pulumi may load and contain: the @pulumi/aws ec2 and vpc modules only (the whole
 * package costs seconds of type-checking for users), and no port numbers (it renders the
 * resolver's rules and nothing else).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const DIR = join(__dirname, '..', '..', 'lib', 'pulumi');
const sources = readdirSync(DIR)
  .filter((file) => file.endsWith('.ts'))
  .map((file) => ({ file, text: readFileSync(join(DIR, file), 'utf8') }));

function imports(text: string): string[] {
  return [...text.matchAll(/(?:from|import)\s+'([^']+)'/g)].map((m) => m[1]);
}

test('lib/pulumi imports only @pulumi/pulumi, the ec2 and vpc modules of @pulumi/aws, and the core', () => {
  expect(sources.length).toBeGreaterThan(5);
  const outside = sources.flatMap(({ file, text }) =>
    imports(text)
      .filter((m) => !['@pulumi/pulumi', '@pulumi/aws/ec2', '@pulumi/aws/vpc', '../core'].includes(m) && !m.startsWith('./'))
      .map((m) => `${file}: ${m}`),
  );
  expect(outside).toEqual([]);
});

test('lib/pulumi holds no port numbers', () => {
  // Numbers in code, not in comments: a port would appear as a literal of two or more digits.
  const literals = sources.flatMap(({ file, text }) => {
    const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '').replace(/'[^'\n]*'|`[^`]*`/g, "''");
    return [...code.matchAll(/\b\d{2,}\b/g)].map((m) => `${file}: ${m[0]}`);
  });
  expect(literals).toEqual([]);
});
