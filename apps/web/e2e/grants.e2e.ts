import pg from 'pg';
import { GrantReportPage } from './pages/GrantReportPage';
import { ProjectCardPage } from './pages/ProjectCardPage';
import { signIn } from './support/staff';
import type { Page } from '@playwright/test';
import type { Api } from './support/api';
import type { Server } from './support/server';
import { expect, expectAccessible, expectNoHorizontalScroll, test } from './support/test';

const RESULTS = [
  { indicator: 'Число вовлечённых волонтёров', target: '120 человек' },
  { indicator: 'Проведено мероприятий во дворах', target: '10' },
];
const RENT_ACTS = 'Акты по аренде помещения.pdf';
const LINES = [
  { item: 'Оплата труда координатора', amount: '60000.00' },
  { item: 'Аренда помещения', amount: '40000.00' },
];

/**
 * A grant through the real announcement: the NGO applies and submits through the API, the review is
 * taken as done (the application is marked reviewed with a score in the database), the admin announces
 * and records the agreement through the API.
 */
async function awardedGrant(api: Api, server: Server) {
  const admin = await api.asAdmin();
  const competition = await admin.openCompetition({ title: 'Конкурс «Добрые соседи»', documentTypes: [] });
  const stamp = Date.now().toString(36);
  const ngo = {
    email: `ngo-${stamp}@example.org`,
    password: 'ngo-password-123',
  };
  const inn = innOf(stamp);
  await api.request('POST', '/auth/register', {
    ...ngo,
    fullName: 'Иванова Мария Петровна',
    organization: { fullName: `АНО «Добрые соседи ${stamp}»`, inn },
  });
  const applicant = await api.login(ngo.email, ngo.password);
  const start = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
  const end = new Date(Date.now() + 300 * 86_400_000).toISOString().slice(0, 10);
  const application = await applicant.request('POST', `/competitions/${competition.id}/applications`, {
    title: 'Двор, где всем хорошо',
    summary: 'Соседские праздники и помощь пожилым жителям микрорайона.',
    direction: 'social',
    requestedAmount: '100000.00',
    coFinancingAmount: '20000.00',
    projectStart: start,
    projectEnd: end,
    goals: 'Сплотить жителей микрорайона',
    expectedResults: RESULTS,
    budgetLines: LINES,
    geography: 'г. Лесосибирск',
  });
  await applicant.request('POST', `/applications/${application.id}/submit`);
  const db = new pg.Client({ connectionString: server.databaseUrl });
  await db.connect();
  try {
    await db.query(`UPDATE competitions SET status = 'review', closed_at = now() WHERE id = $1`, [competition.id]);
    await db.query(`UPDATE applications SET status = 'reviewed', score = 82 WHERE id = $1`, [application.id]);
  } finally {
    await db.end();
  }
  await admin.request('POST', `/competitions/${competition.id}/results`, {
    awards: [{ applicationId: application.id, amount: '100000.00' }],
  });
  const grants = await admin.request('GET', `/grants?competitionId=${competition.id}`);
  const grant = grants.items[0];
  await admin.request('POST', `/grants/${grant.id}/agreement`, { agreementNumber: '12-ГП/2026', agreementDate: start });
  const consultantUser = { email: `consultant-${stamp}@rc.example.org`, password: 'consultant-password-1' };
  await admin.request('POST', '/users', {
    ...consultantUser,
    fullName: 'Сидорова Анна Викторовна',
    role: 'consultant',
  });
  // Its own admin: the bootstrap admin's language is whatever an earlier errand last chose.
  const adminUser = { email: `admin-${stamp}@rc.example.org`, password: 'admin-password-123' };
  await admin.request('POST', '/users', { ...adminUser, fullName: 'Петров Игорь Сергеевич', role: 'admin' });
  return { admin, adminUser, applicant, ngo, consultant: consultantUser, competition, grant };
}

