import type { Locator, Page } from '@playwright/test';

/** /reviews: an expert's assignments by competition, with progress and due dates. */
export class ReviewsPage {
  readonly heading: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
  }

  async goto() {
    await this.page.goto('/reviews');
    await this.heading.waitFor();
  }

  competition(title: string) {
    return this.page.getByRole('region', { name: title });
  }

  assignment(title: string) {
    return this.page.getByRole('listitem').filter({ has: this.page.getByRole('link', { name: title }) });
  }

  open(title: string) {
    return this.page.getByRole('link', { name: title }).click();
  }
}
