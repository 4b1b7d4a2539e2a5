/** The systems a host list is for, checked once for `hostsFor` and `parseSelection`. */
import { didYouMean, findPlatform, nearestPlatforms, PLATFORMS, type Platform } from '../catalogue';
import type { Problem } from '../problems';
import { nameList } from './name-lists';
import type { SelectionTerms } from './terms';

/**
 * The platforms named, canonical and each once in the order given, with a problem for each unknown
 * name (and the closest one), for a value that is not a list, and for an empty list.
 */
export function parsePlatforms(names: unknown, problems: Problem[], terms: SelectionTerms): Platform[] {
  const list = nameList('platforms', names, ['macOS'], problems, terms);
  if (list === undefined) {
    return [];
  }
  const chosen = new Set<Platform>();
  for (const name of list) {
    const platform = findPlatform(String(name));
    if (platform) {
      chosen.add(platform);
    } else {
      const valid = `Valid platforms: ${PLATFORMS.map((p) => `'${p}'`).join(', ')}.`;
      problems.push({ code: 'unknown-platform', message: `Unknown platform '${String(name)}'. ${didYouMean(nearestPlatforms(String(name)), valid)}` });
    }
  }
  if (list.length === 0) {
    const field = terms.field('platforms');
    problems.push({ code: 'unknown-platform', message: `${field} is empty, so no host would be for any system. Name at least one of ${PLATFORMS.join(', ')}, or leave ${field} out for all.` });
  }
  return [...chosen];
}
