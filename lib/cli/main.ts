#!/usr/bin/env node
/**
 * The `apple-ports` executable. The program itself lives in `program.ts`; this file only connects
 * it to the process.
 */
import { runAsync } from './program';

export { createProgram, run, runAsync, type CliIo } from './program';

if (require.main === module) {
  // A reader that closes the pipe early (`apple-ports products | head`) is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') {
      process.exit(0);
    }
    throw error;
  });
  void runAsync(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  }).then((code) => {
    process.exitCode = code;
  });
}
