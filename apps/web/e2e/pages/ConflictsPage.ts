import type { Locator, Page } from '@playwright/test';

/** /reviews/conflicts: the expert's declared conflicts and the form to declare one by INN. */
export class ConflictsPage {
  readonly heading: Locator;
  readonly inn: Locator;
  readonly reason: Locator;
  readonly declare: Locator;
  readonly list: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.inn = page.getByRole('textbox', { name: /ИНН|INN/ });
    this.reason = page.getByRole('textbox', { name: /Причина|Reason/ });
    this.declare = page.getByRole('button', { name: /Заявить о конфликте|Declare the conflict/ });
    this.list = page.getByRole('region', { name: /Заявленные конфликты|Declared conflicts/ });
  }

  async goto() {
    await this.page.goto('/reviews/conflicts');
    await this.heading.waitFor();
  }
}
