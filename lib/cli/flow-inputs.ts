/**
 * Where `apple-ports flows` reads logs from: files, folders (recursively, in name order) and `-`
 * for standard input; gzip or plain, told apart by the first bytes. Each input becomes a stream of
 * text chunks for the core's readers, which never touch the file system themselves.
 */
import { createReadStream, existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';
import { ApplePortsError, firstLine, type LogKind } from '../core';

/** One input: a file or standard input. */
export interface LogInput {
  /** The path as given or found, or `-`. */
  readonly name: string;
  /** Bytes on disk, for the progress bar; absent for standard input. */
  readonly size?: number;
}

const STDIN = '-';
const GZIP_MAGIC = [0x1f, 0x8b];

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      return entry.isDirectory() ? walk(path) : entry.isFile() ? [path] : [];
    });
}

/** The inputs the arguments name; a path that does not exist is a usage error. */
export function expandInputs(args: readonly string[]): LogInput[] {
  const inputs: LogInput[] = [];
  for (const arg of args) {
    if (arg === STDIN) {
      inputs.push({ name: STDIN });
    } else if (!existsSync(arg)) {
      throw new ApplePortsError([{ code: 'invalid-flow-input', message: `${arg}: no such file or folder. Give flow log, Resolver query log or Network Firewall log files, folders of them, or - for standard input.` }]);
    } else if (statSync(arg).isDirectory()) {
      inputs.push(...walk(arg).map((path) => ({ name: path, size: statSync(path).size })));
    } else {
      inputs.push({ name: arg, size: statSync(arg).size });
    }
  }
  return inputs;
}

/** The raw bytes of an input; `onBytes` hears how many were read, for the progress bar. */
async function* rawBytes(input: LogInput, stdin: NodeJS.ReadableStream, onBytes: (bytes: number) => void): AsyncIterable<Buffer> {
  const stream = input.name === STDIN ? stdin : createReadStream(input.name, { highWaterMark: 1 << 20 });
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    onBytes(buffer.length);
    yield buffer;
  }
}

/** Text chunks of an input, gunzipped when its first bytes say gzip. */
export async function* textChunks(input: LogInput, stdin: NodeJS.ReadableStream, onBytes: (bytes: number) => void = () => undefined): AsyncIterable<string> {
  const iterator = rawBytes(input, stdin, onBytes)[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) {
    return;
  }
  async function* all(): AsyncIterable<Buffer> {
    yield first.value;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      yield next.value;
    }
  }
  let bytes: AsyncIterable<Buffer> = all();
  if (first.value[0] === GZIP_MAGIC[0] && first.value[1] === GZIP_MAGIC[1]) {
    const source = Readable.from(all());
    const gunzip = createGunzip();
    source.on('error', (error) => gunzip.destroy(error));
    bytes = source.pipe(gunzip);
  }
  const decoder = new StringDecoder('utf8');
  for await (const chunk of bytes) {
    const text = decoder.write(chunk as Buffer);
    if (text.length > 0) {
      yield text;
    }
  }
  const rest = decoder.end();
  if (rest.length > 0) {
    yield rest;
  }
}

/** Which kind of log a text starts with: JSON lines of the Resolver or Network Firewall, else flow log records. */
export function logKindOf(start: string, name: string): LogKind {
  const line = firstLine(start.replace(/^\s+/, '')).trim();
  if (!line.startsWith('{')) {
    return 'flow-log';
  }
  if (/"query_name"\s*:/.test(line)) {
    return 'resolver-query-log';
  }
  if (/"event"\s*:/.test(line) || /"firewall_name"\s*:/.test(line)) {
    return 'firewall-log';
  }
  throw new ApplePortsError([
    {
      code: 'invalid-flow-input',
      message: `${name}: JSON lines that are neither a Route 53 Resolver query log (query_name) nor an AWS Network Firewall log (event). Give VPC Flow Logs records, Resolver query logs or Network Firewall alert logs.`,
    },
  ]);
}

/** An input with the kind of log it holds, and its text for reading (standard input can be read only once). */
export interface SniffedInput {
  readonly input: LogInput;
  readonly kind: LogKind;
  /** Standard input's text, already started; files are opened again when read. */
  readonly pending?: AsyncIterable<string>;
}

/** Reads the start of an input to tell its kind; an empty input is a flow log with no records. */
export async function sniff(input: LogInput, stdin: NodeJS.ReadableStream): Promise<SniffedInput> {
  const iterator = textChunks(input, stdin)[Symbol.asyncIterator]();
  let start = '';
  let done = false;
  while (!done && !start.includes('\n') && start.length < 1 << 16) {
    const next = await iterator.next();
    done = next.done === true;
    start += next.done ? '' : next.value;
  }
  const kind = start.trim().length === 0 ? 'flow-log' : logKindOf(start, input.name);
  if (input.name !== STDIN) {
    await iterator.return?.();
    return { input, kind };
  }
  async function* pending(): AsyncIterable<string> {
    if (start.length > 0) {
      yield start;
    }
    for (let next = done ? { done: true as const, value: undefined } : await iterator.next(); !next.done; next = await iterator.next()) {
      yield next.value;
    }
  }
  return { input, kind, pending: pending() };
}
