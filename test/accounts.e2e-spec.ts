import { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createWorkerApp } from '@grants/worker/setup';
import {
  CaughtMail,
  createDraftApplication,
  createOpenCompetition,
  createStaff,
  createTestContext,
  HttpResponse,
  login,
  loginAdmin,
  pollUntil,
  registerNgo,
  Session,
  TestContext,
} from '@grants/testing';

const APP_ORIGIN = 'http://grants.test'; // APP_URL of the test configuration

const cookieOf = (res: HttpResponse) =>
  ([] as string[])
    .concat(res.headers['set-cookie'] ?? [])
    .find((c) => c.startsWith('grants_session='))
    ?.split(';')[0];

/** The token of the portal link `APP_URL/<route>?token=…` in a mail's text. */
function linkToken(mail: CaughtMail, route: string): string {
  const match = new RegExp(`${APP_ORIGIN}/${route}\\?token=([^\\s"&<]+)`).exec(mail.text);
  if (!match) throw new Error(`no ${route} link in: ${mail.text}`);
  return decodeURIComponent(match[1]);
}

describe('Accounts: password reset, email confirmation, profile, deactivation, organization members', () => {
  let ctx: TestContext;
  let worker: INestApplicationContext;
  let db: DataSource;
  let admin: Session;

  const mail = (email: string, subject: RegExp): Promise<CaughtMail> =>
    pollUntil(`a mail "${subject}" to ${email}`, async () => ctx.smtp.to(email).find((m) => subject.test(m.subject)));

  beforeAll(async () => {
    ctx = await createTestContext({ env: { OUTBOX_SWEEP_MS: '500' } });
    worker = await createWorkerApp(ctx.config);
    await worker.init();
    db = ctx.api.get(DataSource);
    admin = await loginAdmin(ctx.http);
  });
  afterAll(async () => {
    await worker?.close();
    await ctx?.close();
  });

  describe('password reset by mail', () => {
    it('answers the same 202 {} for known and unknown emails, mails a single-use link, ends older sessions', async () => {
      const ngo = await registerNgo(ctx.http);
      const known = await ctx.http.post('/auth/password-reset', { email: ngo.user.email.toUpperCase() });
      const unknown = await ctx.http.post('/auth/password-reset', { email: `nobody-${Date.now()}@example.org` });
      expect([known.status, known.body]).toEqual([202, {}]);
      expect([unknown.status, unknown.body]).toEqual([202, {}]);
      expect(unknown.text).toBe(known.text);

      const reset = await mail(ngo.user.email, /пароля/);
      expect(reset.text).not.toContain(ngo.password);
      const token = linkToken(reset, 'reset-password');
      const [{ stored }] = await db.query(
        `SELECT count(*)::int AS stored FROM account_tokens WHERE token_hash = $1 OR token_hash = $2`,
        [token, token.split('.')[0]],
      );
      expect(stored).toBe(0); // only the hash is stored
      const [{ payload }] = await db.query(
        `SELECT payload FROM notifications WHERE template = 'account.password_reset' AND email = $1`,
        [ngo.user.email],
      );
      expect(JSON.stringify(payload)).not.toContain(token);

      const done = await ctx.http.post('/auth/password-reset/confirm', { token, password: 'a-brand-new-password' });
      expect(done.status).toBe(200);
      expect(done.body.user).toMatchObject({ id: ngo.user.id, emailVerified: true });
      expect(done.headers['cache-control']).toBe('no-store');
      expect(cookieOf(done)).toBe(`grants_session=${done.body.accessToken}`);
      expect((await ctx.http.as(done.body.accessToken).get('/me')).status).toBe(200);

      const again = await ctx.http.post('/auth/password-reset/confirm', { token, password: 'yet-another-password' });
      expect(again.status).toBe(422);
      expect(again.body.code).toBe('TOKEN_INVALID');
      expect((await ctx.http.as(ngo).get('/me')).status).toBe(401); // the token from before the reset
      expect((await ctx.http.post('/auth/login', { email: ngo.user.email, password: ngo.password })).status).toBe(401);
      expect(
        (await ctx.http.post('/auth/login', { email: ngo.user.email, password: 'a-brand-new-password' })).status,
      ).toBe(200);
    });

    it('refuses an expired or unknown token with 422 TOKEN_INVALID', async () => {
      const ngo = await registerNgo(ctx.http);
      await ctx.http.post('/auth/password-reset', { email: ngo.user.email });
      const token = linkToken(await mail(ngo.user.email, /пароля/), 'reset-password');
      await db.query(`UPDATE account_tokens SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [
        ngo.user.id,
      ]);
      const expired = await ctx.http.post('/auth/password-reset/confirm', { token, password: 'a-brand-new-password' });
      expect([expired.status, expired.body.code]).toEqual([422, 'TOKEN_INVALID']);
      const forged = await ctx.http.post('/auth/password-reset/confirm', {
        token: 'x'.repeat(40),
        password: 'a-brand-new-password',
      });
      expect([forged.status, forged.body.code]).toEqual([422, 'TOKEN_INVALID']);
      expect((await ctx.http.as(ngo).get('/me')).status).toBe(200);
    });

    it('mails at most 3 reset links per email an hour, answering the same 202', async () => {
      const ngo = await registerNgo(ctx.http);
      for (let i = 0; i < 5; i++) {
        const res = await ctx.http.post('/auth/password-reset', { email: ngo.user.email });
        expect([res.status, res.body]).toEqual([202, {}]);
      }
      const [{ n }] = await db.query(
        `SELECT count(*)::int AS n FROM notifications WHERE template = 'account.password_reset' AND user_id = $1`,
        [ngo.user.id],
      );
      expect(n).toBe(3);
    });
  });

  describe('email confirmation', () => {
    it('the welcome mail carries the link; confirming sets emailVerified once; resend at most once a minute', async () => {
      const ngo = await registerNgo(ctx.http);
      expect(ngo.user).toMatchObject({ emailVerified: false });
      const welcome = await mail(ngo.user.email, /Добро пожаловать/);
      const token = linkToken(welcome, 'verify-email');
      const first = await ctx.http.anonymous().post('/auth/verify-email', { token });
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ id: ngo.user.id, emailVerified: true });
      expect((await ctx.http.as(ngo).get('/me')).body.emailVerified).toBe(true);
      const again = await ctx.http.anonymous().post('/auth/verify-email', { token });
      expect([again.status, again.body.code]).toEqual([422, 'TOKEN_INVALID']);

      const other = await registerNgo(ctx.http, { locale: 'en' });
      expect((await ctx.http.as(other).post('/auth/verify-email/resend')).status).toBe(202);
      const resend = await ctx.http.as(other).request('POST', '/auth/verify-email/resend', '', {
        'content-type': 'application/json',
      });
      expect([resend.status, resend.body]).toEqual([202, {}]);
      const resent = await mail(other.user.email, /Confirm your email/);
      const verified = await ctx.http.post('/auth/verify-email', { token: linkToken(resent, 'verify-email') });
      expect(verified.body.emailVerified).toBe(true);
      const [{ n }] = await db.query(
        `SELECT count(*)::int AS n FROM notifications WHERE template = 'account.email_verification' AND user_id = $1`,
        [other.user.id],
      );
      expect(n).toBe(1);
    });
  });

  describe('profile and password', () => {
    it('PATCH /me changes name and language; unknown fields are a 400', async () => {
      const ngo = await registerNgo(ctx.http);
      const res = await ctx.http.as(ngo).patch('/me', { fullName: 'Петрова Анна', locale: 'en' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ fullName: 'Петрова Анна', locale: 'en', email: ngo.user.email });
      expect((await ctx.http.as(ngo).patch('/me', { role: 'admin' })).status).toBe(400);
      expect((await ctx.http.as(ngo).patch('/me', { locale: 'de' })).status).toBe(400);
    });

    it('POST /me/password: wrong current → 422 WRONG_PASSWORD; then older tokens stop working, the cookie session goes on', async () => {
      const ngo = await registerNgo(ctx.http);
      const wrong = await ctx.http
        .as(ngo)
        .post('/me/password', { currentPassword: 'nope-nope-nope', newPassword: 'x'.repeat(12) });
      expect([wrong.status, wrong.body.code]).toEqual([422, 'WRONG_PASSWORD']);
      const browser = await ctx.http.post('/auth/login', { email: ngo.user.email, password: ngo.password });
      const cookie = cookieOf(browser)!;
      const changed = await ctx.http
        .anonymous()
        .request(
          'POST',
          '/me/password',
          { currentPassword: ngo.password, newPassword: 'the-new-password-1' },
          { cookie, origin: APP_ORIGIN },
        );
      expect(changed.status).toBe(204);
      expect((await ctx.http.as(ngo).get('/me')).status).toBe(401);
      expect((await ctx.http.anonymous().request('GET', '/me', undefined, { cookie })).status).toBe(401);
      const renewed = cookieOf(changed)!;
      expect((await ctx.http.anonymous().request('GET', '/me', undefined, { cookie: renewed })).status).toBe(200);
      await login(ctx.http, ngo.user.email, 'the-new-password-1');
    });
  });

  describe('admin deactivation', () => {
    it('PATCH /users/:id active=false ends the sessions and refuses login; audited; not oneself', async () => {
      const expert = await createStaff(ctx.http, admin, 'expert');
      const off = await ctx.http.as(admin).patch(`/users/${expert.user.id}`, { active: false });
      expect(off.status).toBe(200);
      expect(off.body).toMatchObject({ id: expert.user.id, active: false });
      expect((await ctx.http.as(expert).get('/me')).status).toBe(401);
      const refused = await ctx.http.post('/auth/login', { email: expert.user.email, password: expert.password });
      expect(refused.status).toBe(401);
      const audit = await ctx.http.as(admin).get('/audit');
      expect(audit.body.items).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ action: 'user.deactivate', target: `user:${expert.user.id}` }),
        ]),
      );
      const self = await ctx.http.as(admin).patch(`/users/${admin.user.id}`, { active: false });
      expect([self.status, self.body.code]).toEqual([422, 'INVALID_TRANSITION']);
      expect((await ctx.http.as(admin).patch(`/users/${expert.user.id}`, { active: true })).body.active).toBe(true);
      await login(ctx.http, expert.user.email, expert.password);
      expect((await ctx.http.as(admin).patch(`/users/${admin.user.id}`, { active: 'no' })).status).toBe(400);
    });
  });

  describe('organization and its members', () => {
    it('PATCH /organizations/:id changes details but never the INN', async () => {
      const ngo = await registerNgo(ctx.http);
      const path = `/organizations/${ngo.user.organizationId}`;
      const res = await ctx.http.as(ngo).patch(path, { shortName: 'Новое имя', phone: '+7 391 000-00-00' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ shortName: 'Новое имя', phone: '+7 391 000-00-00' });
      const inn = await ctx.http.as(ngo).patch(path, { inn: '2454000123' });
      expect(inn.status).toBe(400);
      expect(inn.body.message.join(' ')).toContain('inn');
      const other = await registerNgo(ctx.http);
      expect((await ctx.http.as(other).patch(path, { shortName: 'Чужое' })).status).toBe(404);
      expect((await ctx.http.as(admin).patch(path, { municipality: 'г. Енисейск' })).status).toBe(200);
    });

    it('a colleague joins by invitation, sees the organization’s applications and not another’s; removal deactivates', async () => {
      const ngo = await registerNgo(ctx.http);
      const other = await registerNgo(ctx.http);
      const competition = await createOpenCompetition(ctx.http, admin);
      const own = await createDraftApplication(ctx.http, ngo, competition.id);
      const foreign = await createDraftApplication(ctx.http, other, competition.id);
      const orgPath = `/organizations/${ngo.user.organizationId}`;
      const email = `colleague-${Date.now()}@example.org`;

      const invited = await ctx.http.as(ngo).post(`${orgPath}/invitations`, { email: email.toUpperCase() });
      expect(invited.status).toBe(201);
      expect(invited.body).toMatchObject({ email, invitedAt: expect.any(String), expiresAt: expect.any(String) });
      const taken = await ctx.http.as(ngo).post(`${orgPath}/invitations`, { email: other.user.email });
      expect([taken.status, taken.body.code]).toEqual([409, 'EMAIL_TAKEN']);
      expect((await ctx.http.as(other).post(`${orgPath}/invitations`, { email: 'x@example.org' })).status).toBe(404);
      const pending = await ctx.http.as(ngo).get(`${orgPath}/members`);
      expect(pending.body.members.map((m: { id: string }) => m.id)).toEqual([ngo.user.id]);
      expect(pending.body.invitations).toEqual([expect.objectContaining({ email })]);

      const invitation = await mail(email, /Приглашение/);
      const token = linkToken(invitation, 'invite');
      const joined = await ctx.http.post('/auth/accept-invitation', {
        token,
        fullName: 'Петрова Анна',
        password: 'colleague-password',
      });
      expect(joined.status).toBe(201);
      expect(joined.body.user).toMatchObject({
        email,
        role: 'applicant',
        organizationId: ngo.user.organizationId,
        emailVerified: true,
      });
      expect(cookieOf(joined)).toBe(`grants_session=${joined.body.accessToken}`);
      const reused = await ctx.http.post('/auth/accept-invitation', {
        token,
        fullName: 'X',
        password: 'colleague-password',
      });
      expect([reused.status, reused.body.code]).toEqual([422, 'TOKEN_INVALID']);

      const colleague = ctx.http.as(joined.body.accessToken);
      expect((await colleague.get(`/applications/${own.id}`)).status).toBe(200);
      expect((await colleague.get(`/applications/${foreign.id}`)).status).toBe(404);
      const list = await colleague.get('/applications?pageSize=100');
      const ids = list.body.items.map((a: { id: string }) => a.id);
      expect(ids).toContain(own.id);
      expect(ids).not.toContain(foreign.id);
      const members = await ctx.http.as(ngo).get(`${orgPath}/members`);
      expect(members.body.members).toHaveLength(2);
      expect(members.body.invitations).toEqual([]);

      // Removing: another NGO cannot; the colleague is deactivated; the last member stays.
      const colleagueId = joined.body.user.id;
      expect((await ctx.http.as(other).delete(`${orgPath}/members/${colleagueId}`)).status).toBe(404);
      expect((await colleague.delete(`${orgPath}/members/${ngo.user.id}`)).status).toBe(204);
      expect((await ctx.http.as(ngo).get('/me')).status).toBe(401);
      const last = await colleague.delete(`${orgPath}/members/${colleagueId}`);
      expect([last.status, last.body.code]).toEqual([422, 'LAST_MEMBER']);
      expect((await ctx.http.post('/auth/login', { email: ngo.user.email, password: ngo.password })).status).toBe(401);
    });
  });
});
