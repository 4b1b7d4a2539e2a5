/**
 * Flow analysis benchmark: one million generated flow records (Apple, ambiguous and other traffic,
 * replies, NODATA, a malformed line now and then) read and attributed as they stream by, in at most
 * ten seconds, with memory that does not grow with the input. The records are generated once as a
 * block of ten thousand lines and streamed a hundred times, so the generator holds no more than
 * the block and the time measured is the reader's.
 */
import { FlowObservation, OBSERVER_FLOW_LOG_FIELDS, getEphemeralPorts, getNetwork, services } from '../lib/core';

const RECORDS = 1_000_000;
const BLOCK = 10_000;
const TARGET_SECONDS = 10;
/** Growth of the heap between a tenth of the input and all of it that still counts as "not growing". */
const HEAP_GROWTH_LIMIT_MB = 32;

/** A deterministic pseudo-random sequence, so every run reads the same records. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** One block of records in the observer's format, ending with a newline. */
function block(): string {
  const next = random(20261201);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const appleBase = getNetwork('apple').ipv4[0].split('.')[0];
  const client = getEphemeralPorts('macos');
  const ports = services.filter((s) => s.status === 'current' && s.reach === 'routed').flatMap((s) => s.ports);
  const lines: string[] = [];
  for (let i = 0; i < BLOCK; i++) {
    const local = `10.20.${Math.floor(next() * 4)}.${1 + Math.floor(next() * 250)}`;
    const roll = next();
    const remote = roll < 0.5 ? `${appleBase}.${Math.floor(next() * 256)}.${Math.floor(next() * 256)}.${1 + Math.floor(next() * 254)}` : `198.51.100.${1 + Math.floor(next() * 254)}`;
    const range = pick(ports);
    const servicePort = roll < 0.8 ? range.fromPort + Math.floor(next() * (range.toPort - range.fromPort + 1)) : 1 + Math.floor(next() * 40000);
    const protocol = range.protocol === 'tcp' ? 6 : 17;
    const clientPort = client.fromPort + Math.floor(next() * (client.toPort - client.fromPort + 1));
    const reply = next() < 0.5;
    const [src, dst, sport, dport] = reply ? [remote, local, servicePort, clientPort] : [local, remote, clientPort, servicePort];
    const start = 1700000000 + Math.floor(next() * 7 * 24 * 3600);
    const action = next() < 0.9 ? 'ACCEPT' : 'REJECT';
    if (i % 1000 === 999) {
      lines.push(`5 123456789012 eni-0a1b2c3d4e5f60718 - - - - - - - ${start} ${start + 60} - NODATA vpc-1 subnet-1 - - - - - -`);
    } else if (i % 5000 === 2500) {
      lines.push('5 123456789012 eni-0a1b2c3d4e5f60718 this line is not a record');
    } else {
      lines.push(
        `5 123456789012 eni-0a1b2c3d4e5f60718 ${src} ${dst} ${sport} ${dport} ${protocol} 10 1500 ${start} ${start + 60} ${action} OK vpc-1 subnet-1 i-1 ${reply ? 18 : 2} ${src} ${dst} ${reply ? 'ingress' : 'egress'} ${reply ? '-' : 8}`,
      );
    }
  }
  if (lines[0].split(' ').length !== OBSERVER_FLOW_LOG_FIELDS.length) {
    throw new Error('The generated records do not have the observer format.');
  }
  return `${lines.join('\n')}\n`;
}

const mb = (bytes: number) => Number((bytes / 1e6).toFixed(1));

/** Prints the flow table; returns false when the target is missed. */
export async function run(): Promise<boolean> {
  const text = block();
  const rounds = RECORDS / BLOCK;
  global.gc?.();
  const before = process.memoryUsage();
  const heapSamples: number[] = [];
  async function* chunks(): AsyncIterable<string> {
    for (let round = 0; round < rounds; round++) {
      if (round === rounds / 10 || round === rounds - 1) {
        heapSamples.push(process.memoryUsage().heapUsed);
      }
      yield text;
    }
  }
  const observation = new FlowObservation({ local: ['10.20.0.0/16'] });
  const start = process.hrtime.bigint();
  await observation.readFlowLog('generated', chunks());
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const report = observation.report({ suggest: true });
  const suggestSeconds = Number(process.hrtime.bigint() - start) / 1e9 - seconds;
  const after = process.memoryUsage();
  const growth = (heapSamples[1] - heapSamples[0]) / 1e6;
  const lines = report.sources[0].lines;
  const ok = seconds <= TARGET_SECONDS && growth <= HEAP_GROWTH_LIMIT_MB && lines === RECORDS;
  console.log('\nFlows: one million generated records read and attributed as they stream by');
  console.table([
    {
      records: lines,
      'read + attribute s': Number(seconds.toFixed(2)),
      'records/s': Math.round(lines / seconds),
      'suggest + report s': Number(suggestSeconds.toFixed(2)),
      'RSS before MB': mb(before.rss),
      'RSS after MB': mb(after.rss),
      'heap at 10% MB': mb(heapSamples[0]),
      'heap at 100% MB': mb(heapSamples[1]),
      'flow groups': report.groups.length,
      malformed: report.totals.malformed,
    },
  ]);
  console.log(
    `Targets: ${RECORDS.toLocaleString('en')} records in at most ${TARGET_SECONDS} s; the heap grows by at most ${HEAP_GROWTH_LIMIT_MB} MB from a tenth of the input to all of it (it grew ${growth.toFixed(1)} MB). ${ok ? 'All met.' : 'MISSED.'}`,
  );
  return ok;
}
