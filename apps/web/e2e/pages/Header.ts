import type { Page } from '@playwright/test';

/** The header on every page: navigation, language, notifications, account menu. */
export class Header {
  constructor(readonly page: Page) {}

  get login() {
    return this.page.getByRole('banner').getByRole('link', { name: 'Войти' });
  }

  accountMenu(name: string) {
    return this.page.getByRole('button', { name: `Меню пользователя ${name}` });
  }

  async logout(name: string) {
    await this.accountMenu(name).click();
    await this.page.getByRole('menuitem', { name: 'Выйти' }).click();
  }
}
