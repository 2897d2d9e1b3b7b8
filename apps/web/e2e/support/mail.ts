import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';

export interface Mail {
  to: string[];
  subject: string;
  text: string;
  html: string;
}

/** A real SMTP server in the test process: the api's worker sends here and tests read the mails. */
export class MailSink {
  readonly mails: Mail[] = [];
  private waiters: Array<() => void> = [];

  private constructor(
    private readonly server: SMTPServer,
    readonly port: number,
  ) {}

  static async start(): Promise<MailSink> {
    const ref: { sink?: MailSink } = {};
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        simpleParser(stream).then((parsed) => {
          ref.sink!.mails.push({
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : '',
          });
          for (const wake of ref.sink!.waiters.splice(0)) wake();
          callback();
        }, callback);
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    ref.sink = new MailSink(server, (server.server.address() as { port: number }).port);
    return ref.sink;
  }

  /** The first mail to `address` whose subject matches, waiting for it to arrive. */
  async waitFor(address: string, subject: RegExp = /.*/, timeoutMs = 15_000): Promise<Mail> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const found = this.mails.find((m) => m.to.includes(address) && subject.test(m.subject));
      if (found) return found;
      const left = until - Date.now();
      if (left <= 0) throw new Error(`no mail to ${address} matching ${subject} within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** The first link of a mail that opens `path` (e.g. "/verify-email"). */
  static link(mail: Mail, path: string): string {
    const match = new RegExp(`https?://[^\\s"'<>]+${path.replace(/[/.]/g, '\\$&')}[^\\s"'<>]*`).exec(
      mail.text + mail.html,
    );
    if (!match) throw new Error(`no link to ${path} in "${mail.subject}"`);
    return match[0].replace(/&amp;/g, '&');
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
