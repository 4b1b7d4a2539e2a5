/** The review's and the flow report's languages, one file each, and the lookups by locale. */
import type { Locale } from '../../core/catalogue';
import { en } from './en';
import { flowReportEn } from './flow-report-en';
import type { FlowReportLanguage } from './flow-report-language';
import { flowReportZhCn } from './flow-report-zh-CN';
import type { ReviewLanguage } from './language';
import { zhCN } from './zh-CN';

export type * from './flow-report-language';
export type * from './language';

const REVIEW_LANGUAGES: Readonly<Record<Locale, ReviewLanguage>> = { en, 'zh-CN': zhCN };
const FLOW_REPORT_LANGUAGES: Readonly<Record<Locale, FlowReportLanguage>> = { en: flowReportEn, 'zh-CN': flowReportZhCn };

/** One vocabulary of `languages`; throws with the locales there are for a locale there is none for. */
function inLocale<T>(languages: Readonly<Record<Locale, T>>, locale: Locale): T {
  const language = languages[locale];
  if (!language) {
    throw new Error(`Unknown locale '${String(locale)}'. Use ${Object.keys(languages).map((l) => `'${l}'`).join(' or ')}.`);
  }
  return language;
}

/** The vocabulary for a locale. */
export function reviewLanguage(locale: Locale): ReviewLanguage {
  return inLocale(REVIEW_LANGUAGES, locale);
}

/** The flow report's vocabulary for a locale. */
export function flowReportLanguage(locale: Locale): FlowReportLanguage {
  return inLocale(FLOW_REPORT_LANGUAGES, locale);
}
