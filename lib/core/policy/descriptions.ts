/**
 * Rule descriptions people can read in the console and AWS accepts: at most
 * `RULE_DESCRIPTION_MAX_LENGTH` characters from AWS's rule-description set. An `&` or `'` is
 * accepted by `cdk synth` and `pulumi preview` and then fails the deployment, so every description
 * is checked here.
 */
import { RULE_DESCRIPTION_MAX_LENGTH, RULE_DESCRIPTION_PATTERN } from '../aws/facts';
import { formatProtocolPorts, type Protocol } from '../ports';
import { rememberPerText } from '../remember';

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

/**
 * Replaces characters AWS would refuse (product names are ours, but be safe) with a space.
 * Remembered: every resolve describes its rules with the same catalogue names and labels.
 */
const sanitize = rememberPerText((text) => {
  // Nearly every text is already valid: one test of the whole string instead of one per character.
  if (RULE_DESCRIPTION_PATTERN.test(text) && !text.includes('  ') && text.trim() === text) {
    return text;
  }
  return [...text]
    .map((ch) => (RULE_DESCRIPTION_PATTERN.test(ch) ? ch : ' '))
    .join('')
    .replace(/ {2,}/g, ' ')
    .trim();
});

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
  // The length of the first `shown` names joined by ", ", kept as names are dropped from the end,
  // so only the description that fits is ever built.
  let namesLength = products.reduce((sum, name) => sum + name.length, 0) + Math.max(0, products.length - 1) * ', '.length;
  for (let shown = products.length; shown >= 0; shown--) {
    const hidden = products.length - shown;
    const more = hidden > 0 ? `${shown > 0 ? ' ' : ''}+${hidden} more` : '';
    const listLength = namesLength + more.length;
    const length = (listLength > 0 ? listLength + ': '.length : 0) + labels.length + tail.length;
    if (length <= MAX_DESCRIPTION_LENGTH) {
      const list = products.slice(0, shown).join(', ') + more;
      return `${list.length > 0 ? `${list}: ` : ''}${labels}${tail}`;
    }
    if (shown > 0) {
      namesLength -= products[shown - 1]!.length + (shown > 1 ? ', '.length : 0);
    }
  }
  return `${labels.slice(0, MAX_DESCRIPTION_LENGTH - tail.length - 3).trimEnd()}...${tail}`.slice(0, MAX_DESCRIPTION_LENGTH);
}
