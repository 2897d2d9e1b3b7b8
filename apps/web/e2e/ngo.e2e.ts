import type { Page } from '@playwright/test';
import {
  CheckPage,
  ConsultationsPage,
  Dashboard,
  LoginForm,
  Receipt,
  SectionEditor,
  TaskList,
} from './pages/ApplicationPages';
import { charterPdf, completeDraft, createConsultant, registerNgo, uploadDocument } from './support/ngo';
import { expect as baseExpect, expectAccessible, expectNoHorizontalScroll, test } from './support/test';

// Pages here wait on several API calls on a shared 2-core machine: assertions get more time than 5 s.
const expect = baseExpect.configure({ timeout: 15_000 });

/** axe in Russian, then in English, then back to Russian (the language switch of the header). */
async function accessibleInBothLanguages(page: Page) {
  await expectAccessible(page);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Русский' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
}

test.describe('an NGO', () => {
  // Long errands on a shared 2-core machine.
  test.describe.configure({ timeout: 120_000 });

  test('fills its draft section by section, asks the Resource Center, fixes the remark and submits', async ({
    page,
    api,
  }) => {
    test.setTimeout(240_000);
    const admin = await api.asAdmin();
    const competition = await admin.openCompetition();
    // Registration goes through the API: the /register page is another errand (account pages).
    const ngo = await registerNgo(api);
    const consultant = await createConsultant(api);

    await new LoginForm(page).signIn(ngo.email, ngo.password);
    const my = new Dashboard(page);
    await expect(my.heading).toBeVisible();
    await expect(page).toHaveURL('/my');
    await expect(my.region('Открытые конкурсы')).toContainText(competition.title);
    await expect(my.region('Заявки организации')).toContainText('Заявок пока нет');
    await accessibleInBothLanguages(page);

    await my.region('Открытые конкурсы').getByRole('link', { name: competition.title }).click();
    await page.getByRole('button', { name: 'Подать заявку' }).click();
    await expect(page).toHaveURL(/\/applications\/[0-9a-f-]{36}$/);
    const id = page.url().split('/').pop()!;
    const tasks = new TaskList(page);
    await expect(tasks.task('О проекте')).toContainText('Не начат');
    await expect(tasks.task('Бюджет')).toContainText('Не начат');
    await expect(page.getByText('Красноярск (UTC+7)').first()).toBeVisible();
    await accessibleInBothLanguages(page);

    // The checklist starts red, straight from the server.
    const check = new CheckPage(page);
    await check.goto(id);
    await expect(check.rule('INCOMPLETE')).toHaveAttribute('data-ok', 'false');
    await expect(check.rule('DEADLINE_PASSED')).toHaveAttribute('data-ok', 'true');
    await accessibleInBothLanguages(page);

    // About: typed, saved by itself; a reload in the middle of typing loses nothing.
    await tasks.goto(id);
    await tasks.open('О проекте');
    const editor = new SectionEditor(page);
    await editor.field('Название').fill('Серебряное волонтёрство');
    await editor.field('Направление').selectOption({ label: 'Социальная поддержка и защита граждан' });
    await editor.field('География проекта').fill('г. Лесосибирск');
    await editor.saved();
    // Leaving with unsaved changes asks first (beforeunload); the person leaves anyway.
    page.on('dialog', (dialog) => void dialog.accept());
    await editor.field('Краткое описание').fill('Пожилые люди помогают городу');
    await page.reload();
    await expect(editor.field('Краткое описание')).toHaveValue('Пожилые люди помогают городу');
    await editor.saved();
    await page.reload();
    await expect(editor.field('Краткое описание')).toHaveValue('Пожилые люди помогают городу');
    await accessibleInBothLanguages(page);
    await editor.continue.click();

    // Project: dates typed, goals, an expected result.
    await expect(page.getByRole('heading', { level: 1, name: 'Сроки, цели и результаты' })).toBeVisible();
    const year = new Date().getUTCFullYear() + 1;
    await editor.field('Начало проекта').fill(`${year}-02-01`);
    await editor.field('Окончание проекта').fill(`${year}-11-30`);
    await editor.field('Цели проекта').fill('Создать клуб серебряных волонтёров');
    await editor.field('Показатель 1').fill('Вовлечённые волонтёры');
    await editor.field('Целевое значение 1').fill('120 человек');
    await editor.saved();
    await accessibleInBothLanguages(page);
    await editor.continue.click();

    // Budget: Russian-style amounts, live sums, the share of co-financing.
    await expect(page.getByRole('heading', { level: 1, name: 'Бюджет' })).toBeVisible();
    await editor.field('Запрашиваемая сумма').fill('200 000');
    await editor.field('Софинансирование').fill('50000,00');
    await editor.field('Статья расходов 1').fill('Оплата труда координатора');
    await editor.field('Сумма статьи 1').fill('120000.00');
    await page.getByRole('button', { name: 'Добавить статью расходов' }).click();
    await editor.field('Статья расходов 2').fill('Расходные материалы');
    await editor.field('Сумма статьи 2').fill('70 000');
    const totals = page.getByTestId('budget-totals');
    await expect(totals).toContainText('190 000,00 ₽');
    await expect(totals).toContainText('10 000,00 ₽');
    await expect(totals).toContainText('20 %');
    await editor.saved();
    await expect(page.locator('[data-code="BUDGET_MISMATCH"]')).toHaveAttribute('data-ok', 'false');
    await editor.field('Сумма статьи 2').fill('80 000');
    await expect(totals).toContainText('200 000,00 ₽');
    await editor.saved();
    await expect(page.locator('[data-code="BUDGET_MISMATCH"]')).toHaveAttribute('data-ok', 'true');
    await accessibleInBothLanguages(page);
    await editor.continue.click();

    // Documents: the charter, uploaded with its type.
    await expect(page.getByRole('heading', { level: 1, name: 'Документы' })).toBeVisible();
    await page.getByLabel('Вид документа').selectOption({ label: 'Устав организации' });
    await page.locator('input[type="file"]').setInputFiles({
      name: 'Устав АНО.pdf',
      mimeType: 'application/pdf',
      buffer: charterPdf(),
    });
    await page.getByRole('button', { name: 'Загрузить' }).click();
    await expect(page.getByText('Файл «Устав АНО.pdf» загружен.')).toBeVisible();
    await expect(page.getByRole('region', { name: 'Приложенные файлы' })).toContainText('Устав АНО.pdf');
    await accessibleInBothLanguages(page);

    // Every rule green.
    await check.goto(id);
    await expect(check.failed()).toHaveCount(0);

    // A question to the Resource Center; a consultant answers with a remark on the summary.
    await new ConsultationsPage(page).goto(id);
    await accessibleInBothLanguages(page);
    await new ConsultationsPage(page).ask('Достаточно ли подробно описан проект?');
    const [asked] = (await ngo.api.request('GET', `/consultations?applicationId=${id}`)).items;
    await consultant.request('POST', `/consultations/${asked.id}/take`);
    await consultant.request('POST', `/consultations/${asked.id}/complete`, {
      comment: 'В целом готово, уточните описание.',
      verdict: 'needs_changes',
      remarks: [{ field: 'summary', text: 'Опишите, сколько людей и в каких районах' }],
    });
    await page.reload();
    await expect(page.getByText('Заявку нужно доработать')).toBeVisible();
    await expect(page.getByText('Опишите, сколько людей и в каких районах')).toBeVisible();
    await expect(page.getByText('Ольга Консультант')).toBeVisible();

    await tasks.goto(id);
    await expect(tasks.task('О проекте')).toContainText('1 замечание консультанта');
    await tasks.open('О проекте');
    const remark = page.getByText('Опишите, сколько людей и в каких районах');
    await expect(remark).toBeVisible();
    // The remark is tied to its field (its description).
    await expect(editor.field('Краткое описание')).toHaveAccessibleDescription(/Опишите, сколько людей/);
    await editor
      .field('Краткое описание')
      .fill('120 пожилых жителей Лесосибирска и посёлка Стрелка помогают соседям и городским службам.');
    await editor.saved();

    // Check the answers and submit.
    await check.goto(id);
    await expect(check.failed()).toHaveCount(0);
    await expect(page.getByText('120 пожилых жителей Лесосибирска')).toBeVisible();
    await check.submit.click();
    await expect(page).toHaveURL(`/applications/${id}/submitted`);
    const receipt = new Receipt(page);
    await expect(receipt.number).toHaveText(new RegExp(`^${competition.year}-[A-Z0-9]+-0001$`));
    await expect(receipt.hash).toHaveText(/^[0-9a-f]{64}$/);
    await expect(page.getByText('Красноярск (UTC+7)')).toBeVisible();
    const submitted = await ngo.api.request('GET', `/applications/${id}`);
    await expect(receipt.hash).toHaveText(submitted.contentHash);
    await accessibleInBothLanguages(page);

    // The submitted application: read-only, with its timeline.
    await page.getByRole('link', { name: 'Открыть заявку' }).click();
    await expect(page.getByRole('region', { name: 'История заявки' })).toContainText('Подана');
    await expect(page.getByRole('link', { name: /Сохранить и продолжить/ })).toHaveCount(0);
    await accessibleInBothLanguages(page);

    // Print.
    await page.getByRole('link', { name: 'Распечатать заявку' }).click();
    await expect(page).toHaveURL(`/applications/${id}/print`);
    await expect(page.getByText(submitted.registrationNumber)).toBeVisible();
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('banner')).toBeHidden();
    await expect(page.getByRole('button', { name: 'Печать' })).toBeHidden();
    await page.emulateMedia({ media: 'screen' });
    await accessibleInBothLanguages(page);

    // The dashboard lists it as submitted.
    await page.goto('/my');
    await expect(my.application(submitted.title)).toContainText(submitted.registrationNumber);
  });

  test('on a phone, by keyboard alone, checks its answers and submits', async ({ page, api }) => {
    const admin = await api.asAdmin();
    const competition = await admin.openCompetition();
    const ngo = await registerNgo(api);
    const draft = await ngo.api.request('POST', `/competitions/${competition.id}/applications`, completeDraft());
    await uploadDocument(ngo, draft.id, 'charter', 'charter.pdf', charterPdf());

    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`/login?next=${encodeURIComponent(`/applications/${draft.id}`)}`);
    await page.getByLabel('Электронная почта').focus();
    await page.keyboard.type(ngo.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(ngo.password);
    await page.keyboard.press('Enter');
    const tasks = new TaskList(page);
    await expect(tasks.task('Бюджет')).toContainText('Готово');
    await expectNoHorizontalScroll(page);
    await expectAccessible(page);

    // Tab to "Проверить и подать" and open it with Enter.
    const toCheck = page.getByRole('link', { name: 'Проверить и подать' });
    for (let i = 0; i < 40 && !(await toCheck.evaluate((el) => el === document.activeElement)); i++)
      await page.keyboard.press('Tab');
    await expect(toCheck).toBeFocused();
    await page.keyboard.press('Enter');
    const check = new CheckPage(page);
    await expect(check.checklist).toBeVisible();
    await expect(check.failed()).toHaveCount(0);
    await expectNoHorizontalScroll(page);
    await expectAccessible(page);

    for (let i = 0; i < 80 && !(await check.submit.evaluate((el) => el === document.activeElement)); i++)
      await page.keyboard.press('Tab');
    await expect(check.submit).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(new Receipt(page).number).toBeVisible();
    await expectNoHorizontalScroll(page);
    await expectAccessible(page);

    for (const path of [`/applications/${draft.id}`, `/applications/${draft.id}/print`, '/my']) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expectNoHorizontalScroll(page);
    }
  });

  test('edits a section on a phone, and its session expiring in the middle loses nothing', async ({
    page,
    api,
    context,
    allowFailure,
  }) => {
    // The save that meets the ended session (and the flush when the page is left for the login).
    allowFailure(/^PATCH 401 .*\/api\/v1\/applications\//);
    const admin = await api.asAdmin();
    const competition = await admin.openCompetition();
    const ngo = await registerNgo(api);
    const draft = await ngo.api.request('POST', `/competitions/${competition.id}/applications`, { title: 'Проект' });
    await page.setViewportSize({ width: 360, height: 740 });
    await new LoginForm(page).signIn(ngo.email, ngo.password, `/applications/${draft.id}/edit/budget`);
    const editor = new SectionEditor(page);
    await expect(page.getByRole('heading', { level: 1, name: 'Бюджет' })).toBeVisible();
    await expectNoHorizontalScroll(page);
    await expectAccessible(page);

    // The session ends (cookie gone) while the person types: the save is refused with 401.
    await context.clearCookies();
    await editor.field('Запрашиваемая сумма').fill('150 000,50');
    await expect(page).toHaveURL(/\/login\?next=/, { timeout: 10_000 });
    await page.getByLabel('Электронная почта').fill(ngo.email);
    await page.getByLabel(/^Пароль/).fill(ngo.password);
    await page.getByRole('button', { name: 'Войти' }).click();
    await expect(page).toHaveURL(`/applications/${draft.id}/edit/budget`);
    await expect(editor.field('Запрашиваемая сумма')).toHaveValue('150 000,50');
    await editor.saved();
    expect((await ngo.api.request('GET', `/applications/${draft.id}`)).requestedAmount).toBe('150000.50');
  });

  test('submitting after the deadline is told in plain Russian', async ({ page, api, allowFailure }) => {
    // Refused: 422 DEADLINE_PASSED, or 409 once the deadline job has closed the draft (not_submitted).
    allowFailure(/^POST (422|409) .*\/submit$/);
    const admin = await api.asAdmin();
    const competition = await admin.openCompetition({
      submissionDeadline: new Date(Date.now() + 12_000).toISOString(),
    });
    const ngo = await registerNgo(api);
    const draft = await ngo.api.request('POST', `/competitions/${competition.id}/applications`, {
      ...completeDraft(),
      projectStart: `${new Date().getUTCFullYear() + 1}-02-01`,
    });
    await new LoginForm(page).signIn(ngo.email, ngo.password, `/applications/${draft.id}/check`);
    const check = new CheckPage(page);
    await expect(check.checklist).toBeVisible();
    // The countdown reaches the deadline while the page is open.
    await expect(page.getByText('срок истёк').first()).toBeVisible({ timeout: 20_000 });
    await check.submit.click();
    const summary = page.getByRole('alert').filter({ hasText: 'Есть ошибки' });
    await expect(summary).toContainText('Срок подачи заявок истёк');
    await expect(summary).toContainText('Красноярск');
    await expect(summary).toBeFocused();
    await expect(check.rule('DEADLINE_PASSED')).toHaveAttribute('data-ok', 'false');
    await expectAccessible(page);
  });
});
