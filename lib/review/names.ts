/**
 * How the review names products, profiles and host groups: by the name in the review's locale,
 * with the id beside it where the name does not show it, so a reviewer can search the code for it.
 */
import type { ReviewLanguage } from './locales';

/** "FaceTime" or, where the name does not show the id, "FaceTime 通话 (FaceTime)". */
export function nameWithId(item: { readonly id: string; readonly name: string }): string {
  return item.name === item.id || item.name.endsWith(`(${item.id})`) ? item.name : `${item.name} (${item.id})`;
}

/** Names of a list, or the language's "none". */
export function nameList(items: readonly { readonly id: string; readonly name: string }[], language: ReviewLanguage): string {
  return items.length === 0 ? language.none : items.map(nameWithId).join(language.listSeparator);
}
