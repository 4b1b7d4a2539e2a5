/**
 * Reads VPC Flow Logs records line by line: the default format, a custom format named by the
 * header line S3 delivery writes, or a field list given for CloudWatch Logs exports (which carry
 * no header). NODATA and SKIPDATA records are counted, not read as flows; `-` is "not applicable";
 * a line that does not fit the format is reported with its number and skipped.
 */
import { FLOW_LOG_NO_PORT, MAX_PROTOCOL_NUMBER } from '../aws/facts';
import { PORT_NUMBERS } from '../ports';
import { throwIfProblems } from '../problems';
import { DEFAULT_FLOW_LOG_FIELDS, OBSERVER_FLOW_LOG_FIELDS, fieldListProblems, isHeaderLine } from './fields';
import type { MalformedLogLine } from './lines';

/** Whether security groups and network ACLs let the flow through. */
export type FlowAction = 'ACCEPT' | 'REJECT';

/** Which way the flow crossed the interface that recorded it (version 5 `flow-direction`). */
export type FlowDirection = 'ingress' | 'egress';

/** One flow log record, with the fields attribution reads; absent where the format lacks a field or the record has `-`. */
export interface FlowRecord {
  /** The line of the source the record is on. */
  readonly lineNumber: number;
  /** `interface-id`: the network interface that recorded the flow. */
  readonly interfaceId?: string;
  /** `srcaddr`: the source address as the interface saw it. */
  readonly srcaddr?: string;
  /** `dstaddr`: the destination address as the interface saw it. */
  readonly dstaddr?: string;
  /** `srcport`: the source port. */
  readonly srcport?: number;
  /** `dstport`: the destination port. */
  readonly dstport?: number;
  /** `protocol`: the IANA protocol number. */
  readonly protocol?: number;
  /** `packets`: packets transferred in the aggregation interval. */
  readonly packets?: number;
  /** `bytes`: bytes transferred in the aggregation interval. */
  readonly bytes?: number;
  /** `start`: Unix seconds of the first packet in the interval. */
  readonly start?: number;
  /** `end`: Unix seconds of the last packet in the interval. */
  readonly end?: number;
  /** `action`: whether security groups and network ACLs let the traffic through. */
  readonly action?: FlowAction;
  /** `flow-direction`: which way the flow crossed the interface. */
  readonly flowDirection?: FlowDirection;
  /** `pkt-srcaddr`: the packet's original source address, behind NAT or a load balancer. */
  readonly pktSrcaddr?: string;
  /** `pkt-dstaddr`: the packet's original destination address. */
  readonly pktDstaddr?: string;
  /** `tcp-flags`: the bitmask of TCP flags seen (SYN, SYN-ACK, FIN, RST). */
  readonly tcpFlags?: number;
  /** `vpc-id`: the VPC of the interface. */
  readonly vpcId?: string;
  /** `subnet-id`: the subnet of the interface. */
  readonly subnetId?: string;
  /** `instance-id`: the instance the interface belongs to. */
  readonly instanceId?: string;
}

/** What one line of a flow log is. */
export type FlowLine =
  | {
      /** The line is a flow record. */
      readonly kind: 'record';
      /** The record the line holds. */
      readonly record: FlowRecord;
    }
  | {
      /** The line holds no flow: a NODATA or SKIPDATA record, the header, or blank. */
      readonly kind: 'nodata' | 'skipdata' | 'header' | 'blank';
    }
  | MalformedLogLine;

const NOT_APPLICABLE = '-';
const MAX_PORT = PORT_NUMBERS.toPort;

/** A whole number written in decimal digits only, or `undefined`. */
function wholeNumber(text: string): number | undefined {
  if (text.length === 0 || text.length > 15) {
    return undefined;
  }
  let value = 0;
  for (let i = 0; i < text.length; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) {
      return undefined;
    }
    value = value * 10 + digit;
  }
  return value;
}

/** The fields a record carries that the reader reads, by their names in the format. */
const READ_FIELDS = {
  interfaceId: 'interface-id',
  srcaddr: 'srcaddr',
  dstaddr: 'dstaddr',
  srcport: 'srcport',
  dstport: 'dstport',
  protocol: 'protocol',
  packets: 'packets',
  bytes: 'bytes',
  start: 'start',
  end: 'end',
  action: 'action',
  logStatus: 'log-status',
  flowDirection: 'flow-direction',
  pktSrcaddr: 'pkt-srcaddr',
  pktDstaddr: 'pkt-dstaddr',
  tcpFlags: 'tcp-flags',
  vpcId: 'vpc-id',
  subnetId: 'subnet-id',
  instanceId: 'instance-id',
} as const;

type ReadField = keyof typeof READ_FIELDS;

/** A format: its fields, and the position of each field the reader reads (-1 where it lacks one). */
interface Format {
  readonly fields: readonly string[];
  readonly at: Readonly<Record<ReadField, number>>;
}

function formatOf(fields: readonly string[]): Format {
  const at = Object.fromEntries(Object.entries(READ_FIELDS).map(([key, name]) => [key, fields.indexOf(name)])) as Record<ReadField, number>;
  return { fields, at };
}

/** The token at a position, or `undefined` for a field the format lacks or `-`. */
function valueAt(tokens: readonly string[], index: number): string | undefined {
  if (index < 0) {
    return undefined;
  }
  const value = tokens[index];
  return value === NOT_APPLICABLE ? undefined : value;
}

