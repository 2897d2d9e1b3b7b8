import type { Locator, Page } from '@playwright/test';

/** /login as a person uses it. */
export class LoginForm {
  constructor(readonly page: Page) {}

  async signIn(email: string, password: string, next?: string) {
    await this.page.goto(next ? `/login?next=${encodeURIComponent(next)}` : '/login');
    await this.page.getByLabel('Электронная почта').fill(email);
    await this.page.getByLabel(/^Пароль/).fill(password);
    await this.page.getByRole('button', { name: 'Войти' }).click();
  }
}

/** /my: the NGO's dashboard. */
export class Dashboard {
  readonly heading: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Мои заявки' });
  }

  region(name: string) {
    return this.page.getByRole('region', { name });
  }

  application(title: string) {
    return this.region('Заявки организации')
      .getByRole('listitem')
      .filter({ has: this.page.getByRole('link', { name: title }) });
  }
}

/** /applications/:id of a draft: the task list. */
export class TaskList {
  constructor(readonly page: Page) {}

  async goto(id: string) {
    await this.page.goto(`/applications/${id}`);
    await this.page.getByRole('list', { name: 'Разделы заявки' }).waitFor();
  }

  task(name: string) {
    return this.page.getByRole('list', { name: 'Разделы заявки' }).getByRole('listitem').filter({ hasText: name });
  }

  async open(name: string) {
    await this.page.getByRole('link', { name: new RegExp(`\\d\\. ${name}`) }).click();
    await this.page.getByRole('heading', { level: 1, name }).waitFor();
  }
}

/** /applications/:id/edit/:section: fields by label, the save status, "Сохранить и продолжить". */
export class SectionEditor {
  readonly saveStatus: Locator;
  readonly continue: Locator;

  constructor(readonly page: Page) {
    this.saveStatus = page.getByTestId('save-status');
    this.continue = page.getByRole('button', { name: 'Сохранить и продолжить' });
  }

  async goto(id: string, section: string) {
    await this.page.goto(`/applications/${id}/edit/${section}`);
    await this.page.getByRole('heading', { level: 1 }).waitFor();
  }

  field(label: string | RegExp) {
    return this.page.getByLabel(label);
  }

  /** Waits for the autosave: "Сохранено в 14:32". */
  async saved() {
    await this.saveStatus.filter({ hasText: /Сохранено в \d\d:\d\d/ }).waitFor();
  }
}

/** /applications/:id/check: the server's checklist and the submit button. */
export class CheckPage {
  readonly checklist: Locator;
  readonly submit: Locator;

  constructor(readonly page: Page) {
    this.checklist = page.getByRole('region', { name: 'Правила конкурса' }).getByTestId('checklist');
    this.submit = page.getByRole('button', { name: 'Подать заявку' });
  }

  async goto(id: string) {
    await this.page.goto(`/applications/${id}/check`);
    await this.checklist.waitFor();
  }

  rule(code: string) {
    return this.checklist.locator(`[data-code="${code}"]`);
  }

  failed() {
    return this.checklist.locator('[data-ok="false"]');
  }
}

/** /applications/:id/consultations. */
export class ConsultationsPage {
  constructor(readonly page: Page) {}

  async goto(id: string) {
    await this.page.goto(`/applications/${id}/consultations`);
    await this.page.getByRole('heading', { level: 1, name: 'Консультация Ресурсного центра' }).waitFor();
  }

  async ask(question: string) {
    await this.page.getByLabel('Ваш вопрос').fill(question);
    await this.page.getByRole('button', { name: 'Отправить вопрос' }).click();
    await this.page.getByText('Вопрос отправлен').waitFor();
  }
}

/** /applications/:id/submitted: the receipt. */
export class Receipt {
  readonly number: Locator;
  readonly hash: Locator;

  constructor(readonly page: Page) {
    this.number = page.getByTestId('registration-number');
    this.hash = page.getByTestId('content-hash');
  }
}
