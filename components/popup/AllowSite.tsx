import type { Settings } from '@/lib/settings/defaults';
import type { UiLanguage } from '@/lib/i18n/language';
import { popupText } from '@/lib/i18n/popup';

/** Where "Allow on this site" is: not asked yet, asking the browser, or refused. */
export type AllowState = 'idle' | 'asking' | 'refused';

export interface AllowSiteProps {
  lang: UiLanguage;
  site: string;
  mode: Settings['sites'];
  state: AllowState;
  onAllow: () => void;
  onChooseWhere: () => void;
}

/** A site HLED Lens may not read: why, and the button that asks the browser for it. */
export function AllowSite({ lang, site, mode, state, onAllow, onChooseWhere }: AllowSiteProps) {
  const t = popupText(lang);
  return (
    <div class="allow-site">
      <p class="note strong">{mode === 'chosen' ? t('popup_notChosen', { site }) : t('popup_notAllowed', { site })}</p>
      {mode === 'all' ? <p class="note small">{t('popup_notAllowedAll')}</p> : null}
      <p class="allow-actions">
        <button type="button" class="primary" id="allow-site" disabled={state === 'asking'} onClick={onAllow}>
          {t('popup_allowSite')}
        </button>
        <button type="button" class="link" onClick={onChooseWhere}>
          {t('popup_chooseWhere')}
        </button>
      </p>
      <p class="note small" role="status">
        {state === 'asking' ? t('popup_allowing') : state === 'refused' ? t('popup_refused') : ''}
      </p>
    </div>
  );
}
