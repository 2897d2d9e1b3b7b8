import * as argon2 from 'argon2';
import { randomUUID } from 'node:crypto';
import { request } from 'node:http';

/*
 * A deadline rush the way NGOs make it: many organizations with complete drafts, each logging in and
 * submitting over its own HTTP connection. The rows are inserted in SQL (registration's argon2 would
 * dominate the cost); the logins and submits go through the real api. The rush bench
 * (scripts/bench/rush.bench.ts) imports this file alone (`@grants/testing/rush-fixtures`): it imports
 * nothing but argon2, node:crypto and node:http.
 */

export type Query = (sql: string, params?: unknown[]) => Promise<any[]>;

export interface RushApplicant {
  email: string;
  userId: string;
  organizationId: string;
  applicationId: string;
}

export const RUSH_PASSWORD = 'rush-password-123';

/**
 * A real argon2id hash of RUSH_PASSWORD with light parameters: login verifies it for real, in about a
 * millisecond instead of the production cost, which is not what a rush measures.
 */
export const lightPasswordHash = () =>
  argon2.hash(RUSH_PASSWORD, { type: argon2.argon2id, memoryCost: 1024, timeCost: 1, parallelism: 1 });

/** `count` organizations, each with one applicant (password RUSH_PASSWORD) and one complete draft. */
export async function seedRushApplicants(
  query: Query,
  competitionId: string,
  count: number,
  tag: string,
): Promise<RushApplicant[]> {
  const hash = await lightPasswordHash();
  const rows = await query(
    `WITH o AS (
       INSERT INTO organizations (full_name, inn)
       SELECT 'НКО «' || $3 || '-' || g || '»', lpad((abs(hashtext($3))::bigint % 100000 * 100000 + g)::text, 10, '0')
       FROM generate_series(1, $1) g RETURNING id
     ), u AS (
       INSERT INTO users (email, password_hash, full_name, role, organization_id)
       SELECT 'ngo-' || $3 || '-' || row_number() over () || '@rush.example.org', $4, 'Заявитель', 'applicant', o.id
       FROM o RETURNING id, email, organization_id
     ), a AS (
       INSERT INTO applications (competition_id, organization_id, created_by, title, summary, direction, requested_amount,
         co_financing_amount, project_start, project_end, goals, expected_results, budget_lines, geography)
       SELECT $2, u.organization_id, u.id, 'Проект', 'Краткое описание', 'social', 200000, 50000,
         current_date + 60, current_date + 240, 'Цели проекта',
         '[{"indicator":"Участники","target":"100"}]', '[{"item":"Оплата труда","amount":"200000.00"}]', 'г. Лесосибирск'
       FROM u RETURNING id, created_by, organization_id
     )
     SELECT a.id AS application_id, u.id AS user_id, u.email, a.organization_id
     FROM a JOIN u ON u.id = a.created_by`,
    [count, competitionId, tag, hash],
  );
  return rows.map((r) => ({
    email: r.email,
    userId: r.user_id,
    organizationId: r.organization_id,
    applicationId: r.application_id,
  }));
}

export interface HttpAnswer {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
  /** Local time (ms) the request was sent (asked for) and its answer fully received. */
  sentAt: number;
  doneAt: number;
  /** Local time (ms) its connection was up and the request handed to the socket (NaN if it never was). */
  writtenAt: number;
}

/**
 * One request over a connection of its own (no keep-alive pool): what separate clients do. A connection
 * reset is an answer too (status 0, the error as body): a rush counts it as a failed submit.
 */
export function httpPost(
  baseUrl: string,
  path: string,
  body: unknown,
  token?: string,
  headers: Record<string, string> = {},
): Promise<HttpAnswer> {
  const url = new URL(path, baseUrl);
  const payload = JSON.stringify(body ?? {});
  const sentAt = Date.now();
  let writtenAt = NaN;
  return new Promise((resolve) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method: 'POST',
        agent: false,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...headers,
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c) => (text += c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: text,
            headers: res.headers,
            sentAt,
            writtenAt,
            doneAt: Date.now(),
          }),
        );
      },
    );
    req.on('error', (e) => resolve({ status: 0, body: String(e), headers: {}, sentAt, writtenAt, doneAt: Date.now() }));
    // The request is written as soon as the connection is up (the body was handed over with end()).
    req.on('socket', (socket) => socket.once('connect', () => (writtenAt = Date.now())));
    req.end(payload);
  });
}

/** Logs every applicant in through POST /auth/login, `parallel` at a time; returns their access tokens. */
export async function loginApplicants(baseUrl: string, applicants: RushApplicant[], parallel = 16): Promise<string[]> {
  const tokens: string[] = new Array(applicants.length);
  let next = 0;
  const lane = async () => {
    while (next < applicants.length) {
      const i = next++;
      const res = await httpPost(baseUrl, '/api/v1/auth/login', {
        email: applicants[i].email,
        password: RUSH_PASSWORD,
      });
      if (res.status !== 200) throw new Error(`login of ${applicants[i].email} failed: ${res.status} ${res.body}`);
      tokens[i] = JSON.parse(res.body).accessToken;
    }
  };
  await Promise.all(Array.from({ length: parallel }, lane));
  return tokens;
}

/** A submit as the portal sends it: with the request id its retries would repeat. */
export const submitPost = (baseUrl: string, applicationId: string, token: string) =>
  httpPost(baseUrl, `/api/v1/applications/${applicationId}/submit`, {}, token, { 'x-request-id': randomUUID() });

/** Every applicant submits at once, each over its own connection. */
export function submitAll(baseUrl: string, applicants: RushApplicant[], tokens: string[]): Promise<HttpAnswer[]> {
  return Promise.all(applicants.map((a, i) => submitPost(baseUrl, a.applicationId, tokens[i])));
}
