/**
 * `npm run check:articles -- FILE…`: the maintainer's check of saved copies of Apple's articles
 * (103229, 101555) against the working data/catalogue.json — `apple-ports catalogue check` run from
 * the sources, so an edit of the catalogue counts before it is built. Exit 0 when they agree, 1
 * when they differ, 2 on a usage error.
 */
import { run } from '../lib/cli/program';

process.exitCode = run(['catalogue', 'check', ...process.argv.slice(2)], {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
