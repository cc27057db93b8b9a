import type { CorpusInfo, ReplyValues } from '@/lib/messages';
import { formatDate } from '@/lib/ui/format';
import { OPTIONS_STRINGS } from '@/lib/ui/options-strings';
import { fill, type UiLanguage } from '@/lib/ui/strings';

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
  const s = OPTIONS_STRINGS[lang];
  return (
    <section aria-labelledby="corpus-title">
      <h2 id="corpus-title">{s.active}</h2>
      {info ? (
        <p class="active-corpus">
          {fill(s.activeLine, {
            name: info.name,
            version: info.corpusVersion,
            source: s.source[info.source],
            documents: info.documents,
            entities: info.entities,
            first: formatDate(info.first, lang),
            last: formatDate(info.last, lang),
          })}
        </p>
      ) : null}
      {info ? (
        <p class="provenance">
          {info.signer ? fill(s.signedBy, { name: info.signer, kid: info.signerKid ?? '—' }) : info.source === 'builtin' ? s.shippedSigned : s.notVerified}
          {` ${fill(s.dataAsOf, { date: formatDate(info.dataAsOf, lang) })}`}
        </p>
      ) : null}
      <p class="buttons">
        <button type="button" onClick={onRestore} disabled={!history?.previous}>
          {history?.previous ? fill(s.restorePrevious, { version: history.previous.corpusVersion }) : s.restoreNone}
        </button>{' '}
        <button type="button" onClick={onReset}>
          {s.resetBuiltin}
        </button>{' '}
        <button type="button" onClick={onExport}>
          {s.export}
        </button>
      </p>
      <h3>{s.history}</h3>
      {history?.entries.length ? (
        <ol class="history">
          {history.entries.map((h) => (
            <li key={h.id}>
              <time dateTime={h.at}>{new Date(h.at).toLocaleString(lang === 'es' ? 'es' : 'en-US')}</time> — {h.action === 'import' && h.source ? s.source[h.source] : s.actions[h.action]}{' '}
              {h.corpusVersion}
              {h.note ? <span class="note"> · {h.note}</span> : null}
            </li>
          ))}
        </ol>
      ) : (
        <p>{s.noHistory}</p>
      )}
    </section>
  );
}
