import type { UpdateFailure, UpdateOutcome } from '../updates/check';
import type { UpdateLogEntry } from '../store/db';
import { OPTIONS_STRINGS } from './options-strings';
import { fill, type UiLanguage } from './strings';

/** Why an update check changed nothing, in the reader's language. */
export function failureText(f: UpdateFailure, lang: UiLanguage): string {
  const t = OPTIONS_STRINGS[lang].failures[f.code];
  switch (f.code) {
    case 'network':
      return fill(t, { detail: f.detail });
    case 'http':
      return fill(t, { status: f.status, url: f.url });
    case 'schema':
      return fill(t, { errors: f.errors.join('; ') });
    case 'version-mismatch':
      return fill(t, { manifest: f.manifest, bundle: f.bundle });
    case 'signer-mismatch':
      return fill(t, { manifest: f.manifest, bundle: f.bundle ?? '—' });
    case 'unknown-signer':
      return fill(t, { kid: f.kid ?? '—' });
    case 'older':
      return fill(t, { version: f.version, active: f.active });
    case 'apply':
      return fill(t, { detail: f.detail });
    default:
      return t;
  }
}

/** One check's result as the update log shows it. */
export function resultText(entry: Pick<UpdateLogEntry, 'result' | 'version' | 'failure'>, lang: UiLanguage): string {
  const s = OPTIONS_STRINGS[lang].results;
  const result: UpdateOutcome['result'] = entry.result;
  if (result === 'failed') return fill(s.failed, { reason: entry.failure ? failureText(entry.failure, lang) : '?' });
  return fill(s[result], { version: entry.version ?? '' });
}
