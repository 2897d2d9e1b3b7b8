import type { Page } from '@playwright/test';

/** /login (with ?next=). */
export class LoginPage {
  constructor(readonly page: Page) {}

  async goto(next?: string) {
    await this.page.goto(next ? `/login?next=${encodeURIComponent(next)}` : '/login');
    await this.page.getByRole('heading', { level: 1 }).waitFor();
  }

  async login(email: string, password: string) {
    await this.page.getByLabel(/^Электронная почта( \*)?$/).fill(email);
    await this.page.getByLabel(/^Пароль( \*)?$/).fill(password);
    await this.page.getByRole('button', { name: 'Войти' }).click();
  }
}
