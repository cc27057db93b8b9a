import { useState } from 'preact/hooks';
import type { Client } from '@/lib/client';
import type { SubscriptionStatus } from '@/lib/store/updater';
import { errorText } from '@/lib/ui/error-text';
import { formatDate, formatDateTime } from '@/lib/ui/format';
import type { UiLanguage } from '@/lib/i18n/language';
import { optionsText } from '@/lib/i18n/options';
import { resultText } from '@/lib/ui/update-text';
import { checkSubscriptionUrl } from '@/lib/updates/url';

export interface SubscriptionSectionProps {
  lang: UiLanguage;
  status: SubscriptionStatus | null;
  ask: Client;
  /**
   * Makes sure the background may fetch from the URL's origin: nothing to do when the server
   * allows CORS; otherwise asks the reader for that one origin. False when refused.
   */
  ensureAccess: (url: string) => Promise<boolean>;
  allowLoopbackHttp: boolean;
  /** Called with the new status (and after the corpus may have changed). */
  onChanged: (status: SubscriptionStatus) => void;
}

/** Subscribe to a published corpus, check it now, and read the log of every check. */
export function SubscriptionSection({ lang, status, ask, ensureAccess, allowLoopbackHttp, onChanged }: SubscriptionSectionProps) {
  const t = optionsText(lang);
  const [url, setUrl] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const sub = status?.subscription ?? null;
  const last = status?.log[0];
  const time = (at: string | number) => formatDateTime(at, lang);

  const run = async (work: () => Promise<SubscriptionStatus>) => {
    setBusy(true);
    setError(null);
    try {
      onChanged(await work());
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const subscribe = () =>
    run(async () => {
      if (!checkSubscriptionUrl(url, allowLoopbackHttp)) throw new Error(t('options_subscriptionNeedsHttps'));
      const origin = new URL(url.trim()).origin;
      if (!(await ensureAccess(url.trim()))) throw new Error(t('options_permissionDenied', { origin }));
      const next = await ask({ type: 'subscribe', url: url.trim() });
      setUrl('');
      return next;
    });

  return (
    <section aria-labelledby="subscription-title" class="subscription">
      <h2 id="subscription-title">{t('options_subscriptionTitle')}</h2>
      <p class="help">{t('options_subscriptionHelp')}</p>
      {sub ? (
        <div class="subscription-state">
          <p class="subscribed">{t('options_subscribedTo', { url: sub.url, date: formatDate(sub.subscribedAt.slice(0, 10), lang) })}</p>
          {last ? (
            <p class={last.result === 'failed' ? 'last-check failed' : 'last-check'}>{t('options_lastCheck', { time: time(last.at), result: resultText(last, lang) })}</p>
          ) : null}
          {sub.heldBack ? <p class="held-back">{t('options_heldBack', { version: sub.heldBack })}</p> : null}
          {sub.nextCheckAt ? <p class="next-check">{t('options_nextCheck', { time: time(sub.nextCheckAt) })}</p> : null}
          <p class="buttons">
            <button type="button" class="primary" disabled={busy} onClick={() => void run(() => ask({ type: 'updateNow' }))}>
              {t('options_updateNow')}
            </button>{' '}
            <button type="button" disabled={busy} onClick={() => void run(() => ask({ type: 'unsubscribe' }))}>
              {t('options_unsubscribe')}
            </button>
          </p>
        </div>
      ) : (
        <p class="not-subscribed">{t('options_notSubscribed')}</p>
      )}
      <form
        class="url-form"
        onSubmit={(e) => {
          e.preventDefault();
          void subscribe();
        }}
      >
        <label for="subscription-url">{t('options_subscriptionUrl')}</label>
        <input id="subscription-url" type="url" inputMode="url" value={url} onInput={(e) => setUrl(e.currentTarget.value)} placeholder="https://…/latest.json" />
        <button type="submit" disabled={busy}>
          {t('options_subscribe')}
        </button>
      </form>
      <div class="subscription-status" aria-live="polite">
        {busy ? (
          <p>
            <progress aria-label={t('options_checkingNow')} /> {t('options_checkingNow')}
          </p>
        ) : null}
        {error ? (
          <p class="errors" role="alert">
            {errorText(error, lang)}
          </p>
        ) : null}
      </div>
      <h3>{t('options_updateLog')}</h3>
      {status?.log.length ? (
        <ol class="update-log">
          {status.log.map((entry) => (
            <li key={entry.id} data-result={entry.result}>
              <time dateTime={entry.at}>{time(entry.at)}</time> — {resultText(entry, lang)}
              {entry.manual ? <span class="note"> · {t('options_manual')}</span> : null}
            </li>
          ))}
        </ol>
      ) : (
        <p>{t('options_noUpdates')}</p>
      )}
    </section>
  );
}
