import { ConflictsPage } from './pages/ConflictsPage';
import { ReviewPage } from './pages/ReviewPage';
import { ReviewsPage } from './pages/ReviewsPage';
import { assign, ngo, randomInn, recordApiResponses, reviewRound, signIn, staff } from './support/staff';
import { expect, expectAccessible, expectNoHorizontalScroll, test } from './support/test';

interface Criterion {
  code: string;
  title: string;
  weight: number;
  maxScore: number;
}

test.describe('an expert', () => {
  test('scores two applications with "save and next", survives a reload, submits, declines a third for a conflict of interest — and never sees another expert', async ({
    page,
    api,
    allowFailure,
  }) => {
    test.setTimeout(180_000);
    allowFailure(/POST 404 .*\/api\/v1\/reviews\/conflicts$/);
    const admin = await api.asAdmin();
    const expert = await staff(admin, 'expert', 'Петрова Мария Ивановна');
    const colleague = await staff(admin, 'expert', 'Соколов Дмитрий Андреевич');
    const [first, second, third, bystander] = await Promise.all([
      ngo(api, 'АНО «Серебряный возраст»'),
      ngo(api, 'РОО «Семья и дети»'),
      ngo(api, 'Фонд «Старый город»'),
      ngo(api, 'Клуб «Ангара»'),
    ]);
    const { competition, applications } = await reviewRound(admin, [
      { ngo: first, title: 'Серебряное волонтёрство' },
      { ngo: second, title: 'Семейный выходной в библиотеке' },
      { ngo: third, title: 'Экскурсии по старому Лесосибирску' },
    ]);
    const criteria: Criterion[] = competition.criteria;
    const reviews = [];
    for (const application of applications)
      reviews.push(await assign(admin, competition.id, application.id, expert.id));
    // A colleague reviews the first application too, and has scored part of it.
    const theirs = await assign(admin, competition.id, applications[0].id, colleague.id);
    await colleague.api.request('PUT', `/reviews/${theirs.id}`, {
      scores: { [criteria[0].code]: 3, [criteria[1].code]: 4 },
      comment: 'Соколов: слабое обоснование',
    });

    const network = recordApiResponses(page);
    await signIn(page, expert);
    const list = new ReviewsPage(page);
    await list.goto();
    await expect(page).toHaveTitle('Экспертиза — Гранты');
    const group = list.competition(competition.title);
    await expect(group.getByText('Оценено 0 из 3')).toBeVisible();
    await expect(list.assignment('Серебряное волонтёрство')).toContainText('Красноярск (UTC+7)');
    await expectAccessible(page);

    // The first application: every criterion with its title, weight and scale, then "save and next".
    await list.open('Серебряное волонтёрство');
    const review = new ReviewPage(page);
    await expect(review.heading).toHaveText('Серебряное волонтёрство');
    await expect(page.locator('[data-field="budgetLines"]')).toContainText('120 000,00 ₽');
    for (const k of criteria) {
      await expect(review.criterion(k.title)).toContainText(`вес ${k.weight} · шкала 0–${k.maxScore}`);
      await expect(review.point(k.code, k.maxScore)).toHaveCount(1);
    }
    const firstScores = Object.fromEntries(criteria.map((k, i) => [k.code, (i % 4) + 6]));
    await review.score(firstScores);
    await review.comment.fill('Проект хорошо проработан, бюджет обоснован.');
    await review.untilSaved();
    const expectedTotal = criteria.reduce((s, k) => s + firstScores[k.code] * k.weight, 0);
    const saved = await expert.api.request('GET', `/reviews/${reviews[0].id}`);
    expect(saved.total).toBeCloseTo(expectedTotal, 2);
    await expect(review.form).toContainText(String(saved.total).replace('.', ','));
    await expectAccessible(page);
    await review.saveAndNext.click();
    await expect(page).toHaveURL(`/reviews/${reviews[1].id}`);
    await expect(review.heading).toHaveText('Семейный выходной в библиотеке');

    // The second: half the criteria, a reload in the middle, nothing lost.
    const half = criteria.slice(0, 5);
    await review.score(Object.fromEntries(half.map((k) => [k.code, 7])));
    await review.untilSaved();
    await page.reload();
    await review.form.waitFor();
    for (const k of half) await expect(review.point(k.code, 7)).toBeChecked();
    await expect(review.point(criteria[5].code, 7)).not.toBeChecked();

    // Submitting now names what is left unscored.
    await review.submit.click();
    await expect(review.dialog).toContainText('Отправить пока нельзя: не оценены 5 критериев.');
    for (const k of criteria.slice(5)) await expect(review.dialog).toContainText(k.title);
    await expectAccessible(page);
    await review.dialog.getByRole('button', { name: 'Вернуться к оценке' }).click();
    await review.score(Object.fromEntries(criteria.slice(5).map((k) => [k.code, 8])));
    await review.untilSaved();
    await review.submit.click();
    await expect(review.dialog).toContainText('После отправки изменить оценку нельзя');
    await review.dialog.getByRole('button', { name: 'Отправить окончательно' }).click();
    await expect(page.getByText('Оценка отправлена').first()).toBeVisible();
    await expect(review.point(criteria[0].code, 7)).toBeDisabled();

    // Back to the first, saved earlier: submit it.
    await list.goto();
    await expect(group.getByText('Оценено 1 из 3')).toBeVisible();
    await list.open('Серебряное волонтёрство');
    await expect(review.point(criteria[0].code, firstScores[criteria[0].code])).toBeChecked();
    await review.submit.click();
    await review.dialog.getByRole('button', { name: 'Отправить окончательно' }).click();
    await expect(page.getByText('Оценка отправлена').first()).toBeVisible();

    // The third: a conflict of interest, declared from the assignment, declines it.
    await list.goto();
    await list.open('Экскурсии по старому Лесосибирску');
    await review.form.getByRole('button', { name: 'Отказаться от оценки…' }).click();
    await expect(review.dialog.getByRole('radio', { name: 'Конфликт интересов с организацией' })).toBeChecked();
    await review.dialog.getByRole('textbox', { name: 'Причина' }).fill('Моя сестра — директор фонда');
    await expectAccessible(page);
    await review.dialog.getByRole('button', { name: 'Заявить о конфликте и отказаться' }).click();
    await expect(page.getByText('Вы отказались от оценки этой заявки')).toBeVisible();
    await expect(page.getByText('Моя сестра — директор фонда')).toBeVisible();
    expect((await expert.api.request('GET', `/reviews/${reviews[2].id}`)).status).toBe('declined');

    await list.goto();
    await expect(group.getByText('Оценено 2 из 2')).toBeVisible();
    await expect(list.assignment('Экскурсии по старому Лесосибирску')).toContainText('Отказ');

    // Ahead of time, by INN: an unknown INN is said so beside the field; a registered one is declared.
    const conflicts = new ConflictsPage(page);
    await conflicts.goto();
    await expect(conflicts.list).toContainText('Фонд «Старый город»');
    await conflicts.inn.fill(randomInn());
    await conflicts.reason.fill('Работаю там по совместительству');
    await conflicts.declare.click();
    await expect(page.getByText('Организация с таким ИНН не зарегистрирована').first()).toBeVisible();
    await expect(conflicts.inn).toHaveAttribute('aria-invalid', 'true');
    const { inn } = await admin.request('GET', `/organizations/${bystander.organizationId}`);
    await conflicts.inn.fill(inn);
    await conflicts.declare.click();
    await expect(page.getByText('Конфликт с «Клуб «Ангара»» заявлен')).toBeVisible();
    await expect(conflicts.list).toContainText(`ИНН ${inn}`);
    await expectAccessible(page);

    // Blind review: nothing the expert's pages loaded names the colleague or shows the colleague's scores.
    await page.waitForLoadState('networkidle');
    const log = network.bodies.join('\n');
    expect(log.length).toBeGreaterThan(1000);
    expect(log).not.toContain(colleague.fullName);
    expect(log).not.toContain(colleague.email);
    expect(log).not.toContain(colleague.id);
    expect(log).not.toContain(theirs.id);
    expect(log).not.toContain('Соколов: слабое обоснование');
  });

  test('works on a phone, in English', async ({ page, api }) => {
    test.setTimeout(90_000);
    const admin = await api.asAdmin();
    // The language of a signed-in person is their locale.
    const expert = await staff(admin, 'expert', 'Mary Petrova', 'en');
    const applicant = await ngo(api, 'АНО «Серебряный возраст»');
    const { competition, applications } = await reviewRound(admin, [
      { ngo: applicant, title: 'Серебряное волонтёрство: старшее поколение помогает городу' },
    ]);
    const review = await assign(admin, competition.id, applications[0].id, expert.id);
    await signIn(page, expert);
    await page.setViewportSize({ width: 360, height: 740 });

    const list = new ReviewsPage(page);
    await list.goto();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByText('0 of 1 scored').first()).toBeVisible();
    await expect(page.getByText('Krasnoyarsk (UTC+7)').first()).toBeVisible();
    await expectNoHorizontalScroll(page);
    await expectAccessible(page);

    const reviewPage = new ReviewPage(page);
    await reviewPage.goto(review.id);
    await reviewPage.point(competition.criteria[0].code, 9).check();
    await reviewPage.untilSaved();
    await expect(reviewPage.form).toContainText('weight');
    await expectNoHorizontalScroll(page);
    await expectAccessible(page);

    const conflicts = new ConflictsPage(page);
    await conflicts.goto();
    await expect(conflicts.heading).toHaveText('Conflicts of interest');
    await expectNoHorizontalScroll(page);
    await expectAccessible(page);
  });
});
