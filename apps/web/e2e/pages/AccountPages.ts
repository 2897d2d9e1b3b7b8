import type { Locator, Page } from '@playwright/test';

const label = (page: Page, text: string) => page.getByLabel(new RegExp(`^${text}( \\*)?$`));

/** /forgot-password: the address, then "check your mail". */
export class ForgotPasswordPage {
  constructor(readonly page: Page) {}

  async request(email: string) {
    await label(this.page, 'Электронная почта').fill(email);
    await this.page.getByRole('button', { name: 'Прислать ссылку' }).click();
  }

  get sent() {
    return this.page.getByRole('status').filter({ hasText: 'Проверьте почту' });
  }
}

/** /reset-password?token=: the new password. */
export class ResetPasswordPage {
  constructor(readonly page: Page) {}

  async open(link: string) {
    const url = new URL(link);
    await this.page.goto(url.pathname + url.search);
    await this.page.getByRole('heading', { level: 1, name: 'Новый пароль' }).waitFor();
  }

  async setPassword(password: string) {
    await label(this.page, 'Новый пароль').fill(password);
    await this.page.getByRole('button', { name: 'Сохранить пароль и войти' }).click();
  }

  get invalid() {
    return this.page.getByRole('alert').filter({ hasText: 'Ссылка для смены пароля недействительна' });
  }
}

/** /verify-email?token=: confirms on load. */
export class VerifyEmailPage {
  constructor(readonly page: Page) {}

  async open(link: string) {
    const url = new URL(link);
    await this.page.goto(url.pathname + url.search);
    await this.page.getByRole('heading', { level: 1, name: 'Подтверждение адреса' }).waitFor();
  }

  get confirmed() {
    return this.page.getByRole('status').filter({ hasText: 'Адрес подтверждён' });
  }
}

/** /invite?token=: name, password, language of the colleague. */
export class InvitePage {
  constructor(readonly page: Page) {}

  async open(link: string) {
    const url = new URL(link);
    await this.page.goto(url.pathname + url.search);
    await this.page.getByRole('heading', { level: 1, name: 'Приглашение в организацию' }).waitFor();
  }

  async accept(fullName: string, password: string) {
    await label(this.page, 'Фамилия, имя, отчество').fill(fullName);
    await label(this.page, 'Пароль').fill(password);
    await label(this.page, 'Язык').selectOption('ru');
    await this.page.getByRole('button', { name: 'Присоединиться' }).click();
  }
}

/** /account: email badge, name and language, password, sessions. */
export class AccountPage {
  constructor(readonly page: Page) {}

  async goto() {
    await this.page.goto('/account');
    await this.page.getByRole('heading', { level: 1, name: 'Профиль' }).waitFor();
  }

  emailBadge(text: 'Подтверждён' | 'Не подтверждён'): Locator {
    return this.page.getByRole('region', { name: 'Электронная почта' }).getByText(text, { exact: true });
  }

  get currentPassword() {
    return label(this.page, 'Текущий пароль');
  }

  async rename(fullName: string) {
    await label(this.page, 'Фамилия, имя, отчество').fill(fullName);
    await this.page.getByRole('button', { name: 'Сохранить', exact: true }).click();
  }

  async changePassword(current: string, next: string) {
    await this.currentPassword.fill(current);
    await label(this.page, 'Новый пароль').fill(next);
    await this.page.getByRole('button', { name: 'Сменить пароль' }).click();
  }
}

/** /organization: details, members, invitations. */
export class OrganizationPage {
  constructor(readonly page: Page) {}

  async goto() {
    await this.page.goto('/organization');
    await this.page.getByRole('heading', { level: 1, name: 'Организация' }).waitFor();
  }

  get members() {
    return this.page.getByRole('region', { name: 'Участники' }).getByRole('listitem');
  }

  get inviteEmail() {
    return label(this.page, 'Электронная почта коллеги');
  }

  async invite(email: string) {
    await this.inviteEmail.fill(email);
    await this.page.getByRole('button', { name: 'Пригласить', exact: true }).click();
  }
}
