/**
 * The logs AWS writes as one JSON object a line (Route 53 Resolver query logs, Network Firewall
 * logs): a line is blank, an object, or malformed, and string fields are read the same way.
 */
import type { MalformedLogLine } from './lines';

/** What one JSON line is. */
export type JsonLine =
  | {
      /** The line is a JSON object. */
      readonly kind: 'object';
      /** The object the line holds. */
      readonly value: Record<string, unknown>;
    }
  | {
      /** The line is empty or white space. */
      readonly kind: 'blank';
    }
  | MalformedLogLine;

/** Reads one line as a JSON object. */
export function parseJsonLine(line: string, lineNumber: number): JsonLine {
  const trimmed = line.trim();
  if (trimmed.length === 0) {
    return { kind: 'blank' };
  }
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch {
    return { kind: 'malformed', lineNumber, reason: 'not a JSON object' };
  }
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? { kind: 'object', value: value as Record<string, unknown> } : { kind: 'malformed', lineNumber, reason: 'not a JSON object' };
}

/** A non-empty string field, or `undefined`. */
export function textField(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}
