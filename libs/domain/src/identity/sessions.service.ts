import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '@grants/config';
import { preparedQuery } from '@grants/database';

interface SessionState {
  version: number;
  active: boolean;
}

/**
 * Revocation of stateless tokens. Every token carries its user's session version; a token is accepted
 * while the user exists, is active and still has that version. Each replica keeps the state of a user
 * for SESSION_CACHE_MS (30 s by default, never more than 60 s), so a deactivation, password change or
 * logout everywhere reaches every replica within that time; the replica that made the change forgets
 * its cached state at once. One cache miss costs one primary-key read.
 */
@Injectable()
export class SessionsService {
  private readonly cache = new Map<string, { state: SessionState | null; until: number }>();
  private readonly loading = new Map<string, Promise<SessionState | null>>();
  private readonly ttlMs: number;
  /** Bumped by forget(): a read that started before a change does not refill the cache with the old state. */
  private epoch = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    config: AppConfig,
  ) {
    this.ttlMs = config.values.SESSION_CACHE_MS;
  }

  /** Whether a token of this user and session version is still valid. */
  async isValid(userId: string, version: number): Promise<boolean> {
    const state = await this.state(userId);
    return !!state && state.active && state.version === version;
  }

  /**
   * Raises the user's session version inside the caller's transaction: all older tokens stop working.
   * Call forget() again after the commit (a read in between may have cached the old state).
   */
  async revokeAll(manager: EntityManager, userId: string): Promise<number> {
    // TypeORM answers UPDATE … RETURNING with [rows, affected].
    const [rows]: [{ session_version: number }[], number] = await manager.query(
      `UPDATE users SET session_version = session_version + 1 WHERE id = $1 RETURNING session_version`,
      [userId],
    );
    this.forget(userId);
    return rows[0]?.session_version ?? 0;
  }

  /** A mark to pass to `prime()` along with a user's state read after this call. */
  mark(): number {
    return this.epoch;
  }

  /**
   * Caches a user's state the caller has just read (a login reads the user anyway), so the next request
   * of that user needs no read; unless this replica changed a user since `mark`, when the read may be older.
   */
  prime(userId: string, state: SessionState, mark: number): void {
    if (mark !== this.epoch || this.loading.has(userId)) return;
    this.remember(userId, state);
  }

  private remember(userId: string, state: SessionState | null): void {
    if (this.ttlMs <= 0) return;
    if (this.cache.size > 100_000) this.cache.clear();
    this.cache.set(userId, { state, until: Date.now() + this.ttlMs });
  }

  /** Drops this replica's cached state of a user (after a change it made). */
  forget(userId: string): void {
    this.epoch++;
    this.cache.delete(userId);
    this.loading.delete(userId);
  }

  private async state(userId: string): Promise<SessionState | null> {
    const now = Date.now();
    const hit = this.cache.get(userId);
    if (hit && hit.until > now) return hit.state;
    const pending = this.loading.get(userId);
    if (pending) return pending;
    const epoch = this.epoch;
    const load = preparedQuery<{ session_version: number; active: boolean }>(
      this.dataSource.manager,
      `SELECT session_version, active FROM users WHERE id = $1`,
      [userId],
    )
      .then((rows) => {
        const state = rows[0] ? { version: rows[0].session_version, active: rows[0].active } : null;
        if (epoch === this.epoch) this.remember(userId, state);
        return state;
      })
      .finally(() => {
        if (this.loading.get(userId) === load) this.loading.delete(userId);
      });
    this.loading.set(userId, load);
    return load;
  }
}
