import type { Locator, Page } from '@playwright/test';

/** /competitions/:id as a person sees it. */
export class CompetitionPage {
  readonly heading: Locator;
  readonly apply: Locator;
  readonly deadline: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.apply = page
      .getByRole('link', { name: 'Подать заявку' })
      .or(page.getByRole('button', { name: 'Подать заявку' }));
    this.deadline = page.getByText(/осталось \d+ (день|дня|дней) \d\d:\d\d:\d\d/).first();
  }

  async goto(id: string) {
    await this.page.goto(`/competitions/${id}`);
    await this.heading.waitFor();
  }

  section(name: string) {
    return this.page.getByRole('region', { name });
  }
}
