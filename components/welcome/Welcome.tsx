import { useState } from 'preact/hooks';
import type { UiLanguage } from '@/lib/i18n/language';
import { welcomeText } from '@/lib/i18n/welcome';

/** What the reader chose here, or was refused. */
export type WelcomeOutcome = 'all' | 'chosen' | 'refused';

export interface WelcomeProps {
  lang: UiLanguage;
  /** Shown at first: the choice already made, when the page is opened again. */
  initial: WelcomeOutcome | null;
  /** Asks for every site; must ask at once, inside the click. True when granted. */
  onAllowAll: () => Promise<boolean>;
  /** Switches to "only sites I choose". */
  onChooseSites: () => Promise<void>;
  onOpenOptions: () => void;
}

/** The first-run page: what the extension reads, and where it may run. */
export function Welcome({ lang, initial, onAllowAll, onChooseSites, onOpenOptions }: WelcomeProps) {
  const t = welcomeText(lang);
  const [outcome, setOutcome] = useState<WelcomeOutcome | null>(initial);
  const [busy, setBusy] = useState(false);
  const run = (work: () => Promise<WelcomeOutcome>) => {
    setBusy(true);
    work()
      .then(setOutcome, () => setOutcome('refused'))
      .finally(() => setBusy(false));
  };
  return (
    <main class="welcome">
      <h1>{t('welcome_title')}</h1>
      <p class="lede">{t('welcome_lede')}</p>
      <section class="reads" aria-labelledby="reads-title">
        <h2 id="reads-title">{t('welcome_readsTitle')}</h2>
        <p>{t('welcome_reads')}</p>
      </section>
      <section aria-labelledby="choose-title">
        <h2 id="choose-title">{t('welcome_chooseTitle')}</h2>
        <div class="choices">
          <div class={`choice${outcome === 'all' ? ' chosen' : ''}`}>
            <h3>{t('welcome_allTitle')}</h3>
            <p>{t('welcome_allHelp')}</p>
            <button type="button" class="primary" id="allow-all" disabled={busy} onClick={() => run(async () => ((await onAllowAll()) ? 'all' : 'refused'))}>
              {t('welcome_allButton')}
            </button>
          </div>
          <div class={`choice${outcome === 'chosen' ? ' chosen' : ''}`}>
            <h3>{t('welcome_chosenTitle')}</h3>
            <p>{t('welcome_chosenHelp')}</p>
            <button type="button" id="choose-sites" disabled={busy} onClick={() => run(async () => (await onChooseSites(), 'chosen'))}>
              {t('welcome_chosenButton')}
            </button>
          </div>
        </div>
        <p class={`outcome${outcome === 'refused' ? ' refused' : ''}`} role="status">
          {outcome === 'all' ? t('welcome_doneAll') : outcome === 'chosen' ? t('welcome_doneChosen') : outcome === 'refused' ? t('welcome_refusedAll') : ''}
        </p>
      </section>
      <p class="later">
        {t('welcome_later')}{' '}
        <button type="button" class="link" onClick={onOpenOptions}>
          {t('welcome_openOptions')}
        </button>
      </p>
    </main>
  );
}
