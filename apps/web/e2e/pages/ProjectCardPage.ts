import type { Locator, Page } from '@playwright/test';

/** /projects/:id, the public project card. */
export class ProjectCardPage {
  readonly heading: Locator;
  readonly results: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.results = page.getByRole('region', { name: /Результаты проекта|Project results/ });
  }

  async goto(id: string) {
    await this.page.goto(`/projects/${id}`);
    await this.heading.waitFor();
  }
}
