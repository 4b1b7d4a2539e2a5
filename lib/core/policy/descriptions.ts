/**
 * Rule descriptions people can read in the console and AWS accepts: at most
 * `RULE_DESCRIPTION_MAX_LENGTH` characters from AWS's rule-description set. An `&` or `'` is
 * accepted by `cdk synth` and `pulumi preview` and then fails the deployment, so every description
 * is checked here.
 */
import { RULE_DESCRIPTION_MAX_LENGTH, RULE_DESCRIPTION_PATTERN } from '../aws/facts';
import { formatProtocolPorts, type Protocol } from '../ports';

/** The most characters AWS takes in a security-group rule description. */
export const MAX_DESCRIPTION_LENGTH = RULE_DESCRIPTION_MAX_LENGTH;

/** Characters AWS allows in security-group rule descriptions. */
export const DESCRIPTION_PATTERN = RULE_DESCRIPTION_PATTERN;

/** The characters of `text` that AWS refuses in a rule description, each once. */
export function invalidDescriptionCharacters(text: string): string[] {
  return [...new Set([...text].filter((ch) => !DESCRIPTION_PATTERN.test(ch)))];
}


/** What one rule description is made of. */
export interface DescriptionParts {
  /** English product names, already sorted. */
  readonly products: readonly string[];
  /** Service labels and extra-rule descriptions, already sorted. */
  readonly labels: readonly string[];
  readonly protocol: Protocol;
  readonly fromPort: number;
  readonly toPort: number;
  /** Ports opened beyond the selection to fit a budget. */
  readonly widenedPorts: number;
}

/** Replaces characters AWS would refuse (product names are ours, but be safe) with a space. */
function sanitize(text: string): string {
  return [...text]
    .map((ch) => (RULE_DESCRIPTION_PATTERN.test(ch) ? ch : ' '))
    .join('')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/**
 * `FaceTime, Game Center: RTP/RTCP (udp 16384-16387)`. When too long, the product list is cut
 * to "… +N more" so the ports, the part a reviewer checks, always survive.
 */
export function describeRule(parts: DescriptionParts): string {
  const ports = formatProtocolPorts(parts.protocol, parts);
  const widened = parts.widenedPorts > 0 ? `, ${parts.widenedPorts} ${parts.widenedPorts === 1 ? 'port' : 'ports'} widened to fit the rule budget` : '';
  const tail = ` (${ports}${widened})`;
  const labels = sanitize(parts.labels.join(', '));
  const products = parts.products.map(sanitize);
  for (let shown = products.length; shown >= 0; shown--) {
    const hidden = products.length - shown;
    const list = products.slice(0, shown).join(', ') + (hidden > 0 ? `${shown > 0 ? ' ' : ''}+${hidden} more` : '');
    const head = list.length > 0 ? `${list}: ${labels}` : labels;
    const text = `${head}${tail}`;
    if (text.length <= MAX_DESCRIPTION_LENGTH) {
      return text;
    }
  }
  return `${labels.slice(0, MAX_DESCRIPTION_LENGTH - tail.length - 3).trimEnd()}...${tail}`.slice(0, MAX_DESCRIPTION_LENGTH);
}
