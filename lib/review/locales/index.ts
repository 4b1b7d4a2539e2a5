/** The review's languages, one file each, and the lookup by locale. */
import type { Locale } from '../../core/catalogue';
import { en } from './en';
import type { ReviewLanguage } from './language';
import { zhCN } from './zh-CN';

export type * from './language';

const LANGUAGES: Record<Locale, ReviewLanguage> = { en, 'zh-CN': zhCN };

/** The vocabulary for a locale. */
export function reviewLanguage(locale: Locale): ReviewLanguage {
  const language = LANGUAGES[locale];
  if (!language) {
    throw new Error(`Unknown locale '${String(locale)}'. Use 'en' or 'zh-CN'.`);
  }
  return language;
}
