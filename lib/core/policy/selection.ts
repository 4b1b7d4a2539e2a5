/**
 * Reading a selection before it is resolved: the products it names (directly, by alias or through
 * its profiles), the direction they imply, and every problem with the fields a user writes. Each
 * message names the field as the caller writes it (`SelectionTerms`) and the fix.
 */
import {
  findProduct,
  findProfile,
  findService,
  sortedIds,
  unknownProductMessage,
  unknownProfileMessage,
  unknownServiceMessage,
  type AppleProduct,
  type Direction,
  type ProductEntry,
  type ProfileId,
} from '../catalogue';
import { PORT_NUMBERS, isPortNumber } from '../ports';
import type { Problem } from '../problems';
import { invalidDescriptionCharacters } from './descriptions';
import { namesOf } from './name-lists';
import { API_TERMS, type SelectionTerms } from './terms';
import type { ExtraRule, PolicySelection } from './types';

/** The longest description of a user's extra rule: the rest of the rule's description is the library's. */
const MAX_EXTRA_DESCRIPTION = 100;

/** What a selection names, once aliases and profiles are expanded. */
export interface ExpandedSelection {
  readonly products: ReadonlyMap<AppleProduct, ProductEntry>;
  /** The profiles named, sorted. */
  readonly profileIds: readonly ProfileId[];
  /** The direction given, else the profiles' one, else egress. */
  readonly direction: Direction;
}

/**
 * The products a selection names, with the profiles and the direction they imply. Problems
 * (unknown names, conflicting directions) are appended to `problems`.
 */
export function expandSelection(selection: PolicySelection, problems: Problem[], terms: SelectionTerms = API_TERMS): ExpandedSelection {
  const products = new Map<AppleProduct, ProductEntry>();
  for (const name of namesOf('products', selection.products, problems, terms)) {
    const product = findProduct(String(name));
    if (product) {
      products.set(product.id, product);
    } else {
      problems.push({ code: 'unknown-product', message: unknownProductMessage(String(name)) });
    }
  }
  const profileIds: ProfileId[] = [];
  const profileDirections = new Set<Direction>();
  for (const id of namesOf('profiles', selection.profiles, problems, terms)) {
    const profile = findProfile(String(id));
    if (!profile) {
      problems.push({ code: 'unknown-profile', message: unknownProfileMessage(String(id)) });
      continue;
    }
    profileIds.push(profile.id);
    profileDirections.add(profile.direction);
    if (selection.direction !== undefined && profile.direction !== selection.direction) {
      // Its products would each fail for the wrong direction too; the profile is the one mistake.
      problems.push({
        code: 'profile-direction',
        message: `Profile '${profile.id}' is meant for ${profile.direction}, not ${selection.direction}. Use it with ${terms.direction(profile.direction)}, or select its products (${profile.products.join(', ')}) for ${selection.direction}.`,
      });
      continue;
    }
    for (const productId of profile.products) {
      const product = findProduct(productId);
      if (product) {
        products.set(product.id, product);
      }
    }
  }
  let direction = selection.direction;
  if (direction !== undefined && direction !== 'egress' && direction !== 'ingress') {
    problems.push({ code: 'invalid-direction', message: `Invalid direction '${String(direction)}'. Use 'egress' or 'ingress'.` });
  }
  if (direction === undefined) {
    if (profileDirections.size > 1) {
      problems.push({
        code: 'conflicting-profile-directions',
        message: `The profiles ${sortedIds(profileIds).map((p) => `'${p}'`).join(', ')} are meant for different directions. ${terms.chooseDirection}`,
      });
    }
    direction = profileDirections.size === 1 ? [...profileDirections][0] : 'egress';
  }
  return { products, profileIds: sortedIds(profileIds), direction };
}

/** Every problem with the user's extra rules: protocols, ports, ranges and descriptions. */
export function validateExtraRules(extraRules: readonly ExtraRule[], problems: Problem[], terms: SelectionTerms = API_TERMS): void {
  const { fromPort: first, toPort: last } = PORT_NUMBERS;
  extraRules.forEach((rule, index) => {
    const where = `${terms.field('extraRules')}[${index}]`;
    if (rule.protocol !== 'tcp' && rule.protocol !== 'udp') {
      problems.push({ code: 'invalid-protocol', message: `${where}: protocol '${String(rule.protocol)}' is not filtered by port. Use 'tcp' or 'udp'.` });
    }
    const toPort = rule.toPort ?? rule.fromPort;
    for (const [name, value] of [['fromPort', rule.fromPort], ['toPort', toPort]] as const) {
      if (!isPortNumber(value)) {
        problems.push({ code: 'invalid-port', message: `${where}: ${name} ${String(value)} is not a port. Use a whole number from ${first} to ${last}.` });
      }
    }
    if (isPortNumber(rule.fromPort) && isPortNumber(toPort) && rule.fromPort > toPort) {
      problems.push({
        code: 'reversed-port-range',
        message: `${where}: the port range ${rule.fromPort}-${toPort} is reversed. Did you mean fromPort ${toPort}, toPort ${rule.fromPort}?`,
      });
    }
    const description = typeof rule.description === 'string' ? rule.description.trim() : '';
    const bad = invalidDescriptionCharacters(description);
    if (description.length === 0 || description.length > MAX_EXTRA_DESCRIPTION) {
      problems.push({ code: 'invalid-description', message: `${where}: the description must be 1-${MAX_EXTRA_DESCRIPTION} characters, saying why the rule exists.` });
    } else if (bad.length > 0) {
      problems.push({
        code: 'invalid-description',
        message: `${where}: AWS refuses ${bad.map((ch) => `'${ch}'`).join(', ')} in rule descriptions ('${description}'). Use letters, digits, spaces and ._-:/()#,@[]+=;{}!$*.`,
      });
    }
  });
}

/** Every service id in `exclude` that the catalogue does not know. */
export function validateExcludes(selection: PolicySelection, problems: Problem[], terms: SelectionTerms = API_TERMS): void {
  for (const id of namesOf('exclude', selection.exclude, problems, terms)) {
    if (!findService(String(id))) {
      problems.push({ code: 'unknown-service', message: `${terms.field('exclude')}: ${unknownServiceMessage(String(id))}` });
    }
  }
}
