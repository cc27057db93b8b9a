import { rolesAt, latestRole, spanStatus } from '@/lib/corpus/as-of';
import type { EntityCard } from '@/lib/messages';
import { formatDate, formatRange, roleTitle, rolesNewestFirst } from '@/lib/ui/format';
import type { CardText } from '@/lib/i18n/card';
import type { UiLanguage } from '@/lib/i18n/language';
import type { Role } from '@/lib/corpus/fields';

interface Props {
  card: Pick<EntityCard, 'type' | 'roles' | 'period'>;
  /** The article's publication date, when the page gives one. */
  pageDate: string | null;
  t: CardText;
  lang: UiLanguage;
}

function RoleLine({ role, lang }: { role: Role; lang: UiLanguage }) {
  return (
    <li>
      <span class="role">{roleTitle(role, lang)}</span> <span class="when">{formatRange(role.from, role.to, lang)}</span>
    </li>
  );
}

/**
 * Roles and periods read against the article's date: on a dated page, the role(s) held that day
 * ("at the time of this article"), then the latest role when it differs, then the rest folded
 * away; on an undated page, every role with its dates, newest first. A program's or event's
 * period says whether it had started, was under way or was over on that date.
 */
export function RolesAsOf({ card, pageDate, t, lang }: Props) {
  const all = rolesNewestFirst(card.roles);
  const status = (date: string) => spanStatus(card.period!, date);
  const period = card.period ? (
    <p class="period">
      <span class="when">{formatRange(card.period.from, card.period.to ?? null, lang)}</span>
      {pageDate ? (
        <span class="then">
          {' · '}
          {t('card_periodAtTime', { status: t(card.type === 'event' ? `card_eventStatus_${status(pageDate)}` : `card_periodStatus_${status(pageDate)}`) })}
        </span>
      ) : null}
    </p>
  ) : null;
  if (!all.length) return period;
  if (!pageDate) {
    return (
      <section aria-label={t('card_roles')}>
        {period}
        <ul class="roles">
          {all.map((r) => (
            <RoleLine key={`${r.title_en}${r.from}`} role={r} lang={lang} />
          ))}
        </ul>
      </section>
    );
  }
  const then = rolesAt(card.roles, pageDate);
  const latest = latestRole(card.roles)!;
  const showLatest = !then.includes(latest);
  const rest = all.filter((r) => !then.includes(r) && r !== latest);
  return (
    <section aria-label={t('card_roles')}>
      {period}
      {then.length ? (
        <div class="then-roles">
          <p class="label">{t('card_atTheTime', { date: formatDate(pageDate, lang) })}</p>
          <ul class="roles">
            {then.map((r) => (
              <RoleLine key={`${r.title_en}${r.from}`} role={r} lang={lang} />
            ))}
          </ul>
        </div>
      ) : (
        <p class="label no-role">{t('card_noRoleAtTime', { date: formatDate(pageDate, lang) })}</p>
      )}
      {showLatest ? (
        <div class="latest-role">
          <p class="label">{t('card_latestRole')}</p>
          <ul class="roles">
            <RoleLine role={latest} lang={lang} />
          </ul>
        </div>
      ) : null}
      {rest.length ? (
        <details class="other-roles">
          <summary>{t.plural('card_otherRoles', rest.length)}</summary>
          <ul class="roles">
            {rest.map((r) => (
              <RoleLine key={`${r.title_en}${r.from}`} role={r} lang={lang} />
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
