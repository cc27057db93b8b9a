import type { Settings } from '../settings/defaults';
import { modeSwitchPlan } from './choice';
import { ALL_URLS } from './patterns';

/** Host permissions, as `browser.permissions` offers them (origins only). */
export interface AccessPort {
  contains(origins: string[]): Promise<boolean>;
  /** Shows the browser's prompt unless every origin is already granted; needs the reader's click. */
  request(origins: string[]): Promise<boolean>;
  remove(origins: string[]): Promise<boolean>;
}

export interface SwitchModeOptions {
  access: AccessPort;
  /** The settings when the reader clicked. */
  settings: Settings;
  /** Whether every site was granted when the reader clicked (read before: a click's first call must be the request). */
  allSitesGranted: boolean;
  /**
   * Origins other features need kept when `<all_urls>` goes (a subscription whose host does not
   * allow CORS), found once it is gone, when a CORS check tells the truth again.
   */
  keep?: () => Promise<string[]>;
  save(next: Settings): Promise<void>;
}

/** The outcome of a switch: whether it happened, and the origins still missing after it. */
export interface SwitchResult {
  switched: boolean;
  missing: string[];
}

/**
 * Moves to `target` from a click handler. For "all sites" the permission request is the very first
 * call, made before this function first awaits anything (Firefox accepts a request only inside the
 * input handler itself), and nothing changes when the reader refuses it. For "only sites I choose"
 * the switch always happens; chosen sites whose access could not be asked for again are returned
 * as missing, for the page to offer them one by one.
 */
export async function switchMode(target: Settings['sites'], opts: SwitchModeOptions): Promise<SwitchResult> {
  const { access, settings } = opts;
  if (target === 'all') {
    const granted = await access.request([ALL_URLS]).catch(() => false);
    if (granted) await opts.save({ ...settings, sites: 'all' });
    return { switched: granted, missing: granted ? [] : [ALL_URLS] };
  }
  let missing: string[] = [];
  if (opts.allSitesGranted) {
    await access.remove([ALL_URLS]).catch(() => false);
    const keep = opts.keep ? await opts.keep().catch(() => []) : [];
    const { request } = modeSwitchPlan(settings, 'chosen', true, keep);
    if (request.length && !(await access.contains(request).catch(() => false))) {
      // Refused, or no longer inside the click (Firefox): the sites stay chosen without access.
      if (!(await access.request(request).catch(() => false))) missing = request;
    }
  }
  await opts.save({ ...settings, sites: 'chosen' });
  return { switched: true, missing };
}
