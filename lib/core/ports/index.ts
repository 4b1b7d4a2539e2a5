/** Ports: one range type, one merger, one formatter, and the bounds of a port number. */
export { fitToBudget, type BudgetFit, type SpanGroup } from './budget';
export { formatPortRange, formatPortRanges, formatPortsByProtocol, formatProtocolPorts } from './format';
export { countPorts, intersectPorts, mergeSpans, normalizePorts, subtractPorts, type MergedSpan, type Span } from './merge';
export {
  PORT_NUMBERS,
  PROTOCOLS,
  compareProtocols,
  comparePortRanges,
  containsPort,
  isPortNumber,
  portCount,
  type PortRange,
  type Protocol,
  type ProtocolPortRange,
} from './range';
