import type { CorpusInfo, ReplyValues } from '@/lib/messages';
import type { HistoryEntry } from '@/lib/store/db';
import { formatDate, formatDateTime } from '@/lib/ui/format';
import { historyNoteText } from '@/lib/ui/history-note';
import type { UiLanguage } from '@/lib/i18n/language';
import { optionsText } from '@/lib/i18n/options';

const ACTION_KEYS = {
  install: 'options_actions_install',
  update: 'options_actions_update',
  import: 'options_actions_import',
  restore: 'options_actions_restore',
  reset: 'options_actions_reset',
  'rebuild-index': 'options_actions_rebuildIndex',
} as const satisfies Record<HistoryEntry['action'], string>;

export interface CorpusSectionProps {
  lang: UiLanguage;
  info: CorpusInfo | null;
  history: ReplyValues['history'] | null;
  onRestore: () => void;
  onReset: () => void;
  onExport: () => void;
}

/** The active corpus, its history, and the ways back: restore previous, reset, export. */
export function CorpusSection({ lang, info, history, onRestore, onReset, onExport }: CorpusSectionProps) {
  const t = optionsText(lang);
  return (
    <section aria-labelledby="corpus-title">
      <h2 id="corpus-title">{t('options_active')}</h2>
      {info ? (
        <p class="active-corpus">
          {t('options_activeLine', {
            name: info.name,
            version: info.corpusVersion,
            source: t(`options_source_${info.source}`),
            documents: info.documents,
            entities: info.entities,
            first: formatDate(info.first, lang),
            last: formatDate(info.last, lang),
          })}
        </p>
      ) : null}
      {info ? (
        <p class="provenance">
          {info.signer ? t('options_signedBy', { name: info.signer, kid: info.signerKid ?? '—' }) : info.source === 'builtin' ? t('options_shippedSigned') : t('options_notVerified')}
          {` ${t('options_dataAsOf', { date: formatDate(info.dataAsOf, lang) })}`}
        </p>
      ) : null}
      <p class="buttons">
        <button type="button" onClick={onRestore} disabled={!history?.previous}>
          {history?.previous ? t('options_restorePrevious', { version: history.previous.corpusVersion }) : t('options_restoreNone')}
        </button>{' '}
        <button type="button" onClick={onReset}>
          {t('options_resetBuiltin')}
        </button>{' '}
        <button type="button" onClick={onExport}>
          {t('options_export')}
        </button>
      </p>
      <h3>{t('options_history')}</h3>
      {history?.entries.length ? (
        <ol class="history">
          {history.entries.map((h) => (
            <li key={h.id}>
              <time dateTime={h.at}>{formatDateTime(h.at, lang)}</time> — {h.action === 'import' && h.source ? t(`options_source_${h.source}`) : t(ACTION_KEYS[h.action])}{' '}
              {h.corpusVersion}
              {h.note ? <span class="note"> · {historyNoteText(h.note, lang)}</span> : null}
            </li>
          ))}
        </ol>
      ) : (
        <p>{t('options_noHistory')}</p>
      )}
    </section>
  );
}
