import type { Settings } from '@/lib/settings/defaults';
import type { UiLanguage } from '@/lib/i18n/language';
import { optionsText } from '@/lib/i18n/options';

/** Something the last action left to say. */
export type SitesNotice = 'refusedAll' | 'missing' | null;

export interface SitesSectionProps {
  lang: UiLanguage;
  settings: Settings;
  /** Whether HLED Lens has access to every site now. */
  allGranted: boolean;
  /** Chosen sites HLED Lens has no access to now (refused, or taken back in the browser). */
  withoutAccess: ReadonlySet<string>;
  notice: SitesNotice;
  /** Each of these must ask the browser before awaiting anything: they run inside the click. */
  onMode: (mode: Settings['sites']) => void;
  onAllowSite: (site: string) => void;
  onStopSite: (site: string) => void;
}

/** "Where it runs": every site or only chosen ones, whether access is granted, the chosen sites. */
export function SitesSection({ lang, settings, allGranted, withoutAccess, notice, onMode, onAllowSite, onStopSite }: SitesSectionProps) {
  const t = optionsText(lang);
  const chosen = settings.sites === 'chosen';
  return (
    <section aria-labelledby="sites-title" class="sites">
      <h2 id="sites-title">{t('options_sitesTitle')}</h2>
      <p class="help">{t('options_sitesHelp')}</p>
      <fieldset>
        <legend class="visually-hidden">{t('options_sitesTitle')}</legend>
        <label class="mode">
          <input type="radio" name="sites" id="sites-all" checked={!chosen} onChange={() => onMode('all')} /> {t('options_sitesAll')}
        </label>
        {!chosen ? (
          <p class={allGranted ? 'access ok' : 'access missing'}>
            {allGranted ? t('options_sitesAllGranted') : t('options_sitesAllMissing')}{' '}
            {allGranted ? null : (
              <button type="button" class="primary" id="allow-all" onClick={() => onMode('all')}>
                {t('options_sitesAllowAll')}
              </button>
            )}
          </p>
        ) : null}
        <label class="mode">
          <input type="radio" name="sites" id="sites-chosen" checked={chosen} onChange={() => onMode('chosen')} /> {t('options_sitesChosen')}
        </label>
        <p class="hint">{t('options_sitesChosenHelp')}</p>
      </fieldset>
      {notice ? (
        <p class="errors" role="alert">
          {notice === 'refusedAll' ? t('options_sitesRefusedAll') : t('options_sitesMissing')}
        </p>
      ) : null}
      {chosen || settings.chosenSites.length ? (
        <>
          <h3>{t('options_sitesChosenList')}</h3>
          {settings.chosenSites.length ? (
            <ul class="chosen-sites">
              {settings.chosenSites.map((site) => (
                <li key={site}>
                  <span class="site">{site}</span>
                  {withoutAccess.has(site) ? <span class="no-access"> · {t('options_sitesNoAccess')}</span> : null}{' '}
                  {withoutAccess.has(site) ? (
                    <button type="button" aria-label={t('options_sitesAllowSiteLabel', { site })} onClick={() => onAllowSite(site)}>
                      {t('options_sitesAllowSite')}
                    </button>
                  ) : null}{' '}
                  <button type="button" aria-label={t('options_sitesStopSiteLabel', { site })} onClick={() => onStopSite(site)}>
                    {t('options_sitesStopSite')}
                  </button>
                </li>
              ))}
            </ul>
          ) : (
            <p class="note">{t('options_sitesNoneChosen')}</p>
          )}
        </>
      ) : null}
    </section>
  );
}
