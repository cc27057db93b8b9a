import { useState } from 'preact/hooks';
import type { Client } from '@/lib/client';
import type { ImportSummary } from '@/lib/corpus/diff';
import type { Verification } from '@/lib/corpus/signing';
import { BundleFileError, readBundleFile } from '@/lib/ui/bundle-file';
import { errorText, fileProblemText } from '@/lib/ui/error-text';
import { FetchBundleError, fetchBundle, type FetchDeps } from '@/lib/ui/fetch-bundle';
import { formatDate } from '@/lib/ui/format';
import type { UiLanguage } from '@/lib/i18n/language';
import { around } from '@/lib/i18n/lookup';
import { optionsText } from '@/lib/i18n/options';

type State =
  | { step: 'idle' }
  | { step: 'checking' }
  | { step: 'preview'; summary: ImportSummary & { verification: Verification }; json: string; signature: string | null; source: 'file' | 'url' }
  | { step: 'applying' }
  | { step: 'done'; version: string }
  /** Kept raw (English validator text, file problems) and put in the reader's language when shown. */
  | { step: 'error'; error: unknown; json: string | null };

const COLUMN_KEYS = { added: 'options_added', removed: 'options_removed', changed: 'options_changed' } as const;

const UNVERIFIED_KEYS = {
  unsigned: 'options_unverified_unsigned',
  'unknown-signer': 'options_unverified_unknownSigner',
  'bad-signature': 'options_unverified_badSignature',
} as const satisfies Record<Exclude<Verification, { ok: true }>['code'], string>;

export interface ImportSectionProps {
  lang: UiLanguage;
  /** The active corpus version: a "done" note is shown only while it is still the active one. */
  activeVersion: string | null;
  ask: Client;
  fetchDeps: FetchDeps;
  /** Called after the active corpus changed. */
  onChanged: () => void;
}

