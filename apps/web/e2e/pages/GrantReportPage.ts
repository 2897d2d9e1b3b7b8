import type { Locator, Page } from '@playwright/test';

/** /grants/:id/reports/:code as a person sees it: the editor for the NGO, the decision form for staff. */
export class GrantReportPage {
  readonly heading: Locator;
  readonly narrative: Locator;
  readonly saved: Locator;
  readonly submit: Locator;
  readonly errorSummary: Locator;
  readonly comment: Locator;
  readonly accept: Locator;
  readonly giveBack: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.narrative = page.getByRole('textbox', { name: 'Что сделано' });
    this.saved = page.getByText(/^Сохранено в \d\d:\d\d$/);
    this.submit = page.getByRole('button', { name: 'Отправить отчёт' });
    this.errorSummary = page.getByRole('alert').filter({ hasText: 'Есть ошибки' });
    this.comment = page.getByRole('textbox', { name: 'Комментарий' });
    this.accept = page.getByRole('button', { name: 'Принять отчёт' });
    this.giveBack = page.getByRole('button', { name: 'Вернуть на доработку' });
  }

  async goto(grantId: string, code: string) {
    await this.page.goto(`/grants/${grantId}/reports/${code}`);
    await this.heading.waitFor();
  }

  achieved(indicator: string) {
    return this.page.getByRole('textbox', { name: `Достигнуто: ${indicator}` });
  }

  spent(item: string) {
    return this.page.getByRole('textbox', { name: `Израсходовано: ${item}` });
  }

  status(text: string) {
    return this.page.getByText(text, { exact: true }).first();
  }
}
