import type { Correction } from '@/lib/settings/corrections';
import type { UiLanguage } from '@/lib/i18n/language';
import { optionsText } from '@/lib/i18n/options';

export interface CorrectionsSectionProps {
  lang: UiLanguage;
  corrections: readonly Correction[];
  /** Display name of an entity id (the id itself when the corpus no longer has it). */
  nameOf: (entityId: string) => string;
  onUndo: (c: Correction) => void;
}

/** The reader's "not this" corrections, newest first, each undone with one button. */
export function CorrectionsSection({ lang, corrections, nameOf, onUndo }: CorrectionsSectionProps) {
  const t = optionsText(lang);
  return (
    <section aria-labelledby="corrections-title">
      <h2 id="corrections-title">{t('options_corrections')}</h2>
      {corrections.length ? (
        <ul class="corrections-list">
          {[...corrections].reverse().map((c) => {
            const values = { alias: c.alias, name: nameOf(c.entity), site: c.site };
            return (
              <li key={`${c.site}\u0000${c.entity}\u0000${c.alias}`}>
                {t('options_correctionLine', values)}{' '}
                <button type="button" aria-label={t('options_undoLabel', values)} onClick={() => onUndo(c)}>
                  {t('options_undo')}
                </button>
              </li>
            );
          })}
        </ul>
      ) : (
        <p class="muted">{t('options_correctionsNone')}</p>
      )}
    </section>
  );
}
