/**
 * The one way in for names known only at run time — read from a config file, an environment
 * variable or the command line. A selection's `products`, `profiles`, `exclude` and `hostGroups`
 * are literal unions, so a misspelt name in code is a compile error; a string the compiler cannot
 * see is checked here instead, and comes back as the canonical id, or fails with every unknown
 * name and the closest valid ones.
 */
import {
  findHostGroup,
  findProduct,
  findProfile,
  findService,
  unknownHostGroupMessage,
  unknownProductMessage,
  unknownProfileMessage,
  unknownServiceMessage,
  type AppleProduct,
  type HostGroupId,
  type Platform,
  type ProfileId,
  type ServiceId,
} from '../catalogue';
import { throwIfProblems, type Problem } from '../problems';
import { nameList, NAME_LIST_EXAMPLES } from './name-lists';
import { parsePlatforms } from './platforms';
import { API_TERMS, type SelectionTerms } from './terms';

/** Names of a selection as plain strings, before they are checked. */
export interface SelectionNames {
  /** Apple products by id, English or Chinese name, or alias, in any case. @default [] */
  readonly products?: readonly string[];
  /** Profile ids, in any case. @default [] */
  readonly profiles?: readonly string[];
  /** Service ids to leave out. @default [] */
  readonly exclude?: readonly string[];
  /** Host groups of Apple's enterprise-network article, by id. @default [] */
  readonly hostGroups?: readonly string[];
  /** The systems the devices run (`'macOS'`…), in any case. @default - not given: every platform */
  readonly platforms?: readonly string[];
}

/** The checked names as the canonical ids a selection takes, each once, in the order given. */
export interface ParsedSelectionNames {
  /** The products, as catalogue ids. */
  readonly products: AppleProduct[];
  /** The profiles, as catalogue ids. */
  readonly profiles: ProfileId[];
  /** The service ids to leave out. */
  readonly exclude: ServiceId[];
  /** The host groups, as catalogue ids. */
  readonly hostGroups: HostGroupId[];
  /** Only when `platforms` was given. */
  readonly platforms?: Platform[];
}

/** Options for `parseSelection`. */
export interface ParseSelectionOptions {
  /**
   * How messages name the fields (`exclude`, `--exclude`).
   * @default the selection's own field names
   */
  readonly terms?: SelectionTerms;
}

function canonical<T extends string>(
  field: 'products' | 'profiles' | 'exclude' | 'hostGroups',
  names: unknown,
  find: (name: string) => T | undefined,
  problem: (name: string) => Problem,
  problems: Problem[],
  terms: SelectionTerms,
): T[] {
  const list = names === undefined ? [] : nameList(field, names, NAME_LIST_EXAMPLES[field], problems, terms);
  const ids = new Set<T>();
  for (const name of list ?? []) {
    const id = find(String(name));
    if (id === undefined) {
      problems.push(problem(String(name)));
    } else {
      ids.add(id);
    }
  }
  return [...ids];
}

/**
 * Checks names known only at run time and returns them as the ids a selection takes, e.g.
 * `resolve({ ...parseSelection(config), ipv6: true })`. Products are matched by id, name or alias
 * and profiles by id, case-insensitively; `platforms`, when given, as `hostsFor` checks them. Throws
 * one `ApplePortsError` listing every unknown name with the closest valid ones ("Did you mean
 * 'FaceTime'?"), and every field that is not a list of names.
 */
export function parseSelection(names: SelectionNames, options: ParseSelectionOptions = {}): ParsedSelectionNames {
  const terms = options.terms ?? API_TERMS;
  const problems: Problem[] = [];
  const parsed: ParsedSelectionNames = {
    products: canonical('products', names.products, (n) => findProduct(n)?.id, (n) => ({ code: 'unknown-product', message: unknownProductMessage(n) }), problems, terms),
    profiles: canonical('profiles', names.profiles, (n) => findProfile(n)?.id, (n) => ({ code: 'unknown-profile', message: unknownProfileMessage(n) }), problems, terms),
    exclude: canonical('exclude', names.exclude, (n) => findService(n)?.id, (n) => ({ code: 'unknown-service', message: `${terms.field('exclude')}: ${unknownServiceMessage(n)}` }), problems, terms),
    hostGroups: canonical('hostGroups', names.hostGroups, (n) => findHostGroup(n)?.id, (n) => ({ code: 'unknown-host-group', message: unknownHostGroupMessage(n) }), problems, terms),
    ...(names.platforms !== undefined ? { platforms: parsePlatforms(names.platforms, problems, terms) } : {}),
  };
  throwIfProblems(problems);
  return parsed;
}

/**
 * Checks product names known only at run time, e.g. `products: parseProducts(config.products)`:
 * the canonical ids, or one `ApplePortsError` naming every unknown product and the closest ones, or
 * the value when it is not a list.
 */
export function parseProducts(names: readonly string[]): AppleProduct[] {
  // Without a list there is no product to parse: undefined is refused too, not read as none.
  const problems: Problem[] = [];
  if (nameList('products', names, NAME_LIST_EXAMPLES.products, problems, API_TERMS) === undefined) {
    throwIfProblems(problems);
  }
  return parseSelection({ products: names }).products;
}
