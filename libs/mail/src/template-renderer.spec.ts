import 'reflect-metadata';
import { accountToken, TemplateCode, TemplatePayloads, TEMPLATES } from '@grants/domain';
import { formatDateTime, formatDays, formatMoney } from './mail.formatters';
import { isPermanentSmtpError, PermanentMailError } from './mail.errors';
import { MAIL_LOCALES, TemplateRenderer } from './template-renderer';

const competition = {
  competitionId: '0b5a3f6e-1111-4c1e-9d5b-000000000001',
  competitionTitle: 'Городские инициативы 2026',
  timezone: 'Asia/Krasnoyarsk',
};
const application = {
  ...competition,
  applicationId: '0b5a3f6e-2222-4c1e-9d5b-000000000002',
  applicationTitle: 'Школа волонтёров <script>alert(1)</script>',
  organizationName: 'МОО «Наш город» & партнёры',
};

const report = {
  ...competition,
  grantId: '0b5a3f6e-3333-4c1e-9d5b-000000000003',
  grantTitle: application.applicationTitle,
  registrationNumber: '2026-AB12CD-0001',
  organizationName: application.organizationName,
  reportCode: 'interim',
  reportTitle: 'Промежуточный отчёт',
  reportTitleEn: 'Interim report',
  dueDate: '2027-06-30',
};

/** One sample per template; the type makes a template added to TEMPLATES without a sample a compile error. */
const samples: { [T in TemplateCode]: TemplatePayloads[T] } = {
  'account.registered': {
    fullName: 'Иванова Мария Петровна',
    email: 'maria@example.org',
    organizationName: 'МОО «Наш город»',
    verifyTokenId: '6f1c2a9e-3b7d-4e1a-9c2f-0a1b2c3d4e5f',
  },
  'account.password_reset': {
    fullName: 'Иванова Мария Петровна',
    tokenId: '6f1c2a9e-3b7d-4e1a-9c2f-0a1b2c3d4e5f',
    expiresAt: '2026-10-17T16:30:00.000Z',
  },
  'account.email_verification': {
    fullName: 'Иванова Мария Петровна',
    email: 'maria@example.org',
    tokenId: '6f1c2a9e-3b7d-4e1a-9c2f-0a1b2c3d4e5f',
  },
  'organization.invitation': {
    organizationName: 'МОО «Наш город»',
    inviterName: 'Иванова Мария Петровна',
    tokenId: '6f1c2a9e-3b7d-4e1a-9c2f-0a1b2c3d4e5f',
    expiresAt: '2026-10-24T16:30:00.000Z',
  },
  'consultation.requested': { ...application, consultationId: 'c-1', question: 'Как рассчитать софинансирование?' },
  'consultation.completed': {
    ...application,
    consultationId: 'c-1',
    verdict: 'needs_changes',
    comment: 'Уточните бюджет.',
    remarks: [{ field: 'budgetLines', text: 'Сумма строк не равна запрошенной' }],
  },
  'application.submitted': {
    ...application,
    registrationNumber: '2026-AB12CD-0001',
    submittedAt: '2026-10-17T16:30:00.000Z',
    contentHash: 'sha256:0f1e2d',
  },
  'deadline.reminder': { ...application, deadline: '2026-10-17T16:30:00.000Z', daysLeft: 3 },
  'deadline.extended': {
    ...application,
    previousDeadline: '2026-10-17T16:30:00.000Z',
    deadline: '2026-10-24T16:30:00.000Z',
  },
  'application.not_submitted': { ...application, deadline: '2026-10-17T16:30:00.000Z' },
  'competition.submission_closed': {
    ...competition,
    closedAt: '2026-10-17T16:30:00.000Z',
    submitted: 12,
    notSubmitted: 3,
  },
  'competition.cancelled': { ...application, reason: 'Бюджет не утверждён' },
  'review.assigned': {
    ...application,
    reviewId: 'r-1',
    registrationNumber: '2026-AB12CD-0001',
    dueAt: '2026-11-01T10:00:00.000Z',
  },
  'review.declined': {
    ...application,
    reviewId: 'r-1',
    registrationNumber: '2026-AB12CD-0001',
    expertName: 'Петров Иван Сергеевич',
    reason: 'Консультировал эту организацию',
  },
  'review.reminder': {
    ...application,
    reviewId: 'r-1',
    registrationNumber: '2026-AB12CD-0001',
    dueAt: '2026-11-01T10:00:00.000Z',
    daysLeft: 1,
  },
  'review.overdue': {
    ...competition,
    reviewDeadline: '2026-11-01T10:00:00.000Z',
    overdue: [
      { reviewId: 'r-1', registrationNumber: '2026-AB12CD-0001', expertName: 'Петров И. С.', status: 'in_progress' },
    ],
  },
  'application.ineligible': { ...application, registrationNumber: null, reason: 'Организация не является СО НКО' },
  'results.awarded': {
    ...application,
    registrationNumber: '2026-AB12CD-0001',
    awardedAmount: '150000.00',
    score: '87.50',
  },
  'results.not_awarded': { ...application, registrationNumber: '2026-AB12CD-0002', score: null },
  'results.assisted_winner': { ...application, registrationNumber: '2026-AB12CD-0001', awardedAmount: '1234567.5' },
  'statistics.compiled': {
    year: 2026,
    compiledAt: '2026-12-31T05:00:00.000Z',
    snapshotId: 's-1',
    headline:
      'В 2026 году пять проектов, подготовленных при участии специалистов Ресурсного центра, получили грантовую поддержку.',
    headlineEn:
      'In 2026, 5 projects prepared with the participation of Resource Center specialists received grant support.',
  },
  'grant.agreement_recorded': {
    ...competition,
    grantId: 'g-1',
    grantTitle: application.applicationTitle,
    registrationNumber: '2026-AB12CD-0001',
    organizationName: application.organizationName,
    amount: '250000.00',
    agreementNumber: '17-ГП/2026',
    agreementDate: '2026-12-15',
    reports: [
      { title: 'Промежуточный отчёт', titleEn: 'Interim report', dueDate: '2027-06-30' },
      { title: 'Итоговый отчёт', titleEn: 'Final report', dueDate: '2027-12-20' },
    ],
  },
  'report.reminder': { ...report, daysLeft: 7 },
  'report.overdue': report,
  'report.submitted': { ...report, submittedAt: '2027-06-29T04:00:00.000Z', resubmitted: true },
  'report.returned': { ...report, comment: 'Приложите акты по статье «Аренда»' },
  'report.accepted': { ...report, comment: null, grantCompleted: true },
};

