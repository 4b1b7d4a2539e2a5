/** Reads the JSON files the commands are given, refusing unreadable or malformed ones with a usage error. */
import { readFileSync } from 'node:fs';
import { ApplePortsError, type Problem } from '../core';

/**
 * The JSON in the file at `path`. A file that cannot be read (a folder, say) or is not JSON throws
 * an `ApplePortsError` with the problem `refuse` words from the reason, so the command exits with
 * a usage error naming the fix instead of failing with a stack trace.
 */
export function readJsonFile(path: string, refuse: (reason: string) => Problem): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ApplePortsError([refuse((error as Error).message)]);
  }
}
