import { compareCorpusVersions } from '../corpus/bundle';
import { runUpdateCheck } from '../updates/check';
import { nextCheckAt } from '../updates/schedule';
import { checkSubscriptionUrl } from '../updates/url';
import type { CorpusDb, SubscriptionRow, UpdateLogEntry } from './db';
import { addTrustedKey, removeTrustedKey, trustedKeys } from './keys';
import type { CorpusService } from './service';

/** Entries of the update log kept (older ones are dropped). */
export const UPDATE_LOG_SIZE = 50;

export interface UpdaterOptions {
  db: CorpusDb;
  corpus: CorpusService;
  fetch: typeof fetch;
  /** Sets (or with null, clears) the one alarm that wakes the background for the next check. */
  schedule: (when: number | null) => Promise<void>;
  /** Test builds only: http://127.0.0.1 subscriptions. */
  allowLoopbackHttp: boolean;
  now?: () => Date;
  random?: () => number;
}

/** What the options page shows of subscriptions. */
export interface SubscriptionStatus {
  subscription: Omit<SubscriptionRow, 'key'> | null;
  log: UpdateLogEntry[];
  keys: { kid: string; name: string; builtin: boolean }[];
}

/**
 * The background's subscription: subscribe, check (on the alarm or "Update now"), log each check,
 * and schedule the next one. Checks run one at a time.
 */
export class Updater {
  private running: Promise<unknown> = Promise.resolve();
  private readonly now: () => Date;
  private readonly random: () => number;

  constructor(private readonly opts: UpdaterOptions) {
    this.now = opts.now ?? (() => new Date());
    this.random = opts.random ?? Math.random;
  }

  async status(): Promise<SubscriptionStatus> {
    const { db } = this.opts;
    const [row, log, keys] = await Promise.all([db.subscription.get('main'), db.updateLog.orderBy('id').reverse().limit(UPDATE_LOG_SIZE).toArray(), trustedKeys(db)]);
    return { subscription: row ? withoutKey(row) : null, log, keys: keys.map(({ kid, name, builtin }) => ({ kid, name, builtin })) };
  }

  /** Subscribes to a URL (replacing any subscription) and checks it at once. */
  subscribe(url: string): Promise<SubscriptionStatus> {
    return this.serial(async () => {
      const target = checkSubscriptionUrl(url, this.opts.allowLoopbackHttp);
      if (!target) throw new Error('updates: a subscription needs an https URL');
      const row: SubscriptionRow = { key: 'main', url: target.href, subscribedAt: this.now().toISOString(), etag: null, lastModified: null, freshUntil: null, failures: 0, lastCheckAt: null, nextCheckAt: null };
      await this.opts.db.subscription.put(row);
      await this.check(true);
    });
  }

  unsubscribe(): Promise<SubscriptionStatus> {
    return this.serial(async () => {
      await this.opts.db.subscription.delete('main');
      await this.opts.schedule(null);
    });
  }

  /**
   * Checks the subscription now. `manual` ("Update now") asks the server even while its last
   * answer is fresh; the alarm does not.
   */
  checkNow(manual: boolean): Promise<SubscriptionStatus> {
    return this.serial(() => this.check(manual));
  }

  addKey(name: string, jwk: string): Promise<SubscriptionStatus> {
    return this.serial(() => addTrustedKey(this.opts.db, name, jwk, this.now()));
  }

  removeKey(kid: string): Promise<SubscriptionStatus> {
    return this.serial(() => removeTrustedKey(this.opts.db, kid));
  }

  /**
   * The reader replaced a corpus (restore, reset): if it came from the subscription, that version
   * is held back, so the next check does not bring back what the reader just rolled back from.
   */
  noteRollback(from: { corpusVersion: string; source: string }): Promise<SubscriptionStatus> {
    return this.serial(async () => {
      const row = await this.opts.db.subscription.get('main');
      if (row && from.source === 'subscription') await this.opts.db.subscription.put({ ...row, heldBack: from.corpusVersion });
    });
  }

  /** Sets the alarm from the stored state (after a browser restart or an extension update). */
  async reschedule(): Promise<void> {
    const row = await this.opts.db.subscription.get('main');
    await this.opts.schedule(row?.nextCheckAt ?? (row ? this.now().getTime() : null));
  }

  private async check(manual: boolean): Promise<void> {
    const { db, corpus } = this.opts;
    const row = await db.subscription.get('main');
    if (!row) return;
    const now = this.now();
    if (!manual && row.freshUntil !== null && now.getTime() < row.freshUntil) {
      await this.opts.schedule(row.freshUntil);
      return;
    }
    const saved = row.etag || row.lastModified ? { etag: row.etag, lastModified: row.lastModified } : null;
    const active = await corpus.activeVersion();
    const floor = row.heldBack && compareCorpusVersions(row.heldBack, active) > 0 ? row.heldBack : active;
    const { outcome, validators, freshUntil } = await runUpdateCheck(row.url, saved, {
      fetch: this.opts.fetch,
      trustedKeys: await trustedKeys(db),
      activeVersion: floor,
      apply: async (json, _bundle, signer) => void (await corpus.applySubscribedBundle(json, signer)),
      now: now.getTime(),
      allowLoopbackHttp: this.opts.allowLoopbackHttp,
    });
    const failures = outcome.result === 'failed' ? row.failures + 1 : 0;
    const next = nextCheckAt({ now: now.getTime(), failures, freshUntil, random: this.random() });
    await db.transaction('rw', [db.subscription, db.updateLog], async () => {
      // Unsubscribed (or subscribed elsewhere) while this check ran: log it, keep the new state.
      const current = await db.subscription.get('main');
      if (current?.url === row.url) {
        await db.subscription.put({
          ...current,
          ...(validators ? { etag: validators.etag, lastModified: validators.lastModified } : {}),
          freshUntil,
          failures,
          lastCheckAt: now.toISOString(),
          nextCheckAt: next,
          ...(outcome.result === 'updated' ? { heldBack: null } : {}),
        });
      }
      await db.updateLog.add({ at: now.toISOString(), url: row.url, result: outcome.result, version: outcome.version, manual, ...(outcome.result === 'failed' ? { failure: outcome.failure } : {}) });
      const stale = await db.updateLog.orderBy('id').reverse().offset(UPDATE_LOG_SIZE).primaryKeys();
      if (stale.length) await db.updateLog.bulkDelete(stale);
    });
    await this.opts.schedule(next);
  }

  private serial(work: () => Promise<unknown>): Promise<SubscriptionStatus> {
    const run = this.running.then(work).then(() => this.status());
    this.running = run.catch(() => {});
    return run;
  }
}

function withoutKey(row: SubscriptionRow): Omit<SubscriptionRow, 'key'> {
  const { key: _key, ...rest } = row;
  return rest;
}

