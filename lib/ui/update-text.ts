import type { UpdateFailure, UpdateOutcome } from '../updates/check';
import type { UpdateLogEntry } from '../store/db';
import type { UiLanguage } from '../i18n/language';
import { optionsText } from '../i18n/options';

/** Why an update check changed nothing, in the reader's language. */
export function failureText(f: UpdateFailure, lang: UiLanguage): string {
  const t = optionsText(lang);
  switch (f.code) {
    case 'not-https':
      return t('options_failures_notHttps');
    case 'network':
      return t('options_failures_network', { detail: f.detail });
    case 'http':
      return t('options_failures_http', { status: f.status, url: f.url });
    case 'too-large':
      return t('options_failures_tooLarge');
    case 'not-json':
      return t('options_failures_notJson');
    case 'schema':
      return t('options_failures_schema', { errors: f.errors.join('; ') });
    case 'digest-mismatch':
      return t('options_failures_digestMismatch');
    case 'version-mismatch':
      return t('options_failures_versionMismatch', { manifest: f.manifest, bundle: f.bundle });
    case 'signer-mismatch':
      return t('options_failures_signerMismatch', { manifest: f.manifest, bundle: f.bundle ?? '—' });
    case 'unsigned':
      return t('options_failures_unsigned');
    case 'unknown-signer':
      return t('options_failures_unknownSigner', { kid: f.kid ?? '—' });
    case 'bad-signature':
      return t('options_failures_badSignature');
    case 'older':
      return t('options_failures_older', { version: f.version, active: f.active });
    case 'apply':
      return t('options_failures_apply', { detail: f.detail });
  }
}

const RESULT_KEYS = {
  updated: 'options_results_updated',
  'not-modified': 'options_results_notModified',
  'up-to-date': 'options_results_upToDate',
} as const satisfies Record<Exclude<UpdateOutcome['result'], 'failed'>, string>;

/** One check's result as the update log shows it. */
export function resultText(entry: Pick<UpdateLogEntry, 'result' | 'version' | 'failure'>, lang: UiLanguage): string {
  const t = optionsText(lang);
  const result: UpdateOutcome['result'] = entry.result;
  if (result === 'failed') return t('options_results_failed', { reason: entry.failure ? failureText(entry.failure, lang) : '?' });
  return t(RESULT_KEYS[result], { version: entry.version ?? '' });
}
