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
  /** The report's files: the upload form (the NGO's) and the list. */
  readonly documents: Locator;
  readonly fileInput: Locator;
  /** The file control as people meet it: its label, hint and refusal. */
  readonly fileControl: Locator;
  readonly upload: Locator;
  readonly attached: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.narrative = page.getByRole('textbox', { name: 'Что сделано' });
    this.saved = page.getByText(/^Сохранено в \d\d:\d\d$/);
    this.submit = page.getByRole('button', { name: 'Отправить отчёт' });
    this.errorSummary = page.getByRole('alert').filter({ hasText: 'Есть ошибки' });
    this.comment = page.getByRole('textbox', { name: 'Комментарий' });
    this.accept = page.getByRole('button', { name: 'Принять отчёт' });
    this.giveBack = page.getByRole('button', { name: 'Вернуть на доработку' });
    this.documents = page.getByRole('region', { name: 'Документы к отчёту' });
    this.fileInput = this.documents.locator('input[type="file"]');
    this.fileControl = this.documents.getByRole('button', { name: 'Файл', exact: true });
    this.upload = this.documents.getByRole('button', { name: 'Загрузить' });
    this.attached = page.getByRole('region', { name: 'Приложенные файлы' });
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

  /** Chooses a file and sends it (the page then says it was uploaded, or why not). */
  async attach(name: string, content: Buffer, mimeType = 'application/pdf') {
    await this.fileInput.setInputFiles({ name, mimeType, buffer: content });
    await this.upload.click();
  }

  /** Deletes a file of the report (the button says "Удалить"; its name says which file). */
  async deleteFile(name: string) {
    await this.documents.getByRole('button', { name: `Удалить «${name}»`, exact: true }).click();
  }

  /** A file of the report: its download link. */
  file(name: string) {
    return this.documents.getByRole('link', { name, exact: true });
  }

  status(text: string) {
    return this.page.getByText(text, { exact: true }).first();
  }
}
