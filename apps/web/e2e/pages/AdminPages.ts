import type { Locator, Page } from '@playwright/test';

/** /admin/competitions/new and /:id/edit. */
export class CompetitionEditorPage {
  constructor(readonly page: Page) {}

  async gotoNew() {
    await this.page.goto('/admin/competitions/new');
    await this.page.getByRole('heading', { level: 1 }).waitFor();
  }

  field(name: string): Locator {
    return this.page.locator(`[name="${name}"]`);
  }

  /** Keeps the first `n` criteria and removes the rest. */
  async keepCriteria(n: number) {
    const criteria = this.page.getByRole('group', { name: 'Критерии оценки' });
    while ((await criteria.locator('input[name$=".code"]').count()) > n) {
      await criteria
        .getByRole('button', { name: /^Удалить строку/ })
        .last()
        .click();
    }
  }

  async addDocumentType(code: string, title: string) {
    const group = this.page.getByRole('group', { name: 'Документы заявки' });
    await group.getByRole('button', { name: 'Добавить документ' }).click();
    const i = (await group.locator('input[name$=".code"]').count()) - 1;
    await this.field(`documentTypes.${i}.code`).fill(code);
    await this.field(`documentTypes.${i}.title`).fill(title);
  }

  async submit() {
    await this.page.getByRole('button', { name: /Создать конкурс|Сохранить/ }).click();
  }
}

/** An action behind a confirmation dialog. */
export async function confirm(page: Page, action: string, confirmLabel = action): Promise<string> {
  await page.getByRole('button', { name: action, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  // Money is written with non-breaking spaces; the dialog's text is compared with plain ones.
  const text = ((await dialog.textContent()) ?? '').replace(/\u00a0/g, ' ');
  await dialog.getByRole('button', { name: confirmLabel, exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
  return text;
}

/** /admin/competitions/:id/experts */
export class ExpertsPage {
  constructor(readonly page: Page) {}

  async goto(id: string) {
    await this.page.goto(`/admin/competitions/${id}/experts`);
    await this.page.getByRole('heading', { level: 1 }).waitFor();
  }

  application(registrationNumber: string): Locator {
    return this.page.locator(`[data-application="${registrationNumber}"]`);
  }

  async assign(registrationNumber: string, expertName: string) {
    const row = this.application(registrationNumber);
    await row.getByRole('combobox', { name: /Эксперт для заявки/ }).click();
    await this.page.getByRole('option', { name: expertName }).click();
    await row.getByRole('button', { name: /Назначить/ }).click();
  }
}

/** /admin/competitions/:id/ranking */
export class RankingPage {
  constructor(readonly page: Page) {}

  async goto(id: string) {
    await this.page.goto(`/admin/competitions/${id}/ranking`);
    await this.page.getByRole('table').waitFor();
  }

  award(rank: number): Locator {
    return this.page.getByLabel(`Сумма гранта для места ${rank}`);
  }
}

/** /admin/competitions/:id/applications: the table and its filters (kept in the URL). */
export class ApplicationsTablePage {
  constructor(readonly page: Page) {}

  async goto(id: string, query = '') {
    await this.page.goto(`/admin/competitions/${id}/applications${query}`);
    await this.page.getByRole('table').waitFor();
  }

  /** Chooses `option` in the filter labelled `label` (a Mantine select). */
  async filter(label: string, option: string) {
    await this.page.getByRole('combobox', { name: label, exact: true }).click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
  }

  get rows(): Locator {
    return this.page.getByRole('table').locator('tbody tr');
  }

  /** The organization column of every row, in order. */
  async organizations(): Promise<string[]> {
    return this.rows.locator('td:nth-child(3)').allTextContents();
  }
}
