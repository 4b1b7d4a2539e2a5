/** Captures what a call throws, so tests can assert on the error itself, message for message. */
import { ApplePortsError } from '../lib/core';

/** The error `build` throws; fails the test when it throws nothing. */
export function errorOf(build: () => unknown): Error {
  try {
    build();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}

/** The error `run` rejects with (or throws); fails the test when it settles without one. */
export async function rejectionOf(run: () => Promise<unknown>): Promise<Error> {
  try {
    await run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}

/** The `ApplePortsError` `fn` throws; rethrows any other error. */
export function thrown(fn: () => unknown): ApplePortsError {
  const error = errorOf(fn);
  if (error instanceof ApplePortsError) {
    return error;
  }
  throw error;
}