/** Import a bundle from a file (picker or drop) or a URL: check, summarize, confirm, apply. */
export function ImportSection({ lang, activeVersion, ask, fetchDeps, onChanged }: ImportSectionProps) {
  const t = optionsText(lang);
  const [state, setState] = useState<State>({ step: 'idle' });
  const [url, setUrl] = useState('');
  const [dragging, setDragging] = useState(false);
  const importHelp = around(t('options_importHelp'), 'command');

  const problemText = (e: unknown, json: string | null): string[] => {
    if (e instanceof BundleFileError) return [fileProblemText(e.problem, lang)];
    if (e instanceof FetchBundleError) {
      const p = e.problem;
      if (p.code === 'not-https' || p.code === 'bad-url') return [t('options_urlNotHttps')];
      if (p.code === 'permission-denied') return [t('options_permissionDenied', { origin: p.origin })];
      return [t('options_fetchFailed', { url, reason: p.code === 'http' ? `HTTP ${p.status}` : p.reason })];
    }
    return (e as Error).message.split('\n').map((m) => withItemIds(errorText(m, lang), json));
  };

  const check = async (read: () => Promise<string>, readSignature: () => Promise<string | null>, source: 'file' | 'url') => {
    setState({ step: 'checking' });
    let json: string | null = null;
    try {
      json = await read();
      const signature = await readSignature().catch(() => null);
      setState({ step: 'preview', summary: await ask({ type: 'previewImport', json, signature }), json, signature, source });
    } catch (e) {
      setState({ step: 'error', error: e, json });
    }
  };
  // A bundle may come with its signature file (`F.sig`), picked or dropped together.
  const onFiles = (files: FileList | null | undefined) => {
    const list = [...(files ?? [])];
    const bundle = list.find((f) => !f.name.toLowerCase().endsWith('.sig'));
    const sig = list.find((f) => f.name.toLowerCase().endsWith('.sig'));
    if (bundle) void check(() => readBundleFile(bundle), async () => (sig ? sig.text() : null), 'file');
  };
  const fetchSignature = async (): Promise<string | null> => {
    const r = await fetchDeps.fetch(signatureUrlOf(url), { mode: 'cors', credentials: 'omit', cache: 'no-store' });
    return r.ok ? (await r.text()).slice(0, 65_536) : null;
  };
  const apply = async (json: string, signature: string | null, source: 'file' | 'url') => {
    setState({ step: 'applying' });
    try {
      const info = await ask({ type: 'importBundle', json, source, signature });
      setState({ step: 'done', version: info.corpusVersion });
      onChanged();
    } catch (e) {
      setState({ step: 'error', error: e, json });
    }
  };

  return (
    <section aria-labelledby="import-title">
      <h2 id="import-title">{t('options_importTitle')}</h2>
      <p class="help">
        {importHelp[0]}
        <code>npm run corpus</code>
        {importHelp[1]}
      </p>
      <div
        class={dragging ? 'drop dragging' : 'drop'}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          onFiles(e.dataTransfer?.files);
        }}
      >
        <label for="bundle-file">{t('options_chooseFile')}</label>{' '}
        <input id="bundle-file" type="file" multiple accept=".json,.gz,.sig,application/json,application/gzip" onChange={(e) => onFiles(e.currentTarget.files)} />{' '}
        <span class="hint">{t('options_dropHere')}</span>
      </div>
      <form
        class="url-form"
        onSubmit={(e) => {
          e.preventDefault();
          void check(() => fetchBundle(url, fetchDeps), fetchSignature, 'url');
        }}
      >
        <label for="bundle-url">{t('options_fromUrl')}</label>
        <input id="bundle-url" type="url" inputMode="url" value={url} onInput={(e) => setUrl(e.currentTarget.value)} placeholder="https://" />
        <button type="submit">{t('options_fetch')}</button>
      </form>
      <div class="status" aria-live="polite">
        {state.step === 'checking' || state.step === 'applying' ? (
          <p>
            <progress aria-label={state.step === 'checking' ? t('options_checking') : t('options_applying')} /> {state.step === 'checking' ? t('options_checking') : t('options_applying')}
          </p>
        ) : null}
        {state.step === 'done' && state.version === activeVersion ? <p class="ok">{t('options_imported', { version: state.version })}</p> : null}
        {state.step === 'error' ? (
          <div class="errors" role="alert">
            <p>{t('options_errorsTitle')}</p>
            <ul>
              {problemText(state.error, state.json).map((m, i) => (
                <li key={i}>
                  <code>{m}</code>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
      {state.step === 'preview' ? <Summary lang={lang} summary={state.summary} onConfirm={() => void apply(state.json, state.signature, state.source)} onCancel={() => setState({ step: 'idle' })} /> : null}
    </section>
  );
}

function Summary({ lang, summary, onConfirm, onCancel }: { lang: UiLanguage; summary: ImportSummary & { verification: Verification }; onConfirm: () => void; onCancel: () => void }) {
  const t = optionsText(lang);
  const v = summary.verification;
  // An unverified bundle needs an explicit "I understand" before Import is possible.
  const [accepted, setAccepted] = useState(false);
  const rows = (title: string, list: ImportSummary['documents']) => (
    <tr>
      <th scope="row">{title}</th>
      {(['added', 'removed', 'changed'] as const).map((k) => (
        <td key={k} data-kind={k}>
          <span class="count">
            <strong>{list[k].length}</strong> {t(COLUMN_KEYS[k])}
          </span>
          {list[k].length ? (
            <ul>
              {list[k].slice(0, 8).map((x) => (
                <li key={x.id}>
                  {x.label}
                  {x.date ? ` (${formatDate(x.date, lang)})` : ''}
                </li>
              ))}
              {list[k].length > 8 ? <li>…</li> : null}
            </ul>
          ) : null}
        </td>
      ))}
    </tr>
  );
  return (
    <div class="summary" role="group" aria-labelledby="summary-title">
      <h3 id="summary-title">{t('options_summaryTitle', { name: summary.name, to: summary.corpusVersion.to })}</h3>
      {summary.corpusVersion.from ? <p>{t('options_replaces', { from: summary.corpusVersion.from })}</p> : null}
      {summary.older ? <p class="warning">{t('options_olderWarning')}</p> : null}
      {v.ok ? (
        <p class="verified">{t('options_verifiedBy', { name: v.signer.name })}</p>
      ) : (
        <div class="unverified" role="alert">
          <p class="warning">{t(UNVERIFIED_KEYS[v.code], { kid: v.kid ?? '—' })}</p>
          <label class="inline">
            <input type="checkbox" checked={accepted} onChange={(e) => setAccepted(e.currentTarget.checked)} /> {t('options_acceptUnverified')}
          </label>
        </div>
      )}
      <table>
        <tbody>
          {rows(t('options_documents'), summary.documents)}
          {rows(t('options_entities'), summary.entities)}
        </tbody>
      </table>
      <p class="buttons">
        <button type="button" class="primary" disabled={!v.ok && !accepted} onClick={onConfirm}>
          {t('options_confirm')}
        </button>{' '}
        <button type="button" onClick={onCancel}>
          {t('options_cancel')}
        </button>
      </p>
    </div>
  );
}

/** `…/bundle.json` → `…/bundle.json.sig` (query and fragment dropped). */
function signatureUrlOf(raw: string): string {
  const u = new URL(raw.trim());
  return `${u.origin}${u.pathname}.sig`;
}

/**
 * Adds the id of the document or entity an error points at ("documents[2].date" →
 * "documents[2] (004_…).date"), so a maintainer need not count.
 */
function withItemIds(message: string, json: string | null): string {
  if (!json) return message;
  let parsed: { documents?: { id?: unknown }[]; entities?: { id?: unknown }[] };
  try {
    parsed = JSON.parse(json);
  } catch {
    return message;
  }
  return message.replace(/\b(documents|entities)\[(\d+)\]/, (m, list: 'documents' | 'entities', i: string) => {
    const id = parsed[list]?.[Number(i)]?.id;
    return typeof id === 'string' ? `${m} (${id})` : m;
  });
}
