import { Header } from './pages/Header';
import { LoginPage } from './pages/LoginPage';
import { RegisterPage } from './pages/RegisterPage';
import { expect, expectAccessible, test } from './support/test';

const person = (suffix: string) => ({
  fullName: 'Анна Петровна Соколова',
  email: `anna.${suffix}@ngo.test`,
  password: 'korotkiy-parol-net',
  organization: {
    fullName: 'Лесосибирская местная общественная организация «Серебряные волонтёры»',
    inn: '2454000125',
    ogrn: '1022400000017',
    municipality: 'г. Лесосибирск',
  },
});

test.describe('an NGO representative', () => {
  test('registers the organization with the INN checked as typed, signs out and back in', async ({ page }) => {
    const anna = person(String(Date.now()));
    const form = new RegisterPage(page);
    await form.goto();
    await expectAccessible(page);
    await form.fill({ ...anna, organization: { ...anna.organization, inn: '2454000126' } });
    await expect(page.getByText('Номер не проходит проверку контрольной суммы: проверьте цифры')).toBeVisible();
    await form.inn.fill(anna.organization.inn);
    await expect(page.getByText('Номер прошёл проверку контрольной суммы').first()).toBeVisible();
    await expectAccessible(page);
    await form.submit();

    await expect(page).toHaveURL('/my');
    const header = new Header(page);
    await expect(header.accountMenu(anna.fullName)).toBeVisible();
    await header.logout(anna.fullName);
    await expect(header.login).toBeVisible();
    await expect(page).toHaveURL('/');

    const login = new LoginPage(page);
    await login.goto('/competitions');
    await login.login(anna.email, anna.password);
    await expect(page).toHaveURL('/competitions');
    await expect(header.accountMenu(anna.fullName)).toBeVisible();
  });

  test('sees the API’s own objection beside the field: a taken INN', async ({ page, api, allowFailure }) => {
    allowFailure(/POST 409 .*\/api\/v1\/auth\/register$/);
    const first = person(`first${Date.now()}`);
    await api.request('POST', '/auth/register', {
      ...first,
      locale: 'ru',
      organization: { ...first.organization, inn: '2454000132', ogrn: undefined },
    });
    const form = new RegisterPage(page);
    await form.goto();
    const second = person(`second${Date.now()}`);
    await form.fill({ ...second, organization: { ...second.organization, inn: '2454000132', ogrn: undefined } });
    await form.submit();
    const summary = page.getByRole('alert').filter({ hasText: 'Есть ошибки' });
    await expect(summary).toBeFocused();
    await summary.getByRole('link', { name: /Организация с этим ИНН уже зарегистрирована/ }).click();
    await expect(form.inn).toBeFocused();
    await expectAccessible(page);
  });

  test('whose session ended is sent to sign in and brought back', async ({ page, api, context, allowFailure }) => {
    // The ended session answers 401 to whatever the page still asks.
    allowFailure(/GET 401 .*\/api\/v1\/me\//);
    const anna = person(`expiry${Date.now()}`);
    await api.request('POST', '/auth/register', {
      ...anna,
      locale: 'ru',
      organization: { ...anna.organization, inn: '2454000140', ogrn: undefined },
    });
    const login = new LoginPage(page);
    await login.goto('/account');
    await login.login(anna.email, anna.password);
    await expect(page).toHaveURL('/account');
    await context.clearCookies();
    await page.goto('/account');
    await expect(page).toHaveURL(`/login?next=${encodeURIComponent('/account')}`);
    await login.login(anna.email, anna.password);
    await expect(page).toHaveURL('/account');
  });
});
