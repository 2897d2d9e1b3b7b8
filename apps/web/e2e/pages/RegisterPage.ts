import type { Page } from '@playwright/test';

export interface Registration {
  fullName: string;
  email: string;
  password: string;
  organization: { fullName: string; inn: string; ogrn?: string; municipality?: string };
}

/** /register: the person and the organization. */
export class RegisterPage {
  constructor(readonly page: Page) {}

  async goto() {
    await this.page.goto('/register');
    await this.page.getByRole('heading', { level: 1, name: 'Регистрация организации' }).waitFor();
  }

  get inn() {
    return this.page.getByLabel(/^ИНН( \*)?$/);
  }

  async fill(r: Registration) {
    const p = this.page;
    await p.getByLabel('Фамилия, имя, отчество').fill(r.fullName);
    await p.getByLabel(/^Электронная почта( \*)?$/).fill(r.email);
    await p.getByLabel(/^Пароль( \*)?$/).fill(r.password);
    await p.getByLabel('Полное наименование организации').fill(r.organization.fullName);
    await this.inn.fill(r.organization.inn);
    if (r.organization.ogrn) await p.getByLabel(/^ОГРН( \*)?$/).fill(r.organization.ogrn);
    if (r.organization.municipality) await p.getByLabel('Муниципальное образование').fill(r.organization.municipality);
  }

  submit() {
    return this.page.getByRole('button', { name: 'Зарегистрироваться' }).click();
  }
}
