import type { Role } from '../corpus/fields';
import { cardText } from '../i18n/card';
import { intlLocale, type UiLanguage } from '../i18n/language';

/**
 * A date as readers of each language write it: "Sep 12, 2022" / "12 sept 2022". Partial dates
 * keep their precision: "Jun 2023", "2018". Dates are calendar dates: formatted in UTC so no
 * time zone moves them a day.
 */
export function formatDate(date: string, lang: UiLanguage): string {
  const [y, m, d] = date.split('-').map(Number);
  if (!m) return String(y);
  const at = new Date(Date.UTC(y!, m - 1, d ?? 1));
  const opts: Intl.DateTimeFormatOptions = d ? { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' } : { year: 'numeric', month: 'short', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(intlLocale(lang), opts).format(at).replace(/\.(?= |$)/, '');
}

/** "Dec 2018 – Jun 2023", "since Oct 2024", or one date when both ends are the same. */
export function formatRange(from: string | null, to: string | null, lang: UiLanguage): string {
  const t = cardText(lang);
  if (from && to) return from === to ? formatDate(from, lang) : `${formatDate(from, lang)} – ${formatDate(to, lang)}`;
  if (from) return t('card_since', { date: formatDate(from, lang) });
  if (to) return t('card_until', { date: formatDate(to, lang) });
  return '';
}

export function roleTitle(role: Role, lang: UiLanguage): string {
  return lang === 'es' ? role.title_es : role.title_en;
}

/** "Mentioned in 3 documents, Sep 12, 2022 – Oct 22, 2025". */
export function mentionSummary(documents: number, first: string | null, last: string | null, lang: UiLanguage): string {
  const t = cardText(lang);
  if (documents === 0) return t('card_notMentioned');
  const count = t.plural('card_mentioned', documents);
  const range = formatRange(first, last, lang);
  return range ? `${count}, ${range}` : count;
}

/** A moment (an ISO string or epoch ms) with date and time, as readers of the language write it. */
export function formatDateTime(at: string | number, lang: UiLanguage): string {
  return new Date(at).toLocaleString(intlLocale(lang));
}

/** Roles newest first: an open role first, then by start date. */
export function rolesNewestFirst(roles: readonly Role[]): Role[] {
  return [...roles].sort((a, b) => (b.to === null ? 1 : 0) - (a.to === null ? 1 : 0) || b.from.localeCompare(a.from));
}
