import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone.js';
import utc from 'dayjs/plugin/utc.js';
import type { Page } from '@playwright/test';
import { ApplicationsTablePage, CompetitionEditorPage, confirm, ExpertsPage, RankingPage } from './pages/AdminPages';
import { Header } from './pages/Header';
import { consult, scoreAndSubmit, uploadDocument, waitForStatus } from './support/admin';
import { ADMIN } from './support/server';
import { draft, ngo, signIn, staff } from './support/staff';
import { expect, expectAccessible, expectNoHorizontalScroll, test } from './support/test';

dayjs.extend(utc);
dayjs.extend(timezone);

const ZONE = 'Asia/Krasnoyarsk';
const local = (ms: number) => dayjs(ms).tz(ZONE).format('YYYY-MM-DDTHH:mm');
/**
 * axe in Russian, then in English, then back to Russian. The language is the shared ADMIN's stored
 * `locale`: each switch waits for it to be saved, and the errand goes on (and ends) in Russian.
 */
async function accessibleInBothLanguages(page: Page) {
  await expectAccessible(page);
  const header = new Header(page);
  await header.switchLanguage('en');
  await expectAccessible(page);
  await header.switchLanguage('ru');
}

const ADMIN_CHUNKS =
  /(DashboardPage|AdminCompetitionPage|CompetitionEditorPage|ApplicationsPage|ExpertsPage|RankingPage|UsersPage|MailsPage|AuditPage|StatisticsPage)-[\w-]+\.js/;

