import {
  AccountPage,
  ForgotPasswordPage,
  InvitePage,
  OrganizationPage,
  ResetPasswordPage,
  VerifyEmailPage,
} from './pages/AccountPages';
import { Header } from './pages/Header';
import { LoginPage } from './pages/LoginPage';
import type { Api } from './support/api';
import { MailSink } from './support/mail';
import { expect, expectAccessible, expectNoHorizontalScroll, test } from './support/test';

let serial = 0;

/** A 10-digit INN with a valid checksum, different for every registration of the run. */
function innOf(seed: number): string {
  const digits = String(245400000 + (seed % 99_999))
    .split('')
    .map(Number);
  const sum = [2, 4, 10, 3, 5, 9, 4, 6, 8].reduce((s, k, i) => s + k * digits[i], 0);
  return digits.join('') + String((sum % 11) % 10);
}

/** An NGO registered through the api (the errand under test starts after registration). */
async function registerNgo(api: Api, name: string) {
  const n = `${Date.now().toString(36)}${(serial += 1)}`;
  const ngo = { fullName: 'Анна Петровна Соколова', email: `${name}.${n}@ngo.test`, password: 'pervyy-parol-2026' };
  await api.request('POST', '/auth/register', {
    ...ngo,
    locale: 'ru',
    organization: {
      fullName: 'Местная общественная организация «Серебряные волонтёры»',
      shortName: 'МОО «Серебряные волонтёры»',
      inn: innOf(Date.now() + serial * 7919),
    },
  });
  return ngo;
}

