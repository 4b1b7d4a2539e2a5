/**
 * `npm run check:flow-report`: renders the HTML flow report (`apple-ports flows --format html`) in
 * headless Chromium, in both languages, and fails when the browser logs a console message (a
 * script error, a blocked request) or the page comes out empty: no title, no charts, no tables.
 * It also saves a screenshot of each page for a person to look at. Needs Debian's `chromium`
 * (`apt-get install -y chromium`) and the built CLI (`npm run build`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');
const CLI = join(ROOT, 'dist', 'lib', 'cli', 'main.js');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'flow-logs');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const TITLES = { en: 'Apple traffic in flow logs', 'zh-CN': '流日志中的 Apple 流量' } as const;

function fail(message: string): never {
  console.error(`check-flow-report: ${message}`);
  process.exit(1);
}

function chromium(args: readonly string[], profile: string) {
  return spawnSync(
    CHROMIUM,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      `--user-data-dir=${profile}`,
      '--enable-logging=stderr',
      '--v=0',
      ...args,
    ],
    { encoding: 'utf8', timeout: 60_000 },
  );
}

function main(): void {
  if (!existsSync(CHROMIUM)) {
    fail(`Chromium is missing at ${CHROMIUM}. Install it with \`apt-get install -y chromium\` (Debian), or set CHROMIUM to its path.`);
  }
  if (!existsSync(CLI)) {
    fail(`${CLI} does not exist. Run \`npm run build\` first.`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'flow-report-'));
  try {
    for (const lang of ['en', 'zh-CN'] as const) {
      const report = spawnSync(
        process.execPath,
        [CLI, 'flows', join(FIXTURES, 'apple-vdi.observer.log'), join(FIXTURES, 'apple-vdi-queries.jsonl'), '--suggest', '--replay', 'iCloud', '--local', '10.20.1.0/24', '--format', 'html', '--lang', lang],
        { encoding: 'utf8' },
      );
      if (report.status !== 0) {
        fail(`apple-ports flows --format html --lang ${lang} exited ${report.status}: ${report.stderr}`);
      }
      const page = join(dir, `report-${lang}.html`);
      writeFileSync(page, report.stdout);
      const dom = chromium(['--dump-dom', `file://${page}`], join(dir, `profile-${lang}`));
      if (dom.status !== 0) {
        fail(`Chromium exited ${dom.status} on ${page}: ${dom.stderr}`);
      }
      const consoleLines = dom.stderr.split('\n').filter((line) => /CONSOLE|Uncaught|Refused to/.test(line));
      if (consoleLines.length > 0) {
        fail(`the ${lang} page logged to the console:\n${consoleLines.join('\n')}`);
      }
      const svgs = dom.stdout.match(/<svg /g)?.length ?? 0;
      const rows = dom.stdout.match(/<tr>/g)?.length ?? 0;
      if (!dom.stdout.includes(`<h1>${TITLES[lang]}</h1>`) || svgs < 2 || rows < 10) {
        fail(`the ${lang} page rendered empty or incomplete: title ${dom.stdout.includes(`<h1>${TITLES[lang]}</h1>`)}, ${svgs} charts, ${rows} table rows.`);
      }
      const screenshot = join(tmpdir(), `apple-ports-flow-report-${lang}.png`);
      const shot = chromium([`--screenshot=${screenshot}`, '--window-size=1280,2400', `file://${page}`], join(dir, `profile-${lang}-shot`));
      if (shot.status !== 0 || !existsSync(screenshot)) {
        fail(`Chromium could not take a screenshot of the ${lang} page: ${shot.stderr}`);
      }
      console.log(`check-flow-report: ${lang}: ${svgs} charts, ${rows} table rows, no console messages; screenshot ${screenshot}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
