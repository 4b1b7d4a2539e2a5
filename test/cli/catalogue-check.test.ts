import { join } from 'node:path';
import { catalogue } from '../../lib';
import { alignedTable } from '../../lib/review/text-table';
import { ADDED_HOST, ARTICLE_FIXTURES_DIR, RENAMED_SUFFIX } from '../../scripts/article-fixtures';
import { assertBuilt, runCli } from './cli-process';

beforeAll(assertBuilt);

const fixture = (name: string) => join(ARTICLE_FIXTURES_DIR, name);
const SAVED_COPY = join('test', 'fixtures', 'apple-ports-zh-CN.txt');
const version = catalogue.version;
const groups = catalogue.hostGroups;
const hostRows = groups.reduce((n, g) => n + g.hosts.length + (g.includes ?? []).reduce((m, id) => m + groups.find((i) => i.id === id)!.hosts.length, 0), 0);

/** The table the check prints for a host fixture, whose categories come from the catalogue. */
function table(rows: string[][]): string {
  return alignedTable({ header: ['Change', 'Entry', 'Field', 'Catalogue', 'Article', 'Where'], rows });
}

describe('apple-ports catalogue check', () => {
  test.each([
    [SAVED_COPY, "Apple's port table (103229, zh-CN), 56 rows"],
    [fixture('103229-zh-CN.html'), "Apple's port table (103229, zh-CN), 56 rows"],
    [fixture('103229-en.html'), "Apple's port table (103229, en), 56 rows"],
    [fixture('101555-en.html'), `Apple's enterprise-network hosts (101555), ${hostRows} rows`],
  ])('%s agrees with the catalogue: exit 0', (file, what) => {
    expect(runCli('catalogue', 'check', file)).toEqual({ status: 0, stderr: '', stdout: `${file}: ${what}: no difference from the catalogue ${version}.\n` });
  });

  test.each([
    [
      '103229-zh-CN-port-changed.txt',
      56,
      ['Change   Entry                   Field  Catalogue  Article   Where', 'changed  service messages-local  ports  tcp 5297   tcp 5298  line 69'],
    ],
    ['103229-zh-CN-row-added.txt', 57, ['Change  Entry         Field  Catalogue  Article              Where', 'added   row tcp 7000  -      -          —; used by 隔空播放  line 74']],
    [
      '103229-zh-CN-row-removed.txt',
      55,
      ['Change   Entry                         Field  Catalogue  Article  Where', 'removed  service apns-legacy-feedback  -      tcp 2196   -        -'],
    ],
  ])('%s reports exactly its one change: exit 1', (name, rows, lines) => {
    expect(runCli('catalogue', 'check', fixture(name))).toEqual({
      status: 1,
      stderr: '',
      stdout: `${fixture(name)}: Apple's port table (103229, zh-CN), ${rows} rows: 1 difference from the catalogue ${version}:\n\n${lines.join('\n')}\n`,
    });
  });

  test('a host added to a category is reported with its group, facts and row', () => {
    const index = groups.findIndex((g) => g.id === 'icloud');
    const icloud = groups[index]!;
    const name = fixture('101555-en-host-added.html');
    expect(runCli('catalogue', 'check', name)).toEqual({
      status: 1,
      stderr: '',
      stdout:
        `${name}: Apple's enterprise-network hosts (101555), ${hostRows + 1} rows: 1 difference from the catalogue ${version}:\n\n` +
        `${table([['added', `host ${ADDED_HOST.host} (icloud)`, '-', '-', `tcp 443; every system; ${ADDED_HOST.description}`, `"${icloud.category}", table ${index + 1}, row ${icloud.hosts.length + 1}`]])}\n`,
    });
  });

  test("a renamed category is one change of the host group's category field", () => {
    const index = groups.findIndex((g) => g.id === 'app-store');
    const renamed = `${groups[index]!.category}${RENAMED_SUFFIX}`;
    const name = fixture('101555-en-category-renamed.html');
    expect(runCli('catalogue', 'check', name)).toEqual({
      status: 1,
      stderr: '',
      stdout:
        `${name}: Apple's enterprise-network hosts (101555), ${hostRows} rows: 1 difference from the catalogue ${version}:\n\n` +
        `${table([['changed', 'host-group app-store', 'category', groups[index]!.category, renamed, `"${renamed}", table ${index + 1}, row 1`]])}\n`,
    });
  });

  test('several files: each reported, exit 1 when any differs; --format json for scripts', () => {
    const files = [SAVED_COPY, fixture('103229-zh-CN-row-removed.txt')];
    const text = runCli('catalogue', 'check', ...files);
    expect(text.status).toBe(1);
    expect(text.stdout.startsWith(`${SAVED_COPY}: Apple's port table (103229, zh-CN), 56 rows: no difference from the catalogue ${version}.\n\n${files[1]}: `)).toBe(true);
    const json = runCli('catalogue', 'check', ...files, '--format', 'json');
    expect(json.status).toBe(1);
    expect(JSON.parse(json.stdout)).toEqual([
      { file: SAVED_COPY, article: '103229', locale: 'zh-CN', rows: 56, catalogueVersion: version, differences: [] },
      { file: files[1], article: '103229', locale: 'zh-CN', rows: 55, catalogueVersion: version, differences: [{ kind: 'removed', entity: 'service', id: 'apns-legacy-feedback', catalogue: 'tcp 2196' }] },
    ]);
  });

  test('usage errors exit 2: no file, a missing file, a file without an article table', () => {
    expect(runCli('catalogue', 'check')).toMatchObject({ status: 2, stdout: '', stderr: "error: missing required argument 'files'\n(add --help for usage)\n" });
    expect(runCli('catalogue', 'check', 'missing.html')).toEqual({ status: 2, stdout: '', stderr: "error: Cannot read missing.html: ENOENT: no such file or directory, open 'missing.html'. Give saved copies of article 103229 or 101555: HTML, or 103229's port table as plain text.\n" });
    expect(runCli('catalogue', 'check', 'README.md')).toEqual({ status: 2, stdout: '', stderr: 'error: README.md: no table header (a line starting with "Port" or "端口" and a tab)\n' });
  });

  test('--help says what it reads and what its exit codes mean', () => {
    const { status, stdout } = runCli('catalogue', 'check', '--help');
    expect(status).toBe(0);
    expect(stdout.split('\n')[0]).toBe('Usage: apple-ports catalogue check [options] <files...>');
    expect(stdout).toContain('Exit codes: 0 when every file agrees with the\ncatalogue, 1 when one differs, 2 on a usage error');
  });
});
