import 'reflect-metadata';
import { BenchResult } from './bench-support';
import { benchHttp } from './http.bench';
import { benchNotifications } from './notifications.bench';
import { benchStatistics } from './statistics.bench';

/** `npm run bench`: every benchmark of the product, each next to its baseline of the same run. */
const BENCHES: [string, () => Promise<BenchResult[]>][] = [
  ['http', benchHttp],
  ['statistics', benchStatistics],
  ['notifications', benchNotifications],
];

async function main() {
  const only = process.argv.slice(2);
  const rows: BenchResult[] = [];
  for (const [name, bench] of BENCHES) {
    if (only.length && !only.includes(name)) continue;
    rows.push(...(await bench()));
  }
  console.table(rows);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
