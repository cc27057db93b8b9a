import { isSiteEnabled, type Settings } from '../settings/defaults';
import { addedSites, originsToRemove, withSiteChosen } from './choice';
import { ALL_URLS, siteOfPattern, sitePatterns } from './patterns';
import { registrationSteps, wantedScript, type ContentScript, type ScriptRegistration } from './registration';
import type { AccessPort } from './switch-mode';

/** `browser.scripting`'s content-script registry. */
export interface ScriptingPort {
  getRegisteredContentScripts(): Promise<ScriptRegistration[]>;
  registerContentScripts(scripts: ContentScript[]): Promise<unknown>;
  updateContentScripts(scripts: ContentScript[]): Promise<unknown>;
  unregisterContentScripts(filter: { ids: string[] }): Promise<unknown>;
}

/** The open tabs of a site, and running the content script in one of them now. */
export interface TabsPort {
  /** Ids of the tabs whose page matches `patterns` (host access to them lets the background see their URLs). */
  matching(patterns: string[]): Promise<number[]>;
  /** Whether the content script answers in the tab. */
  isRunning(tabId: number): Promise<boolean>;
  /** Runs the content script and its stylesheet in the tab's frames. */
  inject(tabId: number): Promise<void>;
}

export interface SiteRegistrarOptions {
  scripting: ScriptingPort;
  access: Pick<AccessPort, 'contains' | 'remove'>;
  tabs: TabsPort;
  settings: { read(): Promise<Settings>; write(next: Settings): Promise<void> };
  log?: (message: string, error: unknown) => void;
}

/**
 * Keeps the content script's registration, the host access and the open tabs in step with the
 * "where it runs" settings. The background calls it on every start, on each settings change and
 * when the browser grants host access; calls run one after another, and each is idempotent.
 */
export class SiteRegistrar {
  private queue: Promise<void> = Promise.resolve();
  private readonly log: (message: string, error: unknown) => void;

  constructor(private readonly opts: SiteRegistrarOptions) {
    this.log = opts.log ?? ((message, error) => console.error(message, error));
  }

  /** Registers, updates or unregisters the content script to match the stored settings. */
  sync(): Promise<void> {
    return this.serial(async () => this.apply(await this.opts.settings.read()));
  }

  /**
   * After the settings moved from `before` to `after`: gives up the access of sites no longer
   * chosen, updates the registration, and starts the content script in open tabs of sites just
   * chosen (a registration only reaches pages loaded after it), so the reader who allowed a site
   * sees its highlights without reloading.
   */
  settingsChanged(before: Settings, after: Settings): Promise<void> {
    return this.serial(async () => {
      const allGranted = await this.opts.access.contains([ALL_URLS]).catch(() => false);
      const gone = originsToRemove(before, after, allGranted);
      // A test build's pre-granted origins are required and cannot be removed: the registration
      // below is what keeps the script off those sites.
      if (gone.length) await this.opts.access.remove(gone).catch((e: unknown) => this.log('sites: giving up access failed', e));
      await this.apply(after);
      for (const site of addedSites(before, after)) await this.startInOpenTabs(site);
    });
  }

  /**
   * Host access the browser just granted (`permissions.onAdded`): a site's patterns, asked for by
   * "Allow on this site", make that site chosen. Done here and not only in the popup, which the
   * browser's permission prompt may close before it hears the answer. The settings change starts
   * the script in the site's open tabs; a site that was chosen already (its access had been
   * refused or taken back) is started here.
   */
  originsAdded(origins: readonly string[]): Promise<void> {
    const sites = origins.map(siteOfPattern).filter((s): s is string => s !== null);
    if (!sites.length) return Promise.resolve();
    return this.serial(async () => {
      const before = await this.opts.settings.read();
      const after = sites.reduce((s, site) => withSiteChosen(s, site, true), before);
      if (after !== before) return this.opts.settings.write(after);
      for (const site of sites) if (isSiteEnabled(after, site)) await this.startInOpenTabs(site);
    });
  }

  private async apply(settings: Settings): Promise<void> {
    const { scripting } = this.opts;
    const wanted = wantedScript(settings);
    for (let attempt = 0; ; attempt++) {
      try {
        for (const step of registrationSteps(await scripting.getRegisteredContentScripts(), wanted)) {
          if (step.op === 'unregister') await scripting.unregisterContentScripts({ ids: step.ids });
          else if (step.op === 'register') await scripting.registerContentScripts([step.script]);
          else await scripting.updateContentScripts([step.script]);
        }
        return;
      } catch (e) {
        // Another start of the background registered it in between: read again, once.
        if (attempt > 0) return this.log('sites: registering the content script failed', e);
      }
    }
  }

  private async startInOpenTabs(site: string): Promise<void> {
    const { tabs } = this.opts;
    try {
      for (const tabId of await tabs.matching(sitePatterns(site))) {
        if (!(await tabs.isRunning(tabId))) await tabs.inject(tabId).catch((e: unknown) => this.log(`sites: starting in tab ${tabId} failed`, e));
      }
    } catch (e) {
      this.log(`sites: finding the open tabs of ${site} failed`, e);
    }
  }

  private serial(work: () => Promise<void>): Promise<void> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => {});
    return next;
  }
}
