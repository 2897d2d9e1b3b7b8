import 'reflect-metadata';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { BenchResult, root } from './bench-support';
import { benchDocuments } from './documents.bench';
import { benchHttp } from './http.bench';
import { benchNotifications } from './notifications.bench';
import { benchPortal } from './portal.bench';
import { benchRush } from './rush.bench';
import { benchStatistics } from './statistics.bench';

/**
 * `npm run bench`: every benchmark of the product, each next to its baseline of the same run.
 * `npm run bench -- portal` (or any names of BENCHES) runs only those and updates their rows in
 * docs/BENCHMARKS.md, keeping the other rows and the header of the last full run.
 * `--only` before the names is accepted too (`npm run bench -- --only rush`).
 */
const BENCHES: [string, () => Promise<BenchResult[]>][] = [
  ['rush', benchRush],
  ['http', benchHttp],
  ['statistics', benchStatistics],
  ['notifications', benchNotifications],
  ['documents', benchDocuments],
  ['portal', benchPortal],
];

const ratio = (r: BenchResult) => (r.baseline ? Math.round((r.value / r.baseline) * 100) / 100 : undefined);

const TABLE_HEAD = '| benchmark | value | unit | baseline | baseline is | ratio | note |';

const tableRow = (r: BenchResult) =>
  `| ${r.name} | ${r.value} | ${r.unit} | ${r.baseline ?? ''} | ${r.baselineName ?? ''} | ${ratio(r) ?? ''} | ${r.note ?? ''} |`;

const machine = () =>
  `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), ${Math.round(totalmem() / 2 ** 30)} GiB, ` +
  `Node ${process.version}, load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ')} at the start`;

function markdown(header: string[], rows: string[]): string {
  const lines = [
    '# Benchmarks',
    '',
    ...header,
    'Every figure with a baseline was measured in the same run; the ratio is figure ÷ baseline.',
    '',
    TABLE_HEAD,
    '|---|---:|---|---:|---|---:|---|',
    ...rows,
    '',
    'How each is measured:',
    '- **Deadline rush** (same setup as `test/deadline-rush.e2e-spec.ts`): 900 organizations seeded in SQL',
    '  with a real argon2id password log in over HTTP, then press submit at once, each over a socket of its',
    '  own, against the built api with the built worker running and delivering every confirmation mail to a',
    "  local SMTP sink; the baseline is a bare Fastify + pg server running the submit's SQL core (same locks,",
    '  counter, status change, history and outbox rows) on 900 more drafts, driven by the same client; three',
    "  such pairs in turn (`BENCH_RUSH_ROUNDS`), the figures their medians, each pair's ratio in the note (the",
    "  first is the api's cold one: new connections' first statements, code not yet optimised). Then",
    '  600 submits sent evenly over 2 s with the deadline at 1 s: every refused one is compared with its send',
    "  time on the database clock (the client's clock corrected by a measured offset), and every accepted one",
    '  with its arrival stamp (`submittedAt`).',
    '- **Read path**: autocannon, 64 connections, 8 s per endpoint, against the built api and a bare',
    '  Fastify + pg server answering the same query in the same run.',
    '- **Statistics**: the compile of a generated year of 100,000 applications and 300,000 reviews next to',
    '  the time of its bare SQL.',
    '- **Notifications**: mails per second from outbox rows through the relay, BullMQ and the worker to a',
    '  local SMTP sink, next to bare pooled nodemailer sending the same number to the same sink.',
    '- **Documents**: one 200 MB PDF streamed as a multipart upload to the built api and downloaded back',
    '  (SHA-256 checked), on the local-disk driver and on the S3 driver against s3rver in its own process,',
    "  next to a bare `FileStore.write`/`read` of the same bytes to the same store; the api's resident memory",
    '  is sampled every 25 ms during the upload (it grows by the stream buffers and, for S3, the parts in',
    '  flight — not with the file).',
    '- **Portal**: the built api serving the built portal, headless Chromium (`/usr/bin/chromium`), a fresh',
    '  context (cold cache, no cookies) per load, as a visitor in Russian. Per public route: the sum of the',
    '  gzip -9 sizes of every JS response the page loaded and the requests to `/api/` until the network is',
    '  idle; the LCP of a published competition (seeded through the API) is the last',
    '  `largest-contentful-paint` entry, median of 5 cold loads. The baseline is a bare static HTML page',
    "  (one `<h1>`) served by the same api from a temporary copy of the portal's directory (`WEB_DIR`).",
    '',
    'Reading the figures: the ratios are the price of what the bare baselines leave out — JWT and role',
    'checks, validation, the error filter, security headers, structured logs, the ORM, the frozen snapshot',
    'with its SHA-256, and the mail audience — on two cores shared with PostgreSQL. The rush numbers come',
    'from 900 requests opened at once, so their latencies are mostly queueing; registration numbers',
    'serialise only on the counter row for the last statements of each submit.',
    '',
  ];
  return lines.join('\n');
}