/** Splits a record into its fields; most records have single spaces, which a plain split handles fastest. */
function tokensOf(text: string): string[] {
  return text.indexOf('  ') < 0 && text.indexOf('\t') < 0 && text.charCodeAt(0) !== 32 ? text.split(' ') : text.trim().split(/\s+/);
}

/** How the reader knows the records' fields. */
export interface FlowLogReaderOptions {
  /**
   * The records' fields in order, for logs without a header line (CloudWatch Logs exports).
   * @default read from the header line S3 delivery writes; else the default format, or the
   * observer's format when a record has as many fields as it
   */
  readonly fields?: readonly string[];
}

/** Parses the lines of one flow log (one file or stream), keeping the format it has seen. */
export class FlowLogParser {
  private format: Format | undefined;
  private readonly fixed: boolean;

  /**
   * A parser for one source; without `fields` it reads them from the source's header line. Throws
   * an `ApplePortsError` for fields AWS does not write, or any listed twice.
   */
  constructor(options: FlowLogReaderOptions = {}) {
    if (options.fields !== undefined) {
      throwIfProblems(fieldListProblems(options.fields));
    }
    this.fixed = options.fields !== undefined;
    this.format = options.fields ? formatOf(options.fields) : undefined;
  }

  /** The fields the reader is using, once it knows them. */
  get fields(): readonly string[] | undefined {
    return this.format?.fields;
  }

  /** Reads one line; `lineNumber` counts from 1 in its file. */
  parse(line: string, lineNumber: number): FlowLine {
    const text = line.endsWith('\r') ? line.slice(0, -1) : line;
    if (text.length === 0 || text.trim().length === 0) {
      return { kind: 'blank' };
    }
    const tokens = tokensOf(text.endsWith(' ') ? text.trimEnd() : text);
    if (!this.fixed && isHeaderLine(tokens)) {
      this.format = formatOf(tokens);
      return { kind: 'header' };
    }
    if (!this.format) {
      if (tokens.length === DEFAULT_FLOW_LOG_FIELDS.length) {
        this.format = formatOf(DEFAULT_FLOW_LOG_FIELDS);
      } else if (tokens.length === OBSERVER_FLOW_LOG_FIELDS.length) {
        this.format = formatOf(OBSERVER_FLOW_LOG_FIELDS);
      } else {
        return {
          kind: 'malformed',
          lineNumber,
          reason: `${tokens.length} fields, and the log has no header line: give the records' fields with --fields (the default format has ${DEFAULT_FLOW_LOG_FIELDS.length})`,
        };
      }
    }
    return this.record(tokens, lineNumber, this.format);
  }

  private record(tokens: readonly string[], lineNumber: number, format: Format): FlowLine {
    if (tokens.length !== format.fields.length) {
      return { kind: 'malformed', lineNumber, reason: `${tokens.length} fields where the format has ${format.fields.length}` };
    }
    const at = format.at;
    const status = valueAt(tokens, at.logStatus);
    if (status === 'NODATA') {
      return { kind: 'nodata' };
    }
    if (status === 'SKIPDATA') {
      return { kind: 'skipdata' };
    }
    if (status !== undefined && status !== 'OK') {
      return { kind: 'malformed', lineNumber, reason: `log-status '${status}' is not OK, NODATA or SKIPDATA` };
    }
    let problems: string[] | undefined;
    const number = (key: ReadField, max: number): number | undefined => {
      const value = valueAt(tokens, at[key]);
      if (value === undefined) {
        return undefined;
      }
      const parsed = wholeNumber(value);
      if (parsed === undefined || parsed > max) {
        (problems ??= []).push(`${READ_FIELDS[key]} '${value}' is not a number${max < Number.MAX_SAFE_INTEGER ? ` from ${FLOW_LOG_NO_PORT} to ${max}` : ''}`);
        return undefined;
      }
      return parsed;
    };
    const action = valueAt(tokens, at.action);
    if (action !== undefined && action !== 'ACCEPT' && action !== 'REJECT') {
      (problems ??= []).push(`action '${action}' is not ACCEPT or REJECT`);
    }
    const direction = valueAt(tokens, at.flowDirection);
    if (direction !== undefined && direction !== 'ingress' && direction !== 'egress') {
      (problems ??= []).push(`flow-direction '${direction}' is not ingress or egress`);
    }
    const any = Number.MAX_SAFE_INTEGER;
    const record: FlowRecord = {
      lineNumber,
      interfaceId: valueAt(tokens, at.interfaceId),
      srcaddr: valueAt(tokens, at.srcaddr),
      dstaddr: valueAt(tokens, at.dstaddr),
      srcport: number('srcport', MAX_PORT),
      dstport: number('dstport', MAX_PORT),
      protocol: number('protocol', MAX_PROTOCOL_NUMBER),
      packets: number('packets', any),
      bytes: number('bytes', any),
      start: number('start', any),
      end: number('end', any),
      action: action as FlowAction | undefined,
      flowDirection: direction as FlowDirection | undefined,
      pktSrcaddr: valueAt(tokens, at.pktSrcaddr),
      pktDstaddr: valueAt(tokens, at.pktDstaddr),
      tcpFlags: number('tcpFlags', any),
      vpcId: valueAt(tokens, at.vpcId),
      subnetId: valueAt(tokens, at.subnetId),
      instanceId: valueAt(tokens, at.instanceId),
    };
    if (problems) {
      return { kind: 'malformed', lineNumber, reason: problems.join('; ') };
    }
    return { kind: 'record', record };
  }
}
