import { expect, type Locator, type Page } from '@playwright/test';

/** /reviews/:id: the application beside the scoring form. */
export class ReviewPage {
  readonly heading: Locator;
  readonly form: Locator;
  readonly comment: Locator;
  readonly total: Locator;
  readonly saved: Locator;
  readonly submit: Locator;
  readonly saveAndNext: Locator;
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.form = page.getByRole('form', { name: /Оценка по критериям|Scores by criterion/ });
    this.comment = this.form.locator('[name="comment"]');
    this.total = this.form.getByText(/Итоговый балл|Weighted total/).locator('xpath=following-sibling::*[1]');
    this.saved = this.form.getByRole('status').filter({ hasText: /Сохранено в \d\d:\d\d|Saved at \d\d:\d\d/ });
    this.submit = this.form.getByRole('button', { name: /Отправить оценку|Submit the review/ });
    this.saveAndNext = this.form.getByRole('button', { name: /Сохранить и к следующей|Save and go to the next/ });
    this.dialog = page.getByRole('dialog');
  }

  async goto(id: string) {
    await this.page.goto(`/reviews/${id}`);
    await this.form.waitFor();
  }

  /** The radio of `points` in the group of a criterion (by its code: the controls are named scores.<code>). */
  point(code: string, points: number) {
    return this.form.locator(`input[type="radio"][name="scores.${code}"][value="${points}"]`);
  }

  criterion(title: string) {
    return this.form.getByRole('group', { name: new RegExp(title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) });
  }

  async score(scores: Record<string, number>) {
    for (const [code, points] of Object.entries(scores)) await this.point(code, points).check();
  }

  /** Waits until the server has the draft ("Сохранено в 14:32"). */
  async untilSaved() {
    await expect(this.saved).toBeVisible();
    await expect(this.form.getByRole('status')).not.toHaveText(/Сохраняется|Saving/);
  }
}
