import { ConsultationPage } from './pages/ConsultationPage';
import { ConsultationQueuePage } from './pages/ConsultationQueuePage';
import { draft, guard, ngo, signIn, staff } from './support/staff';
import { expect, expectAccessible, expectNoHorizontalScroll, test } from './support/test';

const TITLE = 'Серебряное волонтёрство: старшее поколение помогает городу';

test.describe('a consultant', () => {
  test('takes a request, answers with two field remarks and a verdict; the NGO reads them beside the fields; a slower colleague is told it is taken', async ({
    page,
    browser,
    baseURL,
    api,
    problems,
    allowed,
    allowFailure,
  }) => {
    test.setTimeout(180_000);
    allowFailure(/POST 409 .*\/api\/v1\/consultations\/[^/]+\/take$/);
    const admin = await api.asAdmin();
    const competition = await admin.openCompetition({ documentTypes: [] });
    const applicant = await ngo(api, 'АНО «Серебряный возраст»');
    const application = await draft(applicant, competition.id, { title: TITLE });
    const consultation = await applicant.api.request('POST', `/applications/${application.id}/consultations`, {
      question: 'Правильно ли составлен бюджет и понятны ли цели?',
    });
    const consultant = await staff(admin, 'consultant', 'Орлова Анна Сергеевна');
    const colleague = await staff(admin, 'consultant', 'Белов Олег Петрович');

    // The colleague opens the queue too, a moment earlier.
    const colleagueContext = await browser.newContext({ baseURL, locale: 'ru-RU', timezoneId: 'Europe/Moscow' });
    const colleaguePage = await colleagueContext.newPage();
    guard(colleaguePage, problems, allowed);
    await signIn(colleaguePage, colleague);
    const colleagueQueue = new ConsultationQueuePage(colleaguePage);
    await colleagueQueue.goto();
    await expect(colleagueQueue.request(TITLE)).toBeVisible();

    await signIn(page, consultant);
    const queue = new ConsultationQueuePage(page);
    await queue.goto();
    await expect(page).toHaveTitle('Консультации — Гранты');
    await expect(queue.tab('Ждут консультанта')).toHaveAttribute('aria-selected', 'true');
    await expect(queue.request(TITLE)).toContainText('АНО «Серебряный возраст»');
    await expect(queue.request(TITLE)).toContainText(/ждёт \d+ мин/);
    await expectAccessible(page);
    // Filtering by competition keeps the request; it is in the URL.
    await queue.competition.selectOption({ label: competition.title });
    await expect(page).toHaveURL(new RegExp(`competitionId=${competition.id}`));
    await expect(queue.request(TITLE)).toBeVisible();

    await queue.take(TITLE).click();
    await expect(page).toHaveURL(`/consultations/${consultation.id}`);
    const answer = new ConsultationPage(page);
    await expect(answer.heading).toHaveText(`Консультация: ${TITLE}`);
    await expect(page.getByText('Правильно ли составлен бюджет и понятны ли цели?')).toBeVisible();
    await expect(answer.field('budgetLines')).toContainText('120 000,00 ₽');

    await answer.comment.fill('Заявка в целом сильная; поправьте бюджет и уточните цели.');
    // A remark picked from the read-only view…
    await answer.remarkOn('Бюджет').click();
    await expect(answer.remark(0).field).toHaveValue('budgetLines');
    await expect(answer.remark(0).text).toBeFocused();
    await answer.remark(0).text.fill('Статья «Расходные материалы» не расшифрована.');
    // …and one from the list of fields.
    await answer.addRemark.click();
    await answer.remark(1).field.selectOption({ label: 'Цели проекта' });
    await answer.remark(1).text.fill('Цели сформулируйте измеримо: сколько акций, сколько участников.');
    await answer.verdict('Нужны доработки').check();
    // The remarks show beside their fields before sending.
    await expect(answer.field('budgetLines')).toContainText('Статья «Расходные материалы» не расшифрована.');
    await expectAccessible(page);
    await answer.send.click();
    await expect(page.getByText('Завершена').first()).toBeVisible();
    await expect(answer.form).toHaveCount(0);
    await expect(answer.field('goals')).toContainText('Цели сформулируйте измеримо');

    // The slower colleague learns, in plain words, that someone was faster.
    await colleagueQueue.take(TITLE).click();
    await expect(colleaguePage.getByRole('alert')).toContainText('уже взял в работу другой консультант');
    await colleagueContext.close();

    // The NGO, in its own browser, reads the answer and finds each remark beside its field.
    const ngoContext = await browser.newContext({ baseURL, locale: 'ru-RU', timezoneId: 'Europe/Moscow' });
    const ngoPage = await ngoContext.newPage();
    guard(ngoPage, problems, allowed);
    await signIn(ngoPage, applicant);
    await ngoPage.goto(`/applications/${application.id}/consultations`);
    await expect(ngoPage.getByText('Заявку нужно доработать')).toBeVisible();
    await expect(ngoPage.getByText('Орлова Анна Сергеевна')).toBeVisible();
    await ngoPage.goto(`/applications/${application.id}/edit/project`);
    await expect(ngoPage.getByLabel('Цели проекта')).toHaveAccessibleDescription(/Цели сформулируйте измеримо/);
    await ngoPage.goto(`/applications/${application.id}/edit/budget`);
    await expect(ngoPage.getByText('Статья «Расходные материалы» не расшифрована.')).toBeVisible();
    await ngoContext.close();

    const done = await applicant.api.request('GET', `/consultations?applicationId=${application.id}`);
    expect(done.items[0]).toMatchObject({
      status: 'completed',
      verdict: 'needs_changes',
      remarks: [
        { field: 'budgetLines', text: 'Статья «Расходные материалы» не расшифрована.' },
        { field: 'goals', text: 'Цели сформулируйте измеримо: сколько акций, сколько участников.' },
      ],
    });

    // A second round on the same application: the earlier one is in its history.
    const second = await applicant.api.request('POST', `/applications/${application.id}/consultations`, {
      question: 'Исправили бюджет — посмотрите ещё раз?',
    });
    await answer.goto(second.id);
    await answer.take.click();
    await expect(answer.form).toBeVisible();
    const rounds = page.getByRole('region', { name: 'Все консультации по заявке' });
    await expect(rounds).toContainText('Нужны доработки');
    await expect(rounds).toContainText('Эта консультация');
  });

  test('works on a phone, in English', async ({ page, api }) => {
    test.setTimeout(90_000);
    const admin = await api.asAdmin();
    const competition = await admin.openCompetition({ documentTypes: [] });
    const applicant = await ngo(api, 'АНО «Серебряный возраст»');
    const application = await draft(applicant, competition.id, { title: TITLE });
    const consultation = await applicant.api.request('POST', `/applications/${application.id}/consultations`, {
      question: 'Проверьте, пожалуйста, бюджет.',
    });
    const consultant = await staff(admin, 'consultant', 'Anna Orlova', 'en');
    await signIn(page, consultant);
    await page.setViewportSize({ width: 360, height: 740 });
    const queue = new ConsultationQueuePage(page);
    await queue.goto();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(queue.request(TITLE)).toContainText(/waiting \d+ min/);
    await expectNoHorizontalScroll(page);
    await expectAccessible(page);
    await queue.take(TITLE).click();
    const answer = new ConsultationPage(page);
    await expect(page).toHaveURL(`/consultations/${consultation.id}`);
    await answer.form.waitFor();
    await answer.addRemark.click();
    await expectNoHorizontalScroll(page);
    await expectAccessible(page);
  });
});
