/**
 * The fields of a VPC Flow Logs record, as the Amazon VPC User Guide ("Flow log records",
 * "Available fields") lists them: each field's name, the version that introduced it and what it
 * means. The default format is the version 2 fields in the table's order; a custom format names
 * any of them in any order. The reader takes either, and the observer asks for the fields
 * attribution uses.
 */
import { IANA_PROTOCOL_NUMBERS } from '../aws/facts';
import { nearestIds, didYouMean } from '../catalogue';
import type { Problem } from '../problems';

/** Where the field table comes from. */
export const FLOW_LOG_FIELDS_SOURCE = 'https://docs.aws.amazon.com/vpc/latest/userguide/flow-log-records.html';

/** One field of a flow log record. */
export interface FlowLogField {
  /** The field's name as AWS writes it (`srcaddr`, `flow-direction`). */
  readonly name: string;
  /** The VPC Flow Logs version that introduced the field. */
  readonly version: number;
  /** What the field holds, from AWS's field table. */
  readonly description: string;
}

/** Every field AWS documents, in the table's order. */
export const FLOW_LOG_FIELDS: readonly FlowLogField[] = [
  { name: 'version', version: 2, description: 'The VPC Flow Logs version: 2 for the default format, else the highest version among the fields.' },
  { name: 'account-id', version: 2, description: 'The account that owns the source network interface.' },
  { name: 'interface-id', version: 2, description: 'The network interface the traffic is recorded for.' },
  { name: 'srcaddr', version: 2, description: "The source address of incoming traffic, or the interface's own address for outgoing traffic." },
  { name: 'dstaddr', version: 2, description: "The destination address of outgoing traffic, or the interface's own address for incoming traffic." },
  { name: 'srcport', version: 2, description: 'The source port.' },
  { name: 'dstport', version: 2, description: 'The destination port.' },
  { name: 'protocol', version: 2, description: 'The IANA protocol number.' },
  { name: 'packets', version: 2, description: 'Packets transferred during the flow.' },
  { name: 'bytes', version: 2, description: 'Bytes transferred during the flow.' },
  { name: 'start', version: 2, description: 'Unix seconds when the first packet of the flow was received within the aggregation interval.' },
  { name: 'end', version: 2, description: 'Unix seconds when the last packet of the flow was received within the aggregation interval.' },
  { name: 'action', version: 2, description: 'ACCEPT or REJECT: whether security groups and network ACLs allowed the traffic.' },
  { name: 'log-status', version: 2, description: 'OK, NODATA (no traffic in the interval) or SKIPDATA (records skipped in the interval).' },
  { name: 'vpc-id', version: 3, description: 'The VPC of the network interface.' },
  { name: 'subnet-id', version: 3, description: 'The subnet of the network interface.' },
  { name: 'instance-id', version: 3, description: "The instance of the network interface, if you own it; '-' for a requester-managed interface." },
  { name: 'tcp-flags', version: 3, description: 'The TCP flags seen in the interval, OR-ed: FIN 1, SYN 2, RST 4, SYN-ACK 18.' },
  { name: 'type', version: 3, description: 'IPv4, IPv6 or EFA.' },
  { name: 'pkt-srcaddr', version: 3, description: 'The packet-level (original) source address, e.g. behind a NAT gateway interface.' },
  { name: 'pkt-dstaddr', version: 3, description: 'The packet-level (original) destination address, e.g. behind a NAT gateway interface.' },
  { name: 'region', version: 4, description: 'The Region of the network interface.' },
  { name: 'az-id', version: 4, description: 'The Availability Zone ID of the network interface.' },
  { name: 'sublocation-type', version: 4, description: 'wavelength, outpost or localzone, when the traffic is from a sublocation.' },
  { name: 'sublocation-id', version: 4, description: 'The sublocation of the network interface.' },
  { name: 'pkt-src-aws-service', version: 5, description: 'The AWS service whose IP address range holds pkt-srcaddr.' },
  { name: 'pkt-dst-aws-service', version: 5, description: 'The AWS service whose IP address range holds pkt-dstaddr.' },
  { name: 'flow-direction', version: 5, description: 'ingress or egress, with respect to the interface where the traffic is captured.' },
  { name: 'traffic-path', version: 5, description: 'The path egress traffic takes (a number; 8 is an internet gateway); - where none applies.' },
  { name: 'ecs-cluster-arn', version: 7, description: 'The ECS cluster of the task.' },
  { name: 'ecs-cluster-name', version: 7, description: 'The name of the ECS cluster.' },
  { name: 'ecs-container-instance-arn', version: 7, description: 'The ECS container instance.' },
  { name: 'ecs-container-instance-id', version: 7, description: 'The ID of the ECS container instance.' },
  { name: 'ecs-container-id', version: 7, description: 'The Docker runtime ID of the first container of the task.' },
  { name: 'ecs-second-container-id', version: 7, description: 'The Docker runtime ID of the second container of the task.' },
  { name: 'ecs-service-name', version: 7, description: 'The ECS service of the task.' },
  { name: 'ecs-task-definition-arn', version: 7, description: 'The task definition.' },
  { name: 'ecs-task-arn', version: 7, description: 'The ECS task.' },
  { name: 'ecs-task-id', version: 7, description: 'The ID of the ECS task.' },
];

