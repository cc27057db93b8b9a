import { useState } from 'preact/hooks';
import type { Client } from '@/lib/client';
import type { SubscriptionStatus } from '@/lib/store/updater';
import type { UiLanguage } from '@/lib/i18n/language';
import { optionsText } from '@/lib/i18n/options';
import { errorText } from '@/lib/ui/error-text';

export interface TrustedKeysSectionProps {
  lang: UiLanguage;
  keys: SubscriptionStatus['keys'];
  ask: Client;
  onChanged: (status: SubscriptionStatus) => void;
}

/** The keys bundles are verified with: the project's own, and publishers' keys added by name. */
export function TrustedKeysSection({ lang, keys, ask, onChanged }: TrustedKeysSectionProps) {
  const t = optionsText(lang);
  const [name, setName] = useState('');
  const [jwk, setJwk] = useState('');
  const [error, setError] = useState<string | null>(null);
  const run = async (work: () => Promise<SubscriptionStatus>, after?: () => void) => {
    setError(null);
    try {
      onChanged(await work());
      after?.();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <section aria-labelledby="keys-title">
      <h2 id="keys-title">{t('options_keysTitle')}</h2>
      <p class="help">{t('options_keysHelp')}</p>
      <ul class="keys">
        {keys.map((k) => (
          <li key={k.kid}>
            <strong>{k.name}</strong> <code class="kid">{k.kid}</code> {k.builtin ? <span class="note">({t('options_builtinKey')})</span> : null}
            {!k.builtin ? (
              <>
                {' '}
                <button type="button" class="link" onClick={() => void run(() => ask({ type: 'removeTrustedKey', kid: k.kid }))}>
                  {t('options_removeKey')}
                </button>
              </>
            ) : null}
          </li>
        ))}
      </ul>
      <form
        class="key-form"
        onSubmit={(e) => {
          e.preventDefault();
          void run(
            () => ask({ type: 'addTrustedKey', name, jwk }),
            () => {
              setName('');
              setJwk('');
            },
          );
        }}
      >
        <p>
          <label for="key-name">{t('options_keyName')}</label> <input id="key-name" type="text" value={name} maxLength={100} onInput={(e) => setName(e.currentTarget.value)} />
        </p>
        <p>
          <label for="key-jwk">{t('options_keyJwk')}</label>
          <textarea id="key-jwk" rows={3} spellcheck={false} value={jwk} onInput={(e) => setJwk(e.currentTarget.value)} placeholder='{"kty":"OKP","crv":"Ed25519","x":"…"}' />
        </p>
        <button type="submit">{t('options_addKey')}</button>
      </form>
      {error ? (
        <p class="errors" role="alert">
          {errorText(error, lang)}
        </p>
      ) : null}
    </section>
  );
}