describe('Mail templates', () => {
  const renderer = new TemplateRenderer({
    appUrl: 'https://grants.example/',
    defaultTimezone: 'Asia/Krasnoyarsk',
    templates: TEMPLATES,
    tokenSecret: 'test-secret-test-secret',
  });

  it('puts the one-time token derived from the row id into the portal link, never the id alone', () => {
    const mail = renderer.render('account.password_reset', 'en', samples['account.password_reset']);
    const token = accountToken(samples['account.password_reset'].tokenId, 'test-secret-test-secret');
    expect(mail.text).toContain(`https://grants.example/reset-password?token=${encodeURIComponent(token)}`);
    expect(mail.text).not.toContain(`token=${samples['account.password_reset'].tokenId}`);
  });

  it.each(TEMPLATES.flatMap((t) => MAIL_LOCALES.map((l) => [t, l] as const)))(
    'renders %s in %s',
    (template, locale) => {
      const mail = renderer.render(template, locale, samples[template] as never);
      expect(mail.subject.length).toBeGreaterThan(5);
      expect(mail.subject).not.toContain('\n');
      expect(mail.text.length).toBeGreaterThan(20);
      expect(mail.html).toContain(`<html lang="${locale}">`);
      // User text is escaped in HTML and kept verbatim in plain text.
      expect(mail.html).not.toContain('<script>');
      if ('applicationTitle' in samples[template]) {
        expect(mail.html).toContain('&lt;script&gt;');
        expect(`${mail.subject}\n${mail.text}`).toMatch(/Школа волонтёров|МОО «Наш город» & партнёры/);
      }
      // The two locales are two texts, not one text twice.
      const other = renderer.render(template, locale === 'ru' ? 'en' : 'ru', samples[template] as never);
      expect(mail.subject).not.toBe(other.subject);
      expect(mail.html).toContain(locale === 'ru' ? 'Ресурсный центр' : 'Resource Center');
      expect(mail.html).toContain('https://grants.example/');
    },
  );

  it('fails on a variable missing from the payload, naming it', () => {
    const { registrationNumber: _dropped, ...partial } = samples['application.submitted'];
    expect(() => renderer.render('application.submitted', 'ru', partial)).toThrow(/registrationNumber/);
    const { deadline: _d, ...noDeadline } = samples['deadline.reminder'];
    expect(() => renderer.render('deadline.reminder', 'en', noDeadline)).toThrow(PermanentMailError);
  });

  it('gives English-locale admins the English headline, and the Russian one from mails written before it existed', () => {
    const sample = samples['statistics.compiled'];
    const en = renderer.render('statistics.compiled', 'en', sample);
    expect(en.text).toContain(sample.headlineEn);
    expect(en.html).toContain(`<b>${sample.headlineEn}</b>`);
    expect(en.text).not.toContain(sample.headline);
    expect(renderer.render('statistics.compiled', 'ru', sample).text).toContain(sample.headline);
    const { headlineEn: _absent, ...older } = sample;
    expect(renderer.render('statistics.compiled', 'en', older).text).toContain(sample.headline);
  });

  it('refuses an unknown template as a permanent error', () => {
    expect(() => renderer.render('no.such.template', 'ru', {})).toThrow(PermanentMailError);
  });

  it('shows dates in the competition time zone and money in roubles', () => {
    const ru = renderer.render('results.awarded', 'ru', samples['results.awarded']);
    expect(ru.text).toContain('150 000,00 ₽');
    const submitted = renderer.render('application.submitted', 'ru', samples['application.submitted']);
    expect(submitted.text).toContain('17 октября 2026 г., 23:30 (Asia/Krasnoyarsk)');
    expect(submitted.subject).toBe(
      'Заявка «Школа волонтёров <script>alert(1)</script>» подана, регистрационный номер 2026-AB12CD-0001',
    );
    const en = renderer.render('results.assisted_winner', 'en', samples['results.assisted_winner']);
    expect(en.text).toContain('RUB 1,234,567.50');
    expect(en.html).toContain('https://grants.example/applications/0b5a3f6e-2222-4c1e-9d5b-000000000002');
  });

  it('treats SMTP 5xx as permanent and 4xx or network errors as worth a retry', () => {
    expect(isPermanentSmtpError(Object.assign(new Error('550 no such mailbox'), { responseCode: 550 }))).toBe(true);
    expect(isPermanentSmtpError(Object.assign(new Error('451 try again'), { responseCode: 451 }))).toBe(false);
    expect(isPermanentSmtpError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNECTION' }))).toBe(false);
  });

  it('formats dates, money and Russian plurals', () => {
    expect(formatDateTime('2026-10-17T16:30:00Z', 'Asia/Krasnoyarsk', 'ru')).toBe(
      '17 октября 2026 г., 23:30 (Asia/Krasnoyarsk)',
    );
    expect(formatDateTime('2026-10-17T16:30:00Z', 'Europe/Moscow', 'en')).toBe(
      '17 October 2026, 19:30 (Europe/Moscow)',
    );
    expect(formatMoney('150000', 'ru')).toBe('150 000,00 ₽');
    expect(formatMoney('999999999999.99', 'ru')).toBe('999 999 999 999,99 ₽');
    expect(formatMoney('1000.5', 'en')).toBe('RUB 1,000.50');
    expect([1, 2, 5, 11, 21, 22, 25].map((n) => formatDays(n, 'ru'))).toEqual([
      '1 день',
      '2 дня',
      '5 дней',
      '11 дней',
      '21 день',
      '22 дня',
      '25 дней',
    ]);
  });
});