const fieldsByName = new Map<string, FlowLogField>(FLOW_LOG_FIELDS.map((field) => [field.name, field]));

/** The field with this name, or `undefined`. */
export function findFlowLogField(name: string): FlowLogField | undefined {
  return fieldsByName.get(name);
}

/** The default format: the version 2 fields, in the table's order. */
export const DEFAULT_FLOW_LOG_FIELDS: readonly string[] = FLOW_LOG_FIELDS.filter((field) => field.version === 2).map((field) => field.name);

/**
 * The fields the observer asks for: the default fields first (so tools that read the default
 * format read the start of each record), then every field attribution uses: the direction of the
 * flow, the packet-level addresses behind NAT and transit gateway interfaces, the TCP flags that
 * tell who opened a connection, the path and where the interface is.
 */
export const OBSERVER_FLOW_LOG_FIELDS: readonly string[] = [
  ...DEFAULT_FLOW_LOG_FIELDS,
  'vpc-id',
  'subnet-id',
  'instance-id',
  'tcp-flags',
  'pkt-srcaddr',
  'pkt-dstaddr',
  'flow-direction',
  'traffic-path',
];

/** The fields as a flow log's `LogFormat` string: `${version} ${account-id} …`. */
export function formatLogFormat(fields: readonly string[]): string {
  return fields.map((field) => `\${${field}}`).join(' ');
}

/** The highest version among the fields, which records of that format carry in `version`. */
export function formatVersion(fields: readonly string[]): number {
  return Math.max(...fields.map((field) => findFlowLogField(field)?.version ?? 2));
}

const FIELD_LIST_SEPARATOR = /[\s,]+/;

/**
 * Reads a field list as a user writes it: `version srcaddr dstaddr…`, comma-separated, or a flow
 * log's format string (`${version} ${srcaddr}…`). Unknown names are problems with a did-you-mean.
 */
export function parseFieldList(text: string): {
  /** The field names, in the order given. */
  readonly fields: readonly string[];
  /** Unknown or repeated names, each with a did-you-mean. */
  readonly problems: readonly Problem[];
} {
  const names = text
    .trim()
    .split(FIELD_LIST_SEPARATOR)
    .filter((name) => name.length > 0)
    .map((name) => name.replace(/^\$\{(.*)\}$/, '$1'));
  return { fields: names, problems: fieldListProblems(names) };
}

/** What is wrong with a list of flow log fields: unknown names (with a did-you-mean), repeats, nothing at all. */
export function fieldListProblems(names: readonly string[]): Problem[] {
  const candidates = FLOW_LOG_FIELDS.map((field) => ({ name: field.name, id: field.name }));
  const problems: Problem[] = [];
  for (const name of names) {
    if (!fieldsByName.has(name)) {
      const hint = didYouMean(nearestIds(name, candidates), `The fields AWS documents are listed at ${FLOW_LOG_FIELDS_SOURCE}.`);
      problems.push({ code: 'invalid-flow-log-field', message: `Unknown flow log field '${name}'. ${hint}` });
    }
  }
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) {
      problems.push({ code: 'invalid-flow-log-field', message: `The flow log field '${name}' is listed twice. Name each field once, in the order of the records.` });
    }
    seen.add(name);
  }
  if (names.length === 0) {
    problems.push({ code: 'invalid-flow-log-field', message: `The field list is empty. Name the fields of the records in order, e.g. '${DEFAULT_FLOW_LOG_FIELDS.join(' ')}'.` });
  }
  return problems;
}

/** True when every token of a line is a field name: the header line that S3 delivery writes. */
export function isHeaderLine(tokens: readonly string[]): boolean {
  return tokens.length > 0 && tokens.every((token) => /^[a-z][a-z0-9-]*$/.test(token)) && tokens.some((token) => fieldsByName.has(token));
}

/** IANA protocol numbers the reader names. */
export const IANA_PROTOCOLS: Readonly<Record<number, string>> = Object.fromEntries(Object.entries(IANA_PROTOCOL_NUMBERS).map(([name, number]) => [number, name]));
