import Handlebars from 'handlebars';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { accountToken } from '@grants/domain';
import { PermanentMailError } from './mail.errors';
import { formatDate, formatDateTime, formatDays, formatMoney, MailLocale } from './mail.formatters';

export const MAIL_LOCALES: readonly MailLocale[] = ['ru', 'en'];

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

export interface TemplateRendererOptions {
  /** Base of every link in a mail. */
  appUrl: string;
  /** Zone for dates of payloads without their own `timezone` (statistics, welcome mail). */
  defaultTimezone: string;
  /** Template codes that must all exist in every locale; checked at start-up. */
  templates: readonly string[];
  /** Secret the one-time tokens of mail links are derived with (JWT_SECRET); needed by `tokenLink`. */
  tokenSecret?: string;
  /** Folder of `<locale>/<code>.hbs` files; defaults to the one beside this module (copied into dist by the build). */
  directory?: string;
}

type Compiled = {
  subject: HandlebarsTemplateDelegate;
  text: HandlebarsTemplateDelegate;
  html: HandlebarsTemplateDelegate;
};

const SECTION = /^\{\{!-- (subject|text|html) --\}\}\s*$/m;

/**
 * Renders every mail from `templates/<locale>/<code>.hbs`: one file holds the subject, the plain text and
 * the HTML body (wrapped in the locale's `_layout.hbs`). Strict mode: a variable missing from the payload
 * is an error, not an empty string in a mail someone will read.
 */
export class TemplateRenderer {
  private readonly hbs = Handlebars.create();
  private readonly compiled = new Map<string, Compiled>();
  private readonly layouts = new Map<MailLocale, HandlebarsTemplateDelegate>();

  constructor(private readonly options: TemplateRendererOptions) {
    this.registerHelpers();
    const dir = options.directory ?? join(__dirname, 'templates');
    const missing: string[] = [];
    for (const locale of MAIL_LOCALES) {
      this.layouts.set(
        locale,
        this.hbs.compile(readFileSync(join(dir, locale, '_layout.hbs'), 'utf8'), { strict: true }),
      );
      for (const code of options.templates) {
        const file = join(dir, locale, `${code}.hbs`);
        if (!existsSync(file)) {
          missing.push(`${locale}/${code}.hbs`);
          continue;
        }
        this.compiled.set(`${locale}:${code}`, this.compileFile(file));
      }
    }
    if (missing.length) throw new Error(`Mail templates missing in ${dir}: ${missing.join(', ')}`);
  }

  has(template: string): boolean {
    return this.compiled.has(`ru:${template}`);
  }

  render(template: string, locale: string, payload: object): RenderedMail {
    const lang: MailLocale = locale === 'en' ? 'en' : 'ru';
    const compiled = this.compiled.get(`${lang}:${template}`);
    if (!compiled) throw new PermanentMailError(`Unknown mail template: ${template}`);
    const data = { timezone: this.options.defaultTimezone, ...payload };
    const runtime = { data: { locale: lang } };
    try {
      const subject = compiled.subject(data, runtime).replace(/\s+/g, ' ').trim();
      const text =
        compiled
          .text(data, runtime)
          .replace(/\n{3,}/g, '\n\n')
          .trim() + '\n';
      const body = compiled.html(data, runtime);
      const html = this.layouts.get(lang)!({ subject, body }, runtime);
      return { subject, text, html };
    } catch (error) {
      if (error instanceof PermanentMailError) throw error;
      // Handlebars' strict mode names the missing variable; the payload will not change on a retry.
      throw new PermanentMailError(`Template ${template} (${lang}): ${(error as Error).message}`);
    }
  }

  private compileFile(file: string): Compiled {
    const parts = readFileSync(file, 'utf8').split(SECTION);
    const sections: Record<string, string> = {};
    for (let i = 1; i < parts.length; i += 2) sections[parts[i]] = parts[i + 1].replace(/^\n/, '');
    for (const name of ['subject', 'text', 'html']) {
      if (sections[name] === undefined) throw new Error(`Mail template ${file} has no {{!-- ${name} --}} section`);
    }
    return {
      // Subject and text are not HTML: no entity escaping there.
      subject: this.hbs.compile(sections.subject, { strict: true, noEscape: true }),
      text: this.hbs.compile(sections.text, { strict: true, noEscape: true }),
      html: this.hbs.compile(sections.html, { strict: true }),
    };
  }

  private registerHelpers() {
    const appUrl = this.options.appUrl.replace(/\/+$/, '');
    const locale = (options: Handlebars.HelperOptions): MailLocale => (options.data?.locale === 'en' ? 'en' : 'ru');
    const required = (name: string, value: unknown) => {
      if (value === undefined || value === null) throw new PermanentMailError(`${name}: value is missing`);
      return value;
    };
    this.hbs.registerHelper('date', function (this: unknown, iso: unknown, options: Handlebars.HelperOptions) {
      const zone = String(options.data?.root?.timezone ?? 'UTC');
      return formatDateTime(String(required('date', iso)), zone, locale(options));
    });
    this.hbs.registerHelper('day', (date: unknown, options: Handlebars.HelperOptions) =>
      formatDate(String(required('day', date)), locale(options)),
    );
    this.hbs.registerHelper('money', (amount: unknown, options: Handlebars.HelperOptions) =>
      formatMoney(String(required('money', amount)), locale(options)),
    );
    this.hbs.registerHelper('days', (n: unknown, options: Handlebars.HelperOptions) =>
      formatDays(Number(required('days', n)), locale(options)),
    );
    this.hbs.registerHelper('eq', (a: unknown, b: unknown) => a === b);
    // `{{tokenLink "reset-password" tokenId}}`: a portal route with the one-time token derived from its row id.
    this.hbs.registerHelper('tokenLink', (route: unknown, tokenId: unknown) => {
      const secret = this.options.tokenSecret;
      if (!secret) throw new PermanentMailError('tokenLink: no token secret configured');
      const token = accountToken(String(required('tokenLink', tokenId)), secret);
      return `${appUrl}/${encodeURIComponent(String(route))}?token=${encodeURIComponent(token)}`;
    });
    this.hbs.registerHelper('link', (...args: unknown[]) => {
      const segments = args.slice(0, -1).map((s) => encodeURIComponent(String(required('link', s))));
      return `${appUrl}/${segments.join('/')}`;
    });
  }
}