test.describe('an NGO on its account pages', () => {
  // Four pages and several axe runs per errand on a shared machine.
  test.setTimeout(150_000);

  test('forgets its password, sets a new one from the mailed link and is signed in', async ({
    page,
    api,
    server,
    allowFailure,
  }) => {
    allowFailure(/POST 422 .*\/api\/v1\/auth\/password-reset\/confirm$/);
    const ngo = await registerNgo(api, 'forgot');
    const login = new LoginPage(page);
    await login.goto();
    await page.getByRole('link', { name: 'Забыли пароль?' }).click();
    await expect(page).toHaveURL('/forgot-password');
    await expect(page).toHaveTitle(/Восстановление пароля/);
    await expectAccessible(page);

    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Reset your password' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Русский' }).click();

    const forgot = new ForgotPasswordPage(page);
    await forgot.request(ngo.email);
    await expect(forgot.sent).toBeVisible({ timeout: 20_000 });
    await expectAccessible(page);

    const mail = await server.smtp.waitFor(ngo.email, /Восстановление пароля/);
    const link = MailSink.link(mail, '/reset-password');
    const reset = new ResetPasswordPage(page);
    await reset.open(link);
    await expectAccessible(page);
    await reset.setPassword('novyy-parol-2026');
    await expect(page).toHaveURL('/my');
    await expect(new Header(page).accountMenu(ngo.fullName)).toBeVisible();
    await api.login(ngo.email, 'novyy-parol-2026');

    // The link works once: used again it is explained, with the way to ask for a new one.
    await reset.open(link);
    await reset.setPassword('tretiy-parol-2026');
    await expect(reset.invalid).toBeVisible();
    await expectAccessible(page);
    await reset.invalid.getByRole('link', { name: 'Запросить новую ссылку' }).click();
    await expect(page).toHaveURL('/forgot-password');

    await page.goto('/notifications');
    await expect(page.getByRole('heading', { level: 1, name: 'Уведомления' })).toBeVisible();
    await expect(page.getByText('Восстановление пароля в системе «Гранты»')).toBeVisible();
    await expectAccessible(page);
  });

  test('confirms its email from the registration mail', async ({ page, api, server, allowFailure }) => {
    allowFailure(/POST 422 .*\/api\/v1\/auth\/verify-email$/);
    const ngo = await registerNgo(api, 'verify');
    const login = new LoginPage(page);
    await login.goto('/account');
    await login.login(ngo.email, ngo.password);
    const account = new AccountPage(page);
    await expect(page).toHaveURL('/account');
    await expect(account.emailBadge('Не подтверждён')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Прислать ссылку ещё раз' })).toBeVisible();

    const mail = await server.smtp.waitFor(ngo.email, /Добро пожаловать/);
    const verify = new VerifyEmailPage(page);
    await verify.open(MailSink.link(mail, '/verify-email'));
    await expect(verify.confirmed).toBeVisible();
    await expect(page.getByText(`Адрес ${ngo.email} подтверждён.`)).toBeVisible();
    await expectAccessible(page);

    await account.goto();
    await expect(account.emailBadge('Подтверждён')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Прислать ссылку ещё раз' })).toHaveCount(0);

    await verify.open('http://portal/verify-email?token=not-a-token');
    await expect(page.getByText('Ваш адрес уже подтверждён')).toBeVisible();
    await expectAccessible(page);
  });

  test('invites a colleague, who joins from the mailed link and sees both members', async ({
    page,
    api,
    server,
    context,
    allowFailure,
  }) => {
    allowFailure(/POST 409 .*\/api\/v1\/organizations\/[^/]+\/invitations$/);
    const ngo = await registerNgo(api, 'invites');
    const colleague = { fullName: 'Иван Сергеевич Орлов', email: `ivan.${Date.now().toString(36)}@ngo.test` };
    const login = new LoginPage(page);
    await login.goto('/organization');
    await login.login(ngo.email, ngo.password);
    const organization = new OrganizationPage(page);
    await expect(page.getByRole('heading', { level: 1, name: 'Организация' })).toBeVisible();
    await expect(page.getByLabel('ИНН')).toHaveAttribute('readonly', '');
    await expectAccessible(page);

    // An address with an account cannot be invited: said beside the field.
    await organization.invite(ngo.email);
    await expect(organization.inviteEmail).toHaveAccessibleDescription(/уже есть учётная запись в системе/);
    await organization.invite(colleague.email);
    await expect(page.getByText(`Приглашение отправлено на ${colleague.email}.`)).toBeVisible();
    await expect(page.getByRole('region', { name: 'Приглашения' }).getByText(colleague.email)).toBeVisible();
    await expectAccessible(page);

    const mail = await server.smtp.waitFor(colleague.email, /Приглашение в организацию/);
    await context.clearCookies();
    const invite = new InvitePage(page);
    await invite.open(MailSink.link(mail, '/invite'));
    await expectAccessible(page);
    await invite.accept(colleague.fullName, 'parol-kollegi-2026');
    await expect(page).toHaveURL('/my');
    await expect(new Header(page).accountMenu(colleague.fullName)).toBeVisible();

    await organization.goto();
    await expect(organization.members).toHaveCount(2);
    await expect(organization.members.filter({ hasText: ngo.fullName })).toBeVisible();
    await expect(organization.members.filter({ hasText: colleague.fullName })).toContainText('(вы)');
    await expect(page.getByRole('region', { name: 'Приглашения' })).toHaveCount(0);
    await page.screenshot({ path: 'test-results/organization-1280.png', fullPage: true });

    await page.setViewportSize({ width: 360, height: 800 });
    await expectNoHorizontalScroll(page);
    await page.screenshot({ path: 'test-results/organization-360.png', fullPage: true });
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Organization' })).toBeVisible();
    await expectNoHorizontalScroll(page);
    await expectAccessible(page);
  });

  test('changes its name and password; a wrong current password is shown beside the field', async ({
    page,
    api,
    allowFailure,
  }) => {
    allowFailure(/POST 422 .*\/api\/v1\/me\/password$/);
    const ngo = await registerNgo(api, 'account');
    const login = new LoginPage(page);
    await login.goto('/account');
    await login.login(ngo.email, ngo.password);
    const account = new AccountPage(page);
    await expect(page).toHaveURL('/account');
    await expectAccessible(page);

    await account.rename('Анна Петровна Соколова-Ким');
    await expect(page.getByText('Изменения сохранены.')).toBeVisible();
    await expect(new Header(page).accountMenu('Анна Петровна Соколова-Ким')).toBeVisible();

    await account.changePassword('ne-tot-parol-2026', 'novyy-parol-2026');
    await expect(page.getByRole('alert').filter({ hasText: 'Есть ошибки' })).toBeFocused();
    await expect(account.currentPassword).toHaveAccessibleDescription(/Текущий пароль введён неверно/);
    await expectAccessible(page);
    await account.changePassword(ngo.password, 'novyy-parol-2026');
    await expect(page.getByText('Пароль изменён.', { exact: false })).toBeVisible();
    await api.login(ngo.email, 'novyy-parol-2026');

    await page.reload();
    await expect(new Header(page).accountMenu('Анна Петровна Соколова-Ким')).toBeVisible();
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Profile' })).toBeVisible();
    await expectAccessible(page);
    await page.screenshot({ path: 'test-results/account-en-1280.png', fullPage: true });
  });
});
