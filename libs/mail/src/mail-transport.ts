import { createTransport, Transporter } from 'nodemailer';
import { RenderedMail } from './template-renderer';

export interface OutgoingMail extends RenderedMail {
  to: string;
  /** Stable Message-ID (derived from the outbox row), so a rare duplicate delivery is recognisable. */
  messageId?: string;
}

/** One pooled SMTP transport per process, from SMTP_URL; sends from MAIL_FROM. */
export class MailTransport {
  private readonly transporter: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
    pool: { maxConnections?: number } = {},
  ) {
    this.transporter = createTransport({
      url: smtpUrl,
      pool: true,
      maxConnections: pool.maxConnections ?? 5,
      maxMessages: Infinity,
      // A local sink or relay without a certificate is the norm in dev and tests.
      tls: { rejectUnauthorized: false },
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    } as never);
  }

  /** Sends one mail; resolves with the Message-ID the SMTP server accepted. */
  async send(mail: OutgoingMail): Promise<string> {
    const info = await this.transporter.sendMail({
      from: this.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: mail.messageId,
    });
    return String(info.messageId ?? mail.messageId ?? '');
  }

  close() {
    this.transporter.close();
  }
}
