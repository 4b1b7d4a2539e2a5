/**
 * The logs AWS writes as one JSON object a line (Route 53 Resolver query logs, Network Firewall
 * logs): a line is blank, an object, or malformed, and string fields are read the same way.
 */

/** What one JSON line is. */
export type JsonLine = { readonly kind: 'object'; readonly value: Record<string, unknown> } | { readonly kind: 'blank' } | { readonly kind: 'malformed'; readonly lineNumber: number; readonly reason: string };

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
