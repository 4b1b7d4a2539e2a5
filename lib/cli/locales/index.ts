/** The command line's languages, one file each, and the lookup by locale. */
import type { Locale } from '../../core';
import { en } from './en';
import type { CliLanguage } from './language';
import { zhCN } from './zh-CN';

export type * from './language';

const LANGUAGES: Readonly<Record<Locale, CliLanguage>> = { en, 'zh-CN': zhCN };

/** The command line's words for a locale. */
export function cliLanguage(locale: Locale): CliLanguage {
  return LANGUAGES[locale];
}
