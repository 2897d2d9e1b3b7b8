import type { Locator, Page } from '@playwright/test';

/** /competitions: every published competition, grouped. */
export class CompetitionsPage {
  readonly heading: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Конкурсы' });
  }

  async goto() {
    await this.page.goto('/competitions');
    await this.heading.waitFor();
  }

  group(name: string) {
    return this.page.getByRole('region', { name });
  }

  competition(title: string) {
    return this.page.getByRole('link', { name: title });
  }
}
