import type { Locator, Page } from '@playwright/test';

/** /consultations/:id: the application read-only beside the consultant's answer form. */
export class ConsultationPage {
  readonly heading: Locator;
  readonly form: Locator;
  readonly comment: Locator;
  readonly addRemark: Locator;
  readonly send: Locator;
  readonly take: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.form = page.getByRole('form', { name: /Ответ консультанта|Consultant's answer/ });
    this.comment = this.form.locator('[name="comment"]');
    this.addRemark = this.form.getByRole('button', { name: /Добавить замечание|Add a remark/ });
    this.send = this.form.getByRole('button', { name: /Отправить ответ|Send the answer/ });
    this.take = page.getByRole('button', { name: /Взять в работу|Take it/ });
  }

  async goto(id: string) {
    await this.page.goto(`/consultations/${id}`);
    await this.heading.waitFor();
  }

  /** "Замечание" beside a field of the read-only application. */
  remarkOn(fieldLabel: string) {
    return this.page.getByRole('button', { name: `Добавить замечание к полю «${fieldLabel}»` });
  }

  remark(index: number) {
    return {
      field: this.form.locator(`[name="remarks.${index}.field"]`),
      text: this.form.locator(`[name="remarks.${index}.text"]`),
    };
  }

  verdict(label: string | RegExp) {
    return this.form.getByRole('radio', { name: label });
  }

  field(id: string) {
    return this.page.locator(`[data-field="${id}"]`);
  }
}
