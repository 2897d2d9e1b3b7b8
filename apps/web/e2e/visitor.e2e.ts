import { CompetitionPage } from './pages/CompetitionPage';
import { CompetitionsPage } from './pages/CompetitionsPage';
import { expect, expectAccessible, expectNoHorizontalScroll, test } from './support/test';

test.describe('a visitor', () => {
  test('finds an open competition and reads its terms', async ({ page, api }) => {
    const admin = await api.asAdmin();
    // A title of its own: other errands open competitions on the same server.
    const competition = await admin.openCompetition({
      title: `Конкурс социально значимых проектов «Город для всех» № ${Date.now().toString(36)}`,
    });

    const list = new CompetitionsPage(page);
    await list.goto();
    await expect(page).toHaveTitle('Конкурсы — Гранты');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
    await list.group('Идёт приём заявок').getByRole('link', { name: competition.title }).click();

    const view = new CompetitionPage(page);
    await expect(view.heading).toHaveText(competition.title);
    await expect(page).toHaveURL(`/competitions/${competition.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
    await expect(page.getByText('1 000 000,00 ₽')).toBeVisible();
    await expect(page.getByText('300 000,00 ₽')).toBeVisible();
    await expect(page.getByText('не менее 10 % стоимости проекта')).toBeVisible();
    await expect(view.section('Направления')).toContainText('Социальная поддержка и защита граждан');
    // Times in the competition's zone, named, and the visitor's (Moscow here) beside them.
    await expect(view.section('Сроки')).toContainText('Красноярск (UTC+7)');
    await expect(view.section('Сроки')).toContainText('у вас');
    // The countdown ticks.
    const before = await view.deadline.textContent();
    await expect(view.deadline).not.toHaveText(before!, { timeout: 3000 });
    await expect(page.getByRole('link', { name: 'Подписаться на сроки в календаре' })).toHaveAttribute(
      'href',
      new RegExp(`^webcal://.*/api/v1/competitions/${competition.id}/calendar\\.ics$`),
    );
    await expect(view.apply).toHaveAttribute(
      'href',
      `/login?next=${encodeURIComponent(`/competitions/${competition.id}`)}`,
    );
    await expectAccessible(page);
  });

  test('gets the portal’s own "not found" for an unknown page and competition', async ({ page, allowFailure }) => {
    allowFailure(/ 404 .*\/api\/v1\/competitions\/00000000-/);
    await page.goto('/no-such-page');
    await expect(page.getByRole('heading', { level: 1, name: 'Страница не найдена' })).toBeVisible();
    await expect(page).toHaveTitle('Страница не найдена — Гранты');
    await page.goto('/competitions/00000000-0000-4000-8000-000000000000');
    await expect(page.getByRole('heading', { level: 1, name: 'Страница не найдена' })).toBeVisible();
  });

  test('reads a competition on a phone, in English too', async ({ page, api }) => {
    const admin = await api.asAdmin();
    const competition = await admin.openCompetition({ title: 'Конкурс «Молодёжные инициативы»' });
    await page.setViewportSize({ width: 360, height: 740 });
    const view = new CompetitionPage(page);
    await view.goto(competition.id);
    await expectNoHorizontalScroll(page);
    await expectAccessible(page);

    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { name: 'Directions' })).toBeVisible();
    await expect(page.getByText('Krasnoyarsk (UTC+7)').first()).toBeVisible();
    await expectNoHorizontalScroll(page);
    await expectAccessible(page);
    // The choice persists.
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Directions' })).toBeVisible();
  });
});
