/**
 * A small Suricata rule parser for tests: it reads a rule back into its header fields and options,
 * so tests can check what was generated without trusting the code that generated it.
 */

/** One option as written: `sid:1000000` → `{ keyword: 'sid', value: '1000000' }`. */
export interface ParsedOption {
  readonly keyword: string;
  readonly value?: string;
}

/** A rule, field by field. */
export interface ParsedRule {
  readonly action: string;
  readonly protocol: string;
  readonly source: string;
  readonly sourcePort: string;
  readonly direction: string;
  readonly destination: string;
  readonly destinationPort: string;
  readonly options: readonly ParsedOption[];
}

const HEADER = /^(\S+) (\S+) (\S+) (\S+) (->|<>) (\S+) (\S+) \((.*)\)$/;

/** Splits `a; b:"x\;y"; c;` at semicolons outside quotes and not escaped. */
function splitOptions(text: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\\') {
      current += ch + (text[i + 1] ?? '');
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
      current += ch;
    } else if (ch === ';' && !quoted) {
      parts.push(current.trim());
      current = '';
    } else {
      current += ch;
    }
  }
  if (quoted) {
    throw new Error(`unterminated quote in options: ${text}`);
  }
  if (current.trim() !== '') {
    throw new Error(`option not terminated by ';': ${current.trim()}`);
  }
  return parts;
}

/** Parses one rule; throws on text that is not `action proto src port dir dst port (options)`. */
export function parseSuricataRule(text: string): ParsedRule {
  const match = HEADER.exec(text);
  if (!match) {
    throw new Error(`not a Suricata rule: ${text}`);
  }
  const [, action, protocol, source, sourcePort, direction, destination, destinationPort, body] = match as unknown as string[];
  const options = splitOptions(body!).map((part) => {
    const colon = part.indexOf(':');
    return colon < 0 ? { keyword: part } : { keyword: part.slice(0, colon).trim(), value: part.slice(colon + 1).trim() };
  });
  return { action: action!, protocol: protocol!, source: source!, sourcePort: sourcePort!, direction: direction!, destination: destination!, destinationPort: destinationPort!, options };
}

/** A quoted option value without its quotes and escapes: `"a\;b"` → `a;b`. */
export function unquote(value: string): string {
  if (!(value.startsWith('"') && value.endsWith('"'))) {
    throw new Error(`not a quoted value: ${value}`);
  }
  return value.slice(1, -1).replace(/\\(.)/g, '$1');
}
