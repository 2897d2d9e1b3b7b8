import type { Locator, Page } from '@playwright/test';

/** /consultations: the queue (waiting oldest first, mine in progress, completed), by competition. */
export class ConsultationQueuePage {
  readonly heading: Locator;
  readonly competition: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.competition = page.getByRole('combobox', { name: /Конкурс|Competition/ });
  }

  async goto() {
    await this.page.goto('/consultations');
    await this.heading.waitFor();
  }

  tab(name: string | RegExp) {
    return this.page.getByRole('tab', { name });
  }

  request(title: string) {
    return this.page.getByRole('listitem').filter({ has: this.page.getByRole('link', { name: title }) });
  }

  take(title: string) {
    return this.request(title).getByRole('button', { name: /Взять в работу|Take it/ });
  }
}
