import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_FLOW_LOG_FIELDS, FlowLogParser, OBSERVER_FLOW_LOG_FIELDS, forEachLine, formatLogFormat, parseFieldList, type FlowLine } from '../../../lib/core';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'flow-logs');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

function parseAll(text: string, fields?: readonly string[]): FlowLine[] {
  const parser = new FlowLogParser(fields ? { fields } : {});
  return text.split('\n').map((line, index) => parser.parse(line, index + 1));
}

describe('the default format (AWS example records)', () => {
  const lines = parseAll(fixture('aws-default-format.log'));

  test('reads accepted and rejected records field by field', () => {
    expect(lines[0]).toEqual({
      kind: 'record',
      record: {
        lineNumber: 1,
        interfaceId: 'eni-1235b8ca123456789',
        srcaddr: '172.31.16.139',
        dstaddr: '172.31.16.21',
        srcport: 20641,
        dstport: 22,
        protocol: 6,
        packets: 20,
        bytes: 4249,
        start: 1418530010,
        end: 1418530070,
        action: 'ACCEPT',
        flowDirection: undefined,
        pktSrcaddr: undefined,
        pktDstaddr: undefined,
        tcpFlags: undefined,
        vpcId: undefined,
        subnetId: undefined,
        instanceId: undefined,
      },
    });
    expect(lines[1]).toMatchObject({ kind: 'record', record: { dstport: 3389, action: 'REJECT' } });
  });

  test('counts NODATA and SKIPDATA records instead of reading them as flows', () => {
    expect(lines.map((l) => l.kind)).toEqual(['record', 'record', 'nodata', 'skipdata', 'record', 'record', 'record', 'blank']);
  });

  test('keeps IPv6 addresses and ICMP port 0 as they are', () => {
    expect(lines[4]).toMatchObject({ record: { protocol: 1, srcport: 0, dstport: 0 } });
    expect(lines[6]).toMatchObject({ record: { srcaddr: '2001:db8:1234:a100:8d6e:3477:df66:f105', dstaddr: '2001:db8:1234:a102:3304:8879:34cf:4071', dstport: 22 } });
  });
});

describe('custom formats', () => {
  test('a version 5 log read with the header line S3 delivery writes', () => {
    const lines = parseAll(fixture('aws-traffic-path-v5.s3.log'));
    expect(lines[0]).toEqual({ kind: 'header' });
    expect(lines[1]).toMatchObject({ kind: 'record', record: { srcaddr: '52.95.128.179', srcport: 80, dstport: 34210, flowDirection: 'ingress', tcpFlags: 19, subnetId: 'subnet-aaaaaaaa012345678' } });
    expect(lines[2]).toMatchObject({ kind: 'record', record: { flowDirection: 'egress', tcpFlags: 3, pktDstaddr: '52.95.128.179', instanceId: 'i-0c50d5961bcb2d47b' } });
  });

  test('a version 3 CloudWatch export read with a field list (and a doubled space)', () => {
    const { fields, problems } = parseFieldList(
      'version vpc-id subnet-id instance-id interface-id account-id type srcaddr dstaddr srcport dstport pkt-srcaddr pkt-dstaddr protocol bytes packets start end action tcp-flags log-status',
    );
    expect(problems).toEqual([]);
    const lines = parseAll(fixture('aws-tcp-flags-v3.cloudwatch.log'), fields);
    expect(lines.filter((l) => l.kind === 'record')).toHaveLength(8);
    expect(lines[7]).toMatchObject({ record: { srcport: 5001, dstport: 43638, tcpFlags: 19, bytes: 967, packets: 14 } });
  });

  test('the same export without a field list is reported, line by line, with the fix', () => {
    const lines = parseAll(fixture('aws-tcp-flags-v3.cloudwatch.log'));
    expect(lines[0]).toEqual({
      kind: 'malformed',
      lineNumber: 1,
      reason: "21 fields, and the log has no header line: give the records' fields with --fields (the default format has 14)",
    });
  });

  test("records in the observer's format are recognised without a field list", () => {
    const lines = parseAll(fixture('apple-vdi.observer.log'));
    expect(lines[0]).toMatchObject({ kind: 'record', record: { flowDirection: 'egress', tcpFlags: 2, dstport: 5223 } });
    expect(OBSERVER_FLOW_LOG_FIELDS.slice(0, DEFAULT_FLOW_LOG_FIELDS.length)).toEqual(DEFAULT_FLOW_LOG_FIELDS);
  });
});

describe('malformed lines', () => {
  test('each bad value is named, and the line is skipped', () => {
    const parser = new FlowLogParser({ fields: DEFAULT_FLOW_LOG_FIELDS });
    expect(parser.parse('2 1 eni-1 10.0.0.1 10.0.0.2 70000 443 6 1 1 1 2 ACCEPT OK', 4)).toEqual({ kind: 'malformed', lineNumber: 4, reason: "srcport '70000' is not a number from 0 to 65535" });
    expect(parser.parse('2 1 eni-1 10.0.0.1 10.0.0.2 1 443 6 1 1 1 2 MAYBE OK', 5)).toEqual({ kind: 'malformed', lineNumber: 5, reason: "action 'MAYBE' is not ACCEPT or REJECT" });
    expect(parser.parse('2 1 eni-1 10.0.0.1 10.0.0.2 1 443 6 1 1 1 2 ACCEPT FINE', 6)).toEqual({ kind: 'malformed', lineNumber: 6, reason: "log-status 'FINE' is not OK, NODATA or SKIPDATA" });
    expect(parser.parse('2 1 eni-1 10.0.0.1', 7)).toEqual({ kind: 'malformed', lineNumber: 7, reason: '4 fields where the format has 14' });
  });
});

describe('parseFieldList', () => {
  test('takes a format string and commas too', () => {
    expect(parseFieldList(formatLogFormat(['version', 'srcaddr'])).fields).toEqual(['version', 'srcaddr']);
    expect(parseFieldList('srcaddr, dstaddr').fields).toEqual(['srcaddr', 'dstaddr']);
  });

  test('names unknown and repeated fields with the fix', () => {
    expect(parseFieldList('srcaddr dstprot srcaddr').problems).toEqual([
      { code: 'invalid-flow-log-field', message: "Unknown flow log field 'dstprot'. Did you mean 'dstport'?" },
      { code: 'invalid-flow-log-field', message: "The flow log field 'srcaddr' is listed twice. Name each field once, in the order of the records." },
    ]);
  });
});

describe('forEachLine', () => {
  test('joins lines cut across chunks, and takes lines as items', async () => {
    const seen: string[] = [];
    expect(await forEachLine(['ab', 'c\nde', 'f\n\ng'], (line, n) => seen.push(`${n}:${line}`))).toBe(4);
    expect(seen).toEqual(['1:abc', '2:def', '3:', '4:g']);
    const lines: string[] = [];
    await forEachLine(['one', 'two'], (line) => lines.push(line), 'lines');
    expect(lines).toEqual(['one', 'two']);
  });
});