test.describe('an administrator', () => {
  test('runs a competition from the editor to the published annual report, which a visitor then reads', async ({
    page,
    api,
    server,
  }) => {
    test.setTimeout(240_000);
    const admin = await api.asAdmin();
    const year = new Date().getUTCFullYear();
    await signIn(page, ADMIN);

    // The editor: the ten default criteria are prefilled; two are kept and one reweighted; a required document.
    const editor = new CompetitionEditorPage(page);
    await editor.gotoNew();
    await expect(page).toHaveTitle('Новый конкурс — Гранты');
    await expect(page.locator('input[name^="criteria."][name$=".code"]')).toHaveCount(10);
    await expect(page.getByTestId('criteria-totals')).toHaveText('Сумма весов: 10 · максимальный итоговый балл: 100');
    await expectAccessible(page);
    await editor.field('title').fill('Конкурс «Добрые соседи»');
    await editor.field('description').fill('Муниципальный конкурс проектов соседской взаимопомощи.');
    const now = Date.now();
    await editor.field('submissionOpensAt').fill(local(now - 3600_000));
    await editor.field('submissionDeadline').fill(local(now + 7 * 86_400_000));
    await editor.field('reviewDeadline').fill(local(now + 30 * 86_400_000));
    await editor.field('totalBudget').fill('450000');
    await editor.field('maxGrantAmount').fill('300 000');
    await editor.field('directions.0.code').fill('social');
    await editor.field('directions.0.title').fill('Социальная поддержка и защита граждан');
    await editor.keepCriteria(2);
    await editor.field('criteria.0.title').fill('Польза для жителей микрорайона');
    await editor.field('criteria.0.weight').fill('3');
    await expect(page.getByTestId('criteria-totals')).toHaveText('Сумма весов: 5 · максимальный итоговый балл: 50');
    await editor.addDocumentType('charter', 'Устав организации');
    await editor.submit();
    await expect(page).toHaveURL(/\/admin\/competitions\/[0-9a-f-]{36}$/);
    const id = page.url().split('/').pop()!;
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Конкурс «Добрые соседи»');
    const created = await admin.request('GET', `/competitions/${id}`);
    expect(created.criteria.map((c: { title: string; weight: number }) => [c.title, c.weight])).toEqual([
      ['Польза для жителей микрорайона', 3],
      ['Логическая связность и реализуемость проекта', 2],
    ]);
    expect(created.documentTypes).toEqual([expect.objectContaining({ code: 'charter', required: true })]);

    // Publish, behind a confirmation that says what happens.
    const publishText = await confirm(page, 'Опубликовать');
    expect(publishText).toContain('можно менять только описание и график отчётов и продлевать сроки');
    await expect(page.getByText('Идёт приём заявок').first()).toBeVisible();
    await expectAccessible(page);

    // Published: the budget is read-only now, but the report schedule still changes until the announcement.
    await page.goto(`/admin/competitions/${id}/edit`);
    await expect(page.getByText(/^Конкурс опубликован: можно менять описание и график отчётов/)).toBeVisible();
    await expect(editor.field('totalBudget')).toHaveAttribute('readonly', '');
    await expect(editor.field('directions.0.title')).toBeDisabled();
    const schedule = page.getByRole('group', { name: 'График отчётов' });
    await expect(editor.field('reportSchedule.0.dueDate')).toBeEnabled();
    await expect(schedule).toHaveAccessibleDescription(/График можно менять до объявления итогов/);
    await accessibleInBothLanguages(page);
    const [interim, final] = created.reportSchedule as Array<{ code: string; dueDate: string }>;
    const later = dayjs(interim.dueDate).add(1, 'month').format('YYYY-MM-DD');
    await editor.field('reportSchedule.0.dueDate').fill(later);
    await editor.field('reportSchedule.0.title').fill('Отчёт за первое полугодие');
    await editor.submit();
    await expect(page).toHaveURL(new RegExp(`/admin/competitions/${id}$`));
    const rescheduled = await admin.request('GET', `/competitions/${id}`);
    // The English titles the form does not show by default survive the edit.
    expect(rescheduled.reportSchedule).toEqual([
      { code: 'interim', title: 'Отчёт за первое полугодие', titleEn: 'Interim report', dueDate: later },
      { code: 'final', title: 'Итоговый отчёт', titleEn: 'Final report', dueDate: final.dueDate },
    ]);
    expect(rescheduled.totalBudget).toBe('450000.00');

    // NGOs apply through the API; two of them were consulted by the Resource Center.
    const consultant = await staff(admin, 'consultant', 'Орлова Анна Викторовна');
    const experts = [
      await staff(admin, 'expert', 'Петрова Мария Ивановна'),
      await staff(admin, 'expert', 'Соколов Дмитрий Андреевич'),
      await staff(admin, 'expert', 'Кузнецова Ольга Павловна'),
    ];
    const ngos = [
      await ngo(api, 'АНО «Серебряный возраст»'),
      await ngo(api, 'РОО «Семья и дети»'),
      await ngo(api, 'Фонд «Старый город»'),
    ];
    const titles = ['Соседский центр', 'Семейная суббота', 'Двор без барьеров'];
    const applications = [];
    for (const [i, applicant] of ngos.entries()) {
      const a = await draft(applicant, id, { title: titles[i] });
      await uploadDocument(server.url, applicant, a.id, 'charter');
      if (i < 2) await consult(applicant, consultant, a.id);
      applications.push(await applicant.api.request('POST', `/applications/${a.id}/submit`));
    }

    // The table filters by the Resource Center's participation (in the URL, like the other filters).
    const table = new ApplicationsTablePage(page);
    await table.goto(id);
    await expect(table.rows).toHaveCount(3);
    await table.filter('Ресурсный центр', 'С участием Ресурсного центра');
    await expect(page).toHaveURL(/[?&]assisted=true/);
    await expect(table.rows).toHaveCount(2);
    expect((await table.organizations()).sort()).toEqual(['АНО «Серебряный возраст»', 'РОО «Семья и дети»']);
    await expect(table.rows.getByText('С консультацией')).toHaveCount(2);
    await page.reload();
    await expect(table.rows).toHaveCount(2);
    await table.filter('Ресурсный центр', 'Без участия Ресурсного центра');
    await expect(page).toHaveURL(/[?&]assisted=false/);
    await expect(table.rows).toHaveCount(1);
    expect(await table.organizations()).toEqual(['Фонд «Старый город»']);
    await expect(table.rows.getByText('С консультацией')).toHaveCount(0);
    await table.goto(id, '?assisted=true&q=' + encodeURIComponent('семья'));
    expect(await table.organizations()).toEqual(['РОО «Семья и дети»']);
    await accessibleInBothLanguages(page);

    // Close now; then automatic assignment, two experts per application.
    await page.goto(`/admin/competitions/${id}`);
    const closeText = await confirm(page, 'Завершить приём сейчас', 'Завершить приём');
    expect(closeText).toContain('3 поданные заявки уйдут на экспертизу');
    await waitForStatus(admin, id, 'review');
    const expertsPage = new ExpertsPage(page);
    await expertsPage.goto(id);
    await expect(page.getByText(/Мягкость — насколько выше/)).toBeVisible();
    await page.getByRole('button', { name: 'Распределить автоматически' }).click();
    await expect(page.getByText('Назначено экспертиз: 6; не хватило свободных экспертов: 0.')).toBeVisible();
    await accessibleInBothLanguages(page);

    // The experts score; the first application's two scores diverge.
    const reviewersOf = async (applicationId: string) =>
      (await admin.request('GET', `/applications/${applicationId}/reviews`)).items.map(
        (r: { expertId: string }) => r.expertId,
      );
    const criteria = created.criteria;
    const scores = [
      [9, 2],
      [8, 7],
      [6, 6],
    ];
    for (const [i, a] of applications.entries()) {
      const reviewers = await reviewersOf(a.id);
      for (const [j, expertId] of reviewers.entries())
        await scoreAndSubmit(
          experts.find((e) => e.id === expertId)!,
          a.id,
          criteria,
          scores[i][j],
        );
    }
    const assigned = await reviewersOf(applications[0].id);
    const extra = experts.find((e) => !assigned.includes(e.id))!;
    await page.reload();
    const divergent = expertsPage.application(applications[0].registrationNumber);
    await expect(divergent.getByText('Оценки расходятся: нужен ещё эксперт')).toBeVisible();
    await expertsPage.assign(applications[0].registrationNumber, extra.fullName);
    await expect(page.getByText(`Эксперт назначен на заявку ${applications[0].registrationNumber}.`)).toBeVisible();
    await scoreAndSubmit(extra, applications[0].id, criteria, 7);

    // Ranking: the proposal is prefilled within the budget; the admin lowers the first award and announces.
    const ranking = new RankingPage(page);
    await ranking.goto(id);
    await expect(ranking.award(1)).not.toHaveValue('');
    await expect(page.getByText('Фонд исчерпан')).toBeVisible();
    await accessibleInBothLanguages(page);
    await ranking.award(1).fill('180000');
    await ranking.award(1).blur();
    await expect(page.getByText('Предложено к награждению 380 000,00 ₽ из фонда 450 000,00 ₽')).toBeVisible();
    await expectAccessible(page);
    const announceText = await confirm(page, 'Объявить итоги');
    expect(announceText).toContain('Победителями станут 2, не поддержаны 1, общая сумма грантов 380 000,00 ₽');
    await expect(page.getByText('Итоги объявлены: победителей 2, не поддержано 1, сумма 380 000,00 ₽.')).toBeVisible();

    // Announced: the grants have their reports now, so the editor shows the schedule read-only and says why.
    await page.goto(`/admin/competitions/${id}/edit`);
    await expect(
      page.getByText('Итоги объявлены: конкурс больше не меняется, здесь он только для чтения.'),
    ).toBeVisible();
    await expect(editor.field('reportSchedule.0.dueDate')).toBeDisabled();
    await expect(schedule.getByRole('button')).toHaveCount(0);
    await expect(schedule).toHaveAccessibleDescription(/График больше не меняется/);
    await expect(page.getByRole('button', { name: 'Сохранить' })).toHaveCount(0);
    await expectAccessible(page);

    // Statistics: compile with progress, then publish.
    await page.goto(`/admin/statistics/${year}`);
    await page.getByRole('button', { name: 'Собрать статистику' }).click();
    await expect(page.getByText('Статистика собрана.')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('heading', { name: 'По направлениям' })).toBeVisible();
    await expectAccessible(page);
    await confirm(page, 'Опубликовать отчёт', 'Опубликовать');
    await expect(page.getByText('Отчёт опубликован.')).toBeVisible();

    // A visitor without an account reads the results and the report; no admin chunk is downloaded.
    await page.context().clearCookies();
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(r.url());
    });
    await page.goto(`/competitions/${id}/results`);
    await expect(page.getByText('Соседский центр')).toBeVisible();
    await page.goto(`/reports/${year}`);
    const headline = page.getByTestId('headline');
    const assistedAwarded = (await admin.request('GET', `/public/reports/${year}`)).figures.consultantAssisted.awarded;
    expect(assistedAwarded).toBeGreaterThan(0);
    await expect(headline).toContainText(
      new RegExp(
        `В ${year} году грантовую поддержку получил[и]? ${assistedAwarded} проект(а|ов)?, подготовленн(ый|ых) с участием специалистов Ресурсного центра`,
      ),
    );
    await expectAccessible(page);
    expect(scripts.filter((u) => ADMIN_CHUNKS.test(u))).toEqual([]);

    await page.setViewportSize({ width: 360, height: 740 });
    await page.screenshot({ path: 'dist/playwright/report-360.png', fullPage: true });
    await expectNoHorizontalScroll(page);
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Grant competitions in ${year}`);
    await expect(headline).toContainText('prepared with the participation of');
    await expectAccessible(page);
  });

  test('reads the workspace in English on a phone', async ({ page }) => {
    await signIn(page, ADMIN);
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto('/admin');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Рабочее место администратора');
    await expectAccessible(page);
    await expectNoHorizontalScroll(page);
    for (const path of ['/admin/users', '/admin/notifications', '/admin/audit']) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await expectAccessible(page);
    }
    await new Header(page).switchLanguage('en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Audit log');
    await expectAccessible(page);
    await page.goto('/admin');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Administrator’s workspace');
    await expectAccessible(page);
    // The language is the shared ADMIN's stored locale: the other errands expect it Russian.
    await new Header(page).switchLanguage('ru');
  });
});
