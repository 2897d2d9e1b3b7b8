import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import canonicalize from 'canonicalize';
import { DataSource } from 'typeorm';
import {
  competitionBody,
  createDraftApplication,
  createOpenCompetition,
  createStaff,
  createTestContext,
  documentUpload,
  fixtures,
  insertReview,
  loginAdmin,
  multipart,
  registerNgo,
  S3TestServer,
  Session,
  startS3Server,
  TestContext,
  untilWaitingOnLocks,
} from '@grants/testing';

const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');
const DAY = 86_400_000;

/*
 * An NGO attaches its charter, budget and letters to a draft, the files come back byte for byte, files
 * that only pretend to be documents are refused, the submit waits for the charter and freezes the list
 * in the snapshot and its hash. The same story runs on the local-disk and the S3 driver.
 */
describe.each(['local', 's3'] as const)('Documents of an application (%s storage)', (driver) => {
  let ctx: TestContext;
  let s3: S3TestServer | undefined;
  let db: DataSource;
  let admin: Session;
  let ngo: Session;
  let foreign: Session;
  let consultant: Session;
  let expert: Session;
  let competition: { id: string; documentTypes: Array<{ code: string; required: boolean }> };

  /** Every object the store holds, whatever the driver. */
  async function storedKeys(): Promise<string[]> {
    if (s3) {
      const client = new S3Client({
        endpoint: s3.endpoint,
        region: 'us-east-1',
        forcePathStyle: true,
        credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
      });
      const listed = await client.send(new ListObjectsV2Command({ Bucket: s3.bucket }));
      client.destroy();
      return (listed.Contents ?? []).map((o) => o.Key!);
    }
    const entries = await readdir(ctx.config.values.STORAGE_DIR, { recursive: true, withFileTypes: true }).catch(
      () => [],
    );
    return entries.filter((e) => e.isFile()).map((e) => e.name);
  }
  const rows = async (applicationId: string) =>
    Number(
      (await db.query(`SELECT count(*) FROM application_documents WHERE application_id = $1`, [applicationId]))[0]
        .count,
    );

  beforeAll(async () => {
    s3 = driver === 's3' ? await startS3Server() : undefined;
    ctx = await createTestContext({ env: { UPLOAD_MAX_MB: '1', ...(s3?.env ?? {}) } });
    db = ctx.api.get(DataSource);
    admin = await loginAdmin(ctx.http);
    [ngo, foreign, consultant, expert] = await Promise.all([
      registerNgo(ctx.http),
      registerNgo(ctx.http),
      createStaff(ctx.http, admin, 'consultant'),
      createStaff(ctx.http, admin, 'expert'),
    ]);
    // The competition's own default document types: the charter is required.
    competition = await createOpenCompetition(ctx.http, admin, { documentTypes: undefined });
  });
  afterAll(async () => {
    await ctx?.close();
    await s3?.stop();
  });

  it('shows the default document types on the competition, the charter required', async () => {
    const res = await ctx.http.anonymous().get(`/competitions/${competition.id}`);
    expect(res.body.documentTypes).toEqual([
      { code: 'charter', title: 'Устав организации', titleEn: 'Charter of the organization', required: true },
      { code: 'budget', title: 'Смета проекта', titleEn: 'Project budget', required: false },
      { code: 'letters', title: 'Письма поддержки', titleEn: 'Letters of support', required: false },
      { code: 'other', title: 'Иные документы', titleEn: 'Other documents', required: false },
    ]);
  });

  it('takes PDF, DOCX, XLSX, JPEG and the other allowed formats by content and gives them back byte for byte', async () => {
    const draft = await createDraftApplication(ctx.http, ngo, competition.id);
    const files = [
      {
        type: 'charter',
        fileName: 'Устав АНО «Наш город» (ред. 2026).pdf',
        content: fixtures.pdf(),
        contentType: 'application/pdf',
      },
      {
        type: 'budget',
        fileName: 'смета проекта.docx',
        content: fixtures.docx(),
        contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      },
      {
        type: 'budget',
        fileName: "Смета; расчёт 'итог' (100%).xlsx",
        content: fixtures.xlsx(),
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      },
      { type: 'letters', fileName: 'письмо поддержки.jpg', content: fixtures.jpeg(), contentType: 'image/jpeg' },
      { type: 'other', fileName: 'old.doc', content: fixtures.doc(), contentType: 'application/msword' },
      { type: 'other', fileName: 'old.xls', content: fixtures.xls(), contentType: 'application/vnd.ms-excel' },
      {
        type: 'other',
        fileName: 'text.odt',
        content: fixtures.odt(),
        contentType: 'application/vnd.oasis.opendocument.text',
      },
      { type: 'other', fileName: 'scan.png', content: fixtures.png(), contentType: 'image/png' },
      { type: 'other', fileName: 'note.rtf', content: fixtures.rtf(), contentType: 'application/rtf' },
    ];
    const uploaded: Array<{ id: string }> = [];
    for (const f of files) {
      // The client's declared type is a lie on purpose: only the content decides.
      const res = await ctx.http
        .as(ngo)
        .upload(`/applications/${draft.id}/documents`, documentUpload(f.type, f.fileName, f.content, 'text/plain'));
      expect({ status: res.status, name: f.fileName }).toEqual({ status: 201, name: f.fileName });
      expect(res.body).toEqual({
        id: expect.any(String),
        type: f.type,
        fileName: f.fileName,
        size: f.content.length,
        contentType: f.contentType,
        sha256: sha256(f.content),
        uploadedAt: expect.stringMatching(/Z$/),
      });
      uploaded.push(res.body);
    }

    for (const [i, f] of files.entries()) {
      const res = await ctx.http.as(ngo).get(`/documents/${uploaded[i].id}`);
      expect(res.status).toBe(200);
      expect(sha256(res.raw)).toBe(sha256(f.content));
      expect(res.headers['content-type']).toBe(f.contentType);
      expect(res.headers['content-length']).toBe(String(f.content.length));
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['etag']).toBe(`"${sha256(f.content)}"`);
      const disposition = String(res.headers['content-disposition']);
      expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]*"; filename\*=UTF-8''/);
      expect(decodeURIComponent(disposition.split("filename*=UTF-8''")[1])).toBe(f.fileName);
    }
    const again = await ctx.http
      .as(ngo)
      .request('GET', `/documents/${uploaded[0].id}`, undefined, { 'if-none-match': `"${sha256(files[0].content)}"` });
    expect(again.status).toBe(304);

    const list = await ctx.http.as(ngo).get(`/applications/${draft.id}/documents`);
    expect(list.body.items.map((d: { fileName: string }) => d.fileName)).toEqual(files.map((f) => f.fileName));
    // Stored under our own keys, never under the client's names.
    const keys = await storedKeys();
    expect(keys.length).toBeGreaterThanOrEqual(files.length);
    expect(keys.some((k) => /[а-яё .]/i.test(k))).toBe(false);
  });

  it('refuses an executable, HTML, SVG or a plain archive posing as a PDF with 415 and keeps nothing', async () => {
    const draft = await createDraftApplication(ctx.http, ngo, competition.id);
    const before = (await storedKeys()).length;
    for (const content of [fixtures.exe(), fixtures.html(), fixtures.svg(), fixtures.zip(), fixtures.ole('Contents')]) {
      const res = await ctx.http
        .as(ngo)
        .upload(`/applications/${draft.id}/documents`, documentUpload('charter', 'Устав.pdf', content));
      expect(res.status).toBe(415);
      expect(res.body.code).toBe('UNSUPPORTED_FILE_TYPE');
    }
    expect(await rows(draft.id)).toBe(0);
    expect((await storedKeys()).length).toBe(before);
  });

  it('refuses a file over UPLOAD_MAX_MB with 413 and keeps nothing', async () => {
    const draft = await createDraftApplication(ctx.http, ngo, competition.id);
    const before = (await storedKeys()).length;
    const big = Buffer.concat([fixtures.pdf(), Buffer.alloc(1024 * 1024 + 10, 0x20)]);
    const res = await ctx.http
      .as(ngo)
      .upload(`/applications/${draft.id}/documents`, documentUpload('charter', 'big.pdf', big));
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE' });
    expect(await rows(draft.id)).toBe(0);
    expect((await storedKeys()).length).toBe(before);
  });

  it('answers 400 naming the field for an unknown type, a missing file, extra fields or a body that is not multipart', async () => {
    const draft = await createDraftApplication(ctx.http, ngo, competition.id);
    const path = `/applications/${draft.id}/documents`;
    const before = (await storedKeys()).length;
    const unknownType = await ctx.http.as(ngo).upload(path, documentUpload('passport', 'a.pdf', fixtures.pdf()));
    expect(unknownType.status).toBe(400);
    expect(unknownType.body.message.join()).toMatch(/type must be one of: charter, budget, letters, other/);
    const noType = await ctx.http
      .as(ngo)
      .upload(path, multipart([{ name: 'file', file: { fileName: 'a.pdf', content: fixtures.pdf() } }]));
    expect(noType.status).toBe(400);
    const noFile = await ctx.http.as(ngo).upload(path, multipart([{ name: 'type', value: 'charter' }]));
    expect(noFile.status).toBe(400);
    expect(noFile.body.message).toContain('file is required');
    const extra = await ctx.http.as(ngo).upload(
      path,
      multipart([
        { name: 'type', value: 'charter' },
        { name: 'owner', value: 'admin' },
        { name: 'file', file: { fileName: 'a.pdf', content: fixtures.pdf() } },
      ]),
    );
    expect(extra.status).toBe(400);
    expect(extra.body.message).toContain('owner should not exist');
    const twoFiles = await ctx.http.as(ngo).upload(
      path,
      multipart([
        { name: 'type', value: 'charter' },
        { name: 'file', file: { fileName: 'a.pdf', content: fixtures.pdf() } },
        { name: 'file', file: { fileName: 'b.pdf', content: fixtures.pdf() } },
      ]),
    );
    expect(twoFiles.status).toBe(400);
    const json = await ctx.http.as(ngo).post(path, { type: 'charter' });
    expect(json.status).toBe(400);
    const broken = await ctx.http
      .as(ngo)
      .request('POST', path, '--x\r\ngarbage', { 'content-type': 'multipart/form-data; boundary=x' });
    expect(broken.status).toBe(400);
    expect(await rows(draft.id)).toBe(0);
    expect((await storedKeys()).length).toBe(before);
  });

  it('refuses the 31st file with 422 TOO_MANY_FILES', async () => {
    const draft = await createDraftApplication(ctx.http, ngo, competition.id);
    for (let i = 1; i <= 30; i++) {
      const res = await ctx.http
        .as(ngo)
        .upload(`/applications/${draft.id}/documents`, documentUpload('letters', `письмо ${i}.png`, fixtures.png()));
      expect(res.status).toBe(201);
    }
    const res = await ctx.http
      .as(ngo)
      .upload(`/applications/${draft.id}/documents`, documentUpload('letters', 'письмо 31.png', fixtures.png()));
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('TOO_MANY_FILES');
    expect(await rows(draft.id)).toBe(30);
  });

  it('submits only with the charter, freezes the documents in the snapshot and its hash, then refuses changes', async () => {
    const draft = await createDraftApplication(ctx.http, ngo, competition.id);
    const budget = await ctx.http
      .as(ngo)
      .upload(`/applications/${draft.id}/documents`, documentUpload('budget', 'смета.xlsx', fixtures.xlsx()));
    expect(budget.status).toBe(201);

    const refused = await ctx.http.as(ngo).post(`/applications/${draft.id}/submit`);
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('DOCUMENTS_MISSING');
    expect(refused.body.details).toEqual({ missing: ['charter'] });
    expect(refused.body.message).toMatch(/Устав организации/);

    const charterBytes = fixtures.pdf('Устав, редакция 3');
    const charter = await ctx.http
      .as(ngo)
      .upload(`/applications/${draft.id}/documents`, documentUpload('charter', 'Устав АНО.pdf', charterBytes));
    expect(charter.status).toBe(201);
    const submitted = await ctx.http.as(ngo).post(`/applications/${draft.id}/submit`);
    expect(submitted.status).toBe(200);
    expect(submitted.body.status).toBe('submitted');

    const snapshot = await ctx.http.as(ngo).get(`/applications/${draft.id}/snapshot`);
    expect(snapshot.status).toBe(200);
    expect(snapshot.body.content.documents).toEqual([
      { type: 'budget', fileName: 'смета.xlsx', size: fixtures.xlsx().length, sha256: budget.body.sha256 },
      { type: 'charter', fileName: 'Устав АНО.pdf', size: charterBytes.length, sha256: sha256(charterBytes) },
    ]);
    expect(snapshot.body.content.registrationNumber).toBe(submitted.body.registrationNumber);
    // Anyone can check the receipt: SHA-256 of the RFC 8785 canonical JSON of the content.
    expect(sha256(canonicalize(snapshot.body.content)!)).toBe(snapshot.body.contentHash);
    expect(snapshot.body.contentHash).toBe(submitted.body.contentHash);
    // The documents are part of what is hashed: another charter file would give another hash.
    const otherCharter = {
      ...snapshot.body.content,
      documents: [
        snapshot.body.content.documents[0],
        { ...snapshot.body.content.documents[1], sha256: sha256('другой устав') },
      ],
    };
    expect(sha256(canonicalize(otherCharter)!)).not.toBe(snapshot.body.contentHash);

    const remove = await ctx.http.as(ngo).delete(`/documents/${charter.body.id}`);
    expect(remove.status).toBe(409);
    expect(remove.body.code).toBe('NOT_EDITABLE');
    const add = await ctx.http
      .as(ngo)
      .upload(`/applications/${draft.id}/documents`, documentUpload('other', 'поздно.pdf', fixtures.pdf()));
    expect(add.status).toBe(409);
    expect(add.body.code).toBe('NOT_EDITABLE');
    expect(await rows(draft.id)).toBe(2);
  });

  /**
   * A file attached (or deleted) in a transaction that holds the application while the submit waits for it:
   * the submit's read under the lock is older than that commit, so the step is taken again with the
   * documents as they are, never frozen without the file that was attached, or with the one that was deleted.
   */
  async function submitWhileHeld(
    applicationId: string,
    change: (held: ReturnType<DataSource['createQueryRunner']>) => Promise<unknown>,
  ) {
    const held = db.createQueryRunner();
    await held.connect();
    await held.startTransaction();
    try {
      // What an attach or a delete does: the competition shared, the application exclusive, then the row.
      await held.query(
        `SELECT c.id FROM competitions c JOIN applications a ON a.competition_id = c.id WHERE a.id = $1 FOR SHARE OF c`,
        [applicationId],
      );
      await held.query(`SELECT id FROM applications WHERE id = $1 FOR UPDATE`, [applicationId]);
      await change(held);
      const submit = ctx.http.as(ngo).post(`/applications/${applicationId}/submit`);
      await untilWaitingOnLocks(held, 1, 'the submit to wait for the application');
      await held.commitTransaction();
      return await submit;
    } finally {
      await held.release();
    }
  }

  /** A draft of the NGO with its charter attached. */
  async function draftWithCharter() {
    const draft = await createDraftApplication(ctx.http, ngo, competition.id);
    const charter = await ctx.http
      .as(ngo)
      .upload(`/applications/${draft.id}/documents`, documentUpload('charter', 'Устав.pdf', fixtures.pdf()));
    expect(charter.status).toBe(201);
    return { draft, charter };
  }

  it('freezes a file attached while the submit waited for the application', async () => {
    const { draft } = await draftWithCharter();
    const submitted = await submitWhileHeld(draft.id, (held) =>
      held.query(
        `INSERT INTO application_documents (application_id, type, file_name, size, content_type, sha256, storage_key,
           uploaded_by, uploaded_at)
         SELECT $1, 'letters', 'Письмо поддержки.pdf', 3, 'application/pdf', $2, $3, created_by, clock_timestamp()
         FROM applications WHERE id = $1`,
        [draft.id, sha256('abc'), `held-${draft.id}`],
      ),
    );
    expect(submitted.status).toBe(200);
    const snapshot = await ctx.http.as(ngo).get(`/applications/${draft.id}/snapshot`);
    expect(snapshot.body.content.documents.map((d: { fileName: string }) => d.fileName)).toEqual([
      'Устав.pdf',
      'Письмо поддержки.pdf',
    ]);
    expect(sha256(canonicalize(snapshot.body.content)!)).toBe(submitted.body.contentHash);
  });

  it('refuses a submit whose charter was deleted while it waited for the application', async () => {
    const { draft, charter } = await draftWithCharter();
    const refused = await submitWhileHeld(draft.id, (held) =>
      held.query(`DELETE FROM application_documents WHERE id = $1`, [charter.body.id]),
    );
    expect([refused.status, refused.body.code]).toEqual([422, 'DOCUMENTS_MISSING']);
    const [{ status }] = await db.query(`SELECT status FROM applications WHERE id = $1`, [draft.id]);
    expect(status).toBe('draft');
  });

  it('has no snapshot before submit', async () => {
    const draft = await createDraftApplication(ctx.http, ngo, competition.id);
    expect((await ctx.http.as(ngo).get(`/applications/${draft.id}/snapshot`)).status).toBe(404);
  });

  it('deletes a draft’s document with its file', async () => {
    const draft = await createDraftApplication(ctx.http, ngo, competition.id);
    const before = (await storedKeys()).length;
    const doc = await ctx.http
      .as(ngo)
      .upload(`/applications/${draft.id}/documents`, documentUpload('other', 'лишний.pdf', fixtures.pdf()));
    expect((await storedKeys()).length).toBe(before + 1);
    expect((await ctx.http.as(foreign).delete(`/documents/${doc.body.id}`)).status).toBe(404);
    expect((await ctx.http.as(ngo).delete(`/documents/${doc.body.id}`)).status).toBe(204);
    expect((await ctx.http.as(ngo).get(`/documents/${doc.body.id}`)).status).toBe(404);
    expect((await ctx.http.as(ngo).get(`/applications/${draft.id}/documents`)).body.items).toEqual([]);
    expect((await storedKeys()).length).toBe(before);
  });

  it('lets whoever may read the application read its documents; anyone else gets 404', async () => {
    const draft = await createDraftApplication(ctx.http, ngo, competition.id);
    const doc = await ctx.http
      .as(ngo)
      .upload(`/applications/${draft.id}/documents`, documentUpload('charter', 'Устав.pdf', fixtures.pdf()));
    const reads = async () => {
      const out: Record<string, number[]> = {};
      for (const [who, session] of Object.entries({ ngo, foreign, consultant, expert, admin })) {
        out[who] = [
          (await ctx.http.as(session).get(`/applications/${draft.id}/documents`)).status,
          (await ctx.http.as(session).get(`/documents/${doc.body.id}`)).status,
        ];
      }
      return out;
    };
    expect(await reads()).toEqual({
      ngo: [200, 200],
      foreign: [404, 404],
      consultant: [404, 404],
      expert: [404, 404],
      admin: [200, 200],
    });

    // Consulted: the consultant reads; submitted and assigned: the expert reads.
    await ctx.http.as(ngo).post(`/applications/${draft.id}/consultations`, { question: 'Подходит ли устав?' });
    expect((await ctx.http.as(ngo).post(`/applications/${draft.id}/submit`)).status).toBe(200);
    await insertReview(db, {
      applicationId: draft.id,
      competitionId: competition.id,
      expertId: expert.user.id,
      dueAt: new Date(Date.now() + 10 * DAY),
    });
    expect(await reads()).toEqual({
      ngo: [200, 200],
      foreign: [404, 404],
      consultant: [200, 200],
      expert: [200, 200],
      admin: [200, 200],
    });
    expect((await ctx.http.as(expert).get(`/applications/${draft.id}/snapshot`)).status).toBe(200);
    expect((await ctx.http.as(foreign).get(`/applications/${draft.id}/snapshot`)).status).toBe(404);
  });
});

