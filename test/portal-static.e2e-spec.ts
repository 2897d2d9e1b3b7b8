import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestContext, TestContext } from '@grants/testing';

/** The api serves the built portal at `/`: files as they are, index.html for every other page path. */
describe('portal files', () => {
  let ctx: TestContext;
  let web: string;
  const get = (url: string, headers: Record<string, string> = {}) =>
    ctx.api.getHttpAdapter().getInstance().inject({ method: 'GET', url, headers });

  beforeAll(async () => {
    web = mkdtempSync(join(tmpdir(), 'grants-web-'));
    mkdirSync(join(web, 'assets'));
    writeFileSync(
      join(web, 'index.html'),
      '<!doctype html><title>Гранты</title><script type="module" src="/assets/index-Ab12.js"></script>',
    );
    writeFileSync(join(web, 'assets', 'index-Ab12.js'), 'console.log(1)');
    writeFileSync(join(web, 'favicon.svg'), '<svg/>');
    ctx = await createTestContext({ env: { WEB_DIR: web } });
  });

  afterAll(async () => {
    await ctx?.close();
    rmSync(web, { recursive: true, force: true });
  });

  it('answers every page path with index.html, never cached', async () => {
    for (const path of ['/', '/competitions/123', '/applications/1/edit/budget?x=1', '/login']) {
      const res = await get(path);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.body).toContain('<title>Гранты</title>');
    }
  });

  it('serves hashed assets for a year and other files revalidated', async () => {
    const asset = await get('/assets/index-Ab12.js');
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.body).toBe('console.log(1)');
    const icon = await get('/favicon.svg');
    expect(icon.headers['cache-control']).toBe('no-cache');
  });

  it('forbids inline scripts', async () => {
    const csp = String((await get('/')).headers['content-security-policy']);
    const scriptSrc = /script-src ([^;]*)/.exec(csp)![1];
    expect(scriptSrc).toBe(`'self'`);
    expect(csp).not.toMatch(/upgrade-insecure-requests/);
  });

  it('keeps unknown API paths the API’s JSON 404', async () => {
    const res = await get('/api/v1/no-such-thing');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
    expect((await get('/api/v1/health')).statusCode).not.toBe(404);
  });
});
