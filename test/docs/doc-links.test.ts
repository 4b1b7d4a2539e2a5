/**
 * The README is a short guide that links the docs/ pages: every page is linked from it, and every
 * relative link in the README and the pages reaches a file and, with a `#fragment`, a heading of it
 * (GitHub's anchors), so moving a section cannot leave a dead link behind.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const root = join(__dirname, '..', '..');
const pages = readdirSync(join(root, 'docs'))
  .filter((file) => file.endsWith('.md'))
  .map((file) => `docs/${file}`)
  .sort();
const documents = ['README.md', ...pages];

/** The text outside fenced code blocks, where links and headings are what they look like. */
function prose(markdown: string): string {
  return markdown.replace(/^```[^\n]*\n[\s\S]*?^```$/gm, '');
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
function anchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\- _]/gu, '')
    .replace(/ /g, '-');
}

function anchorsOf(file: string): Set<string> {
  const headings = [...prose(readFileSync(join(root, file), 'utf8')).matchAll(/^#{1,6} (.+)$/gm)].map((match) => anchor(match[1]!));
  return new Set(headings);
}

/** Each relative link of `file`, as written, with the file it reaches (repository-relative). */
function relativeLinks(file: string): { readonly link: string; readonly target: string; readonly fragment: string | undefined }[] {
  const text = prose(readFileSync(join(root, file), 'utf8'));
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)]
    .map((match) => match[1]!)
    .filter((link) => !/^[a-z]+:/.test(link))
    .map((link) => {
      const [path, fragment] = link.split('#') as [string, string | undefined];
      const target = path === '' ? file : relative(root, join(root, dirname(file), path));
      return { link, target, fragment };
    });
}

test('the README links every page of docs/', () => {
  const linked = new Set(relativeLinks('README.md').map((link) => link.target));
  expect(pages.filter((page) => !linked.has(page))).toEqual([]);
  expect(pages).toContain('docs/cdk.md');
});

test.each(documents)('every relative link of %s reaches a file and a heading', (file) => {
  const broken = relativeLinks(file).filter(({ target, fragment }) => !existsSync(join(root, target)) || (fragment !== undefined && target.endsWith('.md') && !anchorsOf(target).has(fragment)));
  expect(broken.map((link) => link.link)).toEqual([]);
});

test('a link to a heading that does not exist is found', () => {
  expect(anchorsOf('README.md').has('notices-and-warnings')).toBe(true);
  expect(anchorsOf('README.md').has('props')).toBe(false);
  expect(anchor("Apple's network as a prefix list")).toBe('apples-network-as-a-prefix-list');
});