async function main() {
  const only = process.argv.slice(2).filter((a) => a !== '--only');
  const unknown = only.filter((n) => !BENCHES.some(([name]) => name === n));
  if (unknown.length)
    throw new Error(`unknown benchmarks: ${unknown.join(', ')} (known: ${BENCHES.map(([n]) => n).join(', ')})`);
  const load = machine();
  const rows: BenchResult[] = [];
  const started = performance.now();
  for (const [name, bench] of BENCHES) {
    if (only.length && !only.includes(name)) continue;
    console.log(`running ${name} benchmarks…`);
    rows.push(...(await bench()));
  }
  const seconds = (performance.now() - started) / 1000;
  console.table(
    rows.map((r) => ({
      benchmark: r.name,
      value: r.value,
      unit: r.unit,
      baseline: r.baseline ?? '',
      ratio: ratio(r) ?? '',
      note: r.note ?? '',
    })),
  );
  const file = join(root, 'docs', 'BENCHMARKS.md');
  mkdirSync(join(root, 'docs'), { recursive: true });
  if (!only.length) {
    const header = [
      `Latest \`npm run bench\`: ${new Date().toISOString()}, ${load}; local PostgreSQL and Redis; the whole run took ${Math.round(seconds)} s.`,
    ];
    writeFileSync(file, markdown(header, rows.map(tableRow)));
  } else {
    // A partial run: replace the rows of the same names, append new ones, keep the rest.
    const old = existsSync(file) ? readFileSync(file, 'utf8').split('\n') : [];
    const start = old.indexOf(TABLE_HEAD);
    const oldRows = start < 0 ? [] : old.slice(start + 2, old.indexOf('', start));
    const names = new Set(rows.map((r) => r.name));
    const kept = oldRows.filter((line) => !names.has(line.split(' | ')[0].slice(2)));
    const header = (start < 0 ? [] : old.slice(2, start - 2)).filter((l) => !l.startsWith('Rows of `'));
    header.push(
      `Rows of \`${only.join('`, `')}\` from \`npm run bench -- ${only.join(' ')}\`: ${new Date().toISOString()}, ${load}; took ${Math.round(seconds)} s.`,
    );
    const fresh = markdown(header, [...kept, ...rows.map(tableRow)]).split('\n');
    if (start < 0) writeFileSync(file, fresh.join('\n'));
    else {
      // Below the table the old text stays (notes added by hand included); bullets of new benches join it.
      const freshEnd = fresh.indexOf('', fresh.indexOf(TABLE_HEAD));
      const tail = old.slice(old.indexOf('', start));
      const generated = fresh.slice(freshEnd);
      let at = tail.indexOf('', tail.indexOf('How each is measured:'));
      if (at < 0) at = tail.length;
      generated.forEach((line, i) => {
        const bullet = /^- \*\*[^*]+\*\*/.exec(line)?.[0];
        if (!bullet || tail.some((l) => l.startsWith(bullet))) return;
        let end = i + 1;
        while (generated[end]?.startsWith('  ')) end++;
        tail.splice(at, 0, ...generated.slice(i, end));
        at += end - i;
      });
      writeFileSync(file, [...fresh.slice(0, freshEnd), ...tail].join('\n'));
    }
  }
  console.log('wrote docs/BENCHMARKS.md');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
