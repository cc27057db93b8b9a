import { ENTITY_TYPES, type EntityTypeName } from '@/lib/corpus/constants';
import type { Settings } from '@/lib/settings/defaults';
import { cardText } from '@/lib/i18n/card';
import type { UiLanguage } from '@/lib/i18n/language';
import { optionsText } from '@/lib/i18n/options';

export interface SettingsSectionProps {
  lang: UiLanguage;
  settings: Settings;
  shortcut: string | null;
  onChange: (next: Partial<Settings>) => void;
  onChangeShortcut: () => void;
}

/** Every setting of `lib/settings`, saved as it changes and applied live in open tabs. */
export function SettingsSection({ lang, settings, shortcut, onChange, onChangeShortcut }: SettingsSectionProps) {
  const t = optionsText(lang);
  const toggleType = (type: EntityTypeName, on: boolean) => onChange({ types: on ? [...new Set([...settings.types, type])] : settings.types.filter((x) => x !== type) });
  return (
    <section aria-labelledby="settings-title">
      <h2 id="settings-title">{t('options_settings')}</h2>
      <p>
        <label>
          <input type="checkbox" id="setting-enabled" checked={settings.enabled} onChange={(e) => onChange({ enabled: e.currentTarget.checked })} /> {t('options_enabled')}
        </label>
      </p>
      <fieldset>
        <legend>{t('options_types')}</legend>
        {ENTITY_TYPES.map((type) => (
          <label key={type} class="inline">
            <input type="checkbox" checked={settings.types.includes(type)} onChange={(e) => toggleType(type, e.currentTarget.checked)} /> {cardText(lang)(`card_types_${type}`)}
          </label>
        ))}
      </fieldset>
      <p>
        <label for="setting-delay">{t('options_hoverDelay')}</label>{' '}
        <input
          id="setting-delay"
          type="number"
          min={0}
          max={3000}
          step={50}
          value={settings.hoverDelayMs}
          onChange={(e) => {
            const v = Number(e.currentTarget.value);
            if (Number.isInteger(v) && v >= 0 && v <= 3000) onChange({ hoverDelayMs: v });
          }}
        />
      </p>
      <fieldset>
        <legend>{t('options_style')}</legend>
        {(['background', 'underline'] as const).map((v) => (
          <label key={v} class="inline">
            <input type="radio" name="style" checked={settings.highlightStyle === v} onChange={() => onChange({ highlightStyle: v })} /> {t(`options_styles_${v}`)}
          </label>
        ))}
      </fieldset>
      <p>
        <label class="inline">
          <input
            id="setting-density"
            type="checkbox"
            checked={settings.density === 'all'}
            onChange={(e) => onChange({ density: e.currentTarget.checked ? 'all' : 'first-per-section' })}
          />{' '}
          {t('options_everyMention')}
        </label>
      </p>
      <p>
        <label for="setting-sites">{t('options_sites')}</label>
        <textarea
          id="setting-sites"
          rows={4}
          value={settings.disabledSites.join('\n')}
          onChange={(e) =>
            onChange({
              disabledSites: e.currentTarget.value
                .split('\n')
                .map((x) => x.trim())
                .filter(Boolean),
            })
          }
        />
      </p>
      <p>
        <label for="setting-language">{t('options_language')}</label>{' '}
        <select id="setting-language" value={settings.language} onChange={(e) => onChange({ language: e.currentTarget.value as Settings['language'] })}>
          {(['auto', 'en', 'es'] as const).map((v) => (
            <option key={v} value={v}>
              {t(`options_languages_${v}`)}
            </option>
          ))}
        </select>
      </p>
      <p>
        {t('options_shortcut')}: <kbd>{shortcut || t('options_noShortcut')}</kbd>{' '}
        <button type="button" class="link" onClick={onChangeShortcut}>
          {t('options_changeShortcut')}
        </button>
      </p>
    </section>
  );
}