/** Signs the person in (session cookie, as the login form would) and opens a page. */
async function visitAs(page: Page, person: { email: string; password: string }, path: string) {
  await page.context().clearCookies();
  await signIn(page, person);
  await page.goto(path);
  await page.getByRole('heading', { level: 1 }).waitFor();
}

/** A small valid PDF (the API decides the format by content). */
function rentActsPdf(): Buffer {
  return Buffer.from(
    '%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n',
  );
}

/** A valid 10-digit INN (checksum) from a stamp. */
function innOf(stamp: string): string {
  const digits = (parseInt(stamp, 36) % 1e9).toString().padStart(9, '1').split('').map(Number);
  const weights = [2, 4, 10, 3, 5, 9, 4, 6, 8];
  const check = (digits.reduce((s, d, i) => s + d * weights[i], 0) % 11) % 10;
  return [...digits, check].join('');
}

test.describe('a grant after the award', () => {
  test('the NGO reports, a consultant returns it, the NGO fixes it, an admin accepts; the public card shows the results', async ({
    page,
    api,
    server,
    allowFailure,
  }) => {
    test.setTimeout(150_000);
    // The submit with parts missing and a file in a format not taken are refused on purpose.
    allowFailure(/ 422 .*\/reports\/interim\/submit$/);
    allowFailure(/ 415 .*\/reports\/interim\/documents$/);
    const { applicant, ngo, consultant, competition, grant, admin, adminUser } = await awardedGrant(api, server);
    const report = new GrantReportPage(page);

    // The NGO opens its grant and the interim report.
    await visitAs(page, ngo, `/grants/${grant.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Двор, где всем хорошо');
    await expect(page.getByText('№ 12-ГП/2026')).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Промежуточный отчёт' }).click();
    await expect(report.heading).toContainText('Промежуточный отчёт');
    // Targets beside achieved values, plans beside spending.
    await expect(page.getByText('120 человек')).toBeVisible();
    await expect(page.getByText('60 000,00 ₽').first()).toBeVisible();

    await report.narrative.fill('Набрали волонтёров и провели праздники во дворах.');
    await report.achieved(RESULTS[0].indicator).fill('134 человека');
    await report.spent(LINES[0].item).fill('61 000');
    await expect(report.saved).toBeVisible({ timeout: 10_000 });
    await expectAccessible(page);

    // The acts for the rent, as a PDF; the limits are said before a file is chosen, a wrong format beside the control.
    await expect(report.documents).toContainText('PDF, DOC, DOCX, XLS, XLSX, ODT, ODS, RTF, JPEG или PNG, до 20 МБ.');
    await expect(report.documents).toContainText('Файлов пока нет.');
    await report.attach('акты.pdf', Buffer.from('Это не PDF, а обычный текст.'), 'application/pdf');
    await expect(report.fileControl).toHaveAccessibleDescription(/Такой тип файла не принимается/);
    await expect(report.documents.getByRole('alert')).toContainText('Такой тип файла не принимается');
    await report.attach(RENT_ACTS, rentActsPdf());
    await expect(report.documents.getByText(`Файл «${RENT_ACTS}» загружен.`)).toBeVisible();
    await expect(report.file(RENT_ACTS)).toBeVisible();
    // One attached by mistake is deleted again.
    await report.attach('Черновик акта.pdf', rentActsPdf());
    await expect(report.file('Черновик акта.pdf')).toBeVisible();
    await report.deleteFile('Черновик акта.pdf');
    await expect(report.file('Черновик акта.pdf')).toHaveCount(0);
    await expect(report.file(RENT_ACTS)).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { name: 'Report documents' })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Русский' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'ru');

    // A reload loses nothing.
    await page.reload();
    await expect(report.file(RENT_ACTS)).toBeVisible();
    await expect(report.narrative).toHaveValue('Набрали волонтёров и провели праздники во дворах.');
    await expect(report.achieved(RESULTS[0].indicator)).toHaveValue('134 человека');
    await expect(report.spent(LINES[0].item)).toHaveValue('61\u00a0000,00');

    // Submitting with parts missing names each of them, linked to its field.
    await report.submit.click();
    await expect(report.errorSummary).toBeVisible();
    await expect(report.errorSummary).toContainText(`Укажите достигнутое значение: ${RESULTS[1].indicator}`);
    await report.errorSummary.getByRole('link', { name: `Укажите, сколько израсходовано: ${LINES[1].item}` }).click();
    await expect(report.spent(LINES[1].item)).toBeFocused();
    await report.spent(LINES[1].item).fill('39500,50');
    await report.achieved(RESULTS[1].indicator).fill('11');
    await report.submit.click();
    await expect(report.status('На проверке')).toBeVisible();
    await expect(page.getByText('Отчёт отправлен и проверяется')).toBeVisible();

    // Once submitted the NGO's file is read-only: listed, no delete.
    await expect(report.file(RENT_ACTS)).toBeVisible();
    await expect(report.documents.getByRole('button')).toHaveCount(0);

    // A consultant returns it with a comment, having downloaded the acts.
    await visitAs(page, consultant, `/grants/${grant.id}/reports/interim`);
    await expect(page.getByRole('cell', { name: '134 человека' })).toBeVisible();
    const download = page.waitForEvent('download');
    await report.file(RENT_ACTS).click();
    expect((await download).suggestedFilename()).toBe(RENT_ACTS);
    await expectAccessible(page);
    await report.giveBack.click();
    await expect(report.errorSummary).toContainText('Напишите, что нужно исправить');
    await report.comment.fill('Приложите акты по статье «Аренда помещения»');
    await report.giveBack.click();
    await expect(report.status('Возвращён на доработку')).toBeVisible();

    // The NGO reads the comment, corrects and submits again, on a phone.
    await page.setViewportSize({ width: 360, height: 740 });
    await visitAs(page, ngo, `/grants/${grant.id}/reports/interim`);
    await expect(page.getByText('Приложите акты по статье «Аренда помещения»')).toBeVisible();
    await expectNoHorizontalScroll(page);
    await report.narrative.fill('Набрали волонтёров и провели праздники во дворах. Акты по аренде приложены.');
    await expect(report.saved).toBeVisible({ timeout: 10_000 });
    await report.submit.click();
    await expect(report.status('На проверке')).toBeVisible();
    await page.setViewportSize({ width: 1280, height: 800 });

    // An admin accepts it.
    await visitAs(page, adminUser, `/grants/${grant.id}/reports/interim`);
    await report.comment.fill('Принято без замечаний');
    await report.accept.click();
    await expect(report.status('Принят')).toBeVisible();
    await page.goto('/admin/grants');
    await expect(page.getByRole('link', { name: 'Двор, где всем хорошо' })).toBeVisible();
    await expectAccessible(page);

    // The final report (through the API here) completes the grant; the public card shows what was achieved.
    const final = await applicant.request('GET', `/grants/${grant.id}/reports/final`);
    await applicant.request('PUT', `/grants/${grant.id}/reports/final`, {
      narrative: 'Проект выполнен.',
      results: final.results.map((r: { indicator: string; target: string }, i: number) => ({
        ...r,
        achieved: ['150 человек', '12'][i],
      })),
      expenditures: final.expenditures.map((e: { item: string; planned: string }) => ({ ...e, spent: e.planned })),
    });
    await applicant.request('POST', `/grants/${grant.id}/reports/final/submit`);
    await admin.request('POST', `/grants/${grant.id}/reports/final/accept`, {});

    await page.context().clearCookies();
    await page.goto(`/competitions/${competition.id}/results`);
    await page.getByRole('link', { name: 'Карточка проекта «Двор, где всем хорошо»' }).click();
    const card = new ProjectCardPage(page);
    await expect(card.heading).toHaveText('Двор, где всем хорошо');
    await expect(page.getByText('Завершён')).toBeVisible();
    await expect(card.results.getByRole('cell', { name: '150 человек' })).toBeVisible();
    await expect(card.results.getByRole('cell', { name: '120 человек' })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { name: 'Project results' })).toBeVisible();
    await expectAccessible(page);
  });
});
