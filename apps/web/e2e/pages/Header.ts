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

  /**
   * Switches the language with the header's button and waits until the page shows it and, for a
   * signed-in person, until the choice is saved as their `locale` (so a test never leaves it in flight).
   */
  async switchLanguage(to: 'ru' | 'en', signedIn = true) {
    const saved = signedIn
      ? this.page.waitForResponse((r) => r.request().method() === 'PATCH' && r.url().endsWith('/api/v1/me'))
      : undefined;
    await this.page.getByRole('button', { name: to === 'en' ? 'English' : 'Русский' }).click();
    await this.page.locator(`html[lang="${to}"]`).waitFor({ state: 'attached' });
    if (saved && (await saved).status() !== 200) throw new Error(`PATCH /me → ${(await saved).status()}`);
  }

  async logout(name: string) {
    await this.accountMenu(name).click();
    await this.page.getByRole('menuitem', { name: 'Выйти' }).click();
  }
}
