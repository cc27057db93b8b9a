import type { Correction } from '@/lib/settings/corrections';
import { OPTIONS_STRINGS } from '@/lib/ui/options-strings';
import { fill, type UiLanguage } from '@/lib/ui/strings';

export interface CorrectionsSectionProps {
  lang: UiLanguage;
  corrections: readonly Correction[];
  /** Display name of an entity id (the id itself when the corpus no longer has it). */
  nameOf: (entityId: string) => string;
  onUndo: (c: Correction) => void;
}

/** The reader's "not this" corrections, newest first, each undone with one button. */
export function CorrectionsSection({ lang, corrections, nameOf, onUndo }: CorrectionsSectionProps) {
  const s = OPTIONS_STRINGS[lang];
  return (
    <section aria-labelledby="corrections-title">
      <h2 id="corrections-title">{s.corrections}</h2>
      {corrections.length ? (
        <ul class="corrections-list">
          {[...corrections].reverse().map((c) => {
            const values = { alias: c.alias, name: nameOf(c.entity), site: c.site };
            return (
              <li key={`${c.site}\u0000${c.entity}\u0000${c.alias}`}>
                {fill(s.correctionLine, values)}{' '}
                <button type="button" aria-label={fill(s.undoLabel, values)} onClick={() => onUndo(c)}>
                  {s.undo}
                </button>
              </li>
            );
          })}
        </ul>
      ) : (
        <p class="muted">{s.correctionsNone}</p>
      )}
    </section>
  );
}
