import { ENTITY_TYPES, type EntityTypeName } from '@/lib/corpus/constants';
import type { Settings } from '@/lib/settings/defaults';
import { OPTIONS_STRINGS } from '@/lib/ui/options-strings';
import { STRINGS, type UiLanguage } from '@/lib/ui/strings';

export interface SettingsSectionProps {
  lang: UiLanguage;
  settings: Settings;
  shortcut: string | null;
  onChange: (next: Partial<Settings>) => void;
  onChangeShortcut: () => void;
}

/** Every setting of `lib/settings`, saved as it changes and applied live in open tabs. */
export function SettingsSection({ lang, settings, shortcut, onChange, onChangeShortcut }: SettingsSectionProps) {
  const s = OPTIONS_STRINGS[lang];
  const toggleType = (t: EntityTypeName, on: boolean) => onChange({ types: on ? [...new Set([...settings.types, t])] : settings.types.filter((x) => x !== t) });
  return (
    <section aria-labelledby="settings-title">
      <h2 id="settings-title">{s.settings}</h2>
      <p>
        <label>
          <input type="checkbox" id="setting-enabled" checked={settings.enabled} onChange={(e) => onChange({ enabled: e.currentTarget.checked })} /> {s.enabled}
        </label>
      </p>
      <fieldset>
        <legend>{s.types}</legend>
        {ENTITY_TYPES.map((t) => (
          <label key={t} class="inline">
            <input type="checkbox" checked={settings.types.includes(t)} onChange={(e) => toggleType(t, e.currentTarget.checked)} /> {STRINGS[lang].types[t]}
          </label>
        ))}
      </fieldset>
      <p>
        <label for="setting-delay">{s.hoverDelay}</label>{' '}
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
        <legend>{s.style}</legend>
        {(['background', 'underline'] as const).map((v) => (
          <label key={v} class="inline">
            <input type="radio" name="style" checked={settings.highlightStyle === v} onChange={() => onChange({ highlightStyle: v })} /> {s.styles[v]}
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
          {s.everyMention}
        </label>
      </p>
      <p>
        <label for="setting-sites">{s.sites}</label>
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
        <label for="setting-language">{s.language}</label>{' '}
        <select id="setting-language" value={settings.language} onChange={(e) => onChange({ language: e.currentTarget.value as Settings['language'] })}>
          {(['auto', 'en', 'es'] as const).map((v) => (
            <option key={v} value={v}>
              {s.languages[v]}
            </option>
          ))}
        </select>
      </p>
      <p>
        {s.shortcut}: <kbd>{shortcut || s.noShortcut}</kbd>{' '}
        <button type="button" class="link" onClick={onChangeShortcut}>
          {s.changeShortcut}
        </button>
      </p>
    </section>
  );
}
