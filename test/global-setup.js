/**
 * Before a test run: drop what earlier runs left behind when they were killed (their test databases and
 * BullMQ keys), once older than two hours, so this machine's PostgreSQL and Redis do not fill up.
 * Names carry their creation time: grants_test_<base36 ms>_<random>.
 */
const { Client } = require('pg');
const Redis = require('ioredis');

const STALE_MS = 2 * 3600 * 1000;
const isStale = (name) => {
  const m = /^grants_(?:test|bench)_([0-9a-z]+)_/.exec(name);
  return !!m && Date.now() - parseInt(m[1], 36) > STALE_MS;
};

module.exports = async function globalSetup() {
  const admin = new URL(process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/grants');
  admin.pathname = '/postgres';
  const pg = new Client({ connectionString: admin.toString() });
  try {
    await pg.connect();
    const { rows } = await pg.query(`SELECT datname FROM pg_database WHERE datname ~ '^grants_(test|bench)_'`);
    for (const { datname } of rows.filter((r) => isStale(r.datname))) {
      await pg.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`).catch(() => undefined);
    }
  } catch {
    // The tests report an unreachable database themselves.
  } finally {
    await pg.end().catch(() => undefined);
  }

  const redis = new Redis(process.env.REDIS_URL || 'redis://127.0.0.1:6379', {
    lazyConnect: true,
    maxRetriesPerRequest: 1,
  });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', 'grants_test_*', 'COUNT', 1000);
      cursor = next;
      const stale = keys.filter((k) => isStale(k));
      if (stale.length) await redis.del(...stale);
    } while (cursor !== '0');
  } catch {
    // Likewise for Redis.
  } finally {
    redis.disconnect();
  }
};