describe('Document types of a competition', () => {
  let ctx: TestContext;
  let admin: Session;
  beforeAll(async () => {
    ctx = await createTestContext();
    admin = await loginAdmin(ctx.http);
  });
  afterAll(() => ctx?.close());

  it('validates them at creation, edits them while draft and freezes them at publish', async () => {
    const bad = [
      [{ code: 'Устав', title: 'Устав', required: true }],
      [{ code: 'charter', title: '', required: true }],
      [{ code: 'charter', title: 'Устав', required: 'yes' }],
      [
        { code: 'charter', title: 'Устав', required: true },
        { code: 'charter', title: 'Устав 2', required: false },
      ],
      'charter',
    ];
    for (const documentTypes of bad) {
      const res = await ctx.http.as(admin).post('/competitions', competitionBody({ documentTypes }));
      expect({ documentTypes, status: res.status }).toEqual({ documentTypes, status: 400 });
      expect(JSON.stringify(res.body.message)).toMatch(/documentTypes/);
    }
    const created = await ctx.http
      .as(admin)
      .post(
        '/competitions',
        competitionBody({ documentTypes: [{ code: 'charter', title: 'Устав', titleEn: 'Charter', required: true }] }),
      );
    expect(created.status).toBe(201);
    expect(created.body.documentTypes).toEqual([
      { code: 'charter', title: 'Устав', titleEn: 'Charter', required: true },
    ]);
    const none = await ctx.http.as(admin).patch(`/competitions/${created.body.id}`, { documentTypes: [] });
    expect(none.status).toBe(200);
    expect(none.body.documentTypes).toEqual([]);
    await ctx.http.as(admin).patch(`/competitions/${created.body.id}`, {
      submissionOpensAt: new Date(Date.now() - 60_000).toISOString(),
    });
    expect((await ctx.http.as(admin).post(`/competitions/${created.body.id}/publish`)).status).toBe(200);
    const late = await ctx.http.as(admin).patch(`/competitions/${created.body.id}`, { documentTypes: [] });
    expect(late.status).toBe(409);
  });
});
