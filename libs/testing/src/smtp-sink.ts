import { AddressInfo } from 'node:net';
import { SMTPServer, SMTPServerOptions } from 'smtp-server';
import { simpleParser } from 'mailparser';

export interface CaughtMail {
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  messageId: string;
  raw: string;
}

/**
 * A real SMTP server in the test process. `refuse(n)` makes it reject the next n messages
 * with a temporary error, to test retries.
 */
export class SmtpSink {
  readonly mails: CaughtMail[] = [];
  private refusing = 0;
  private delayMs = 0;
  private receiving: Array<() => void> = [];
  private waiters: Array<{ count: number; resolve: () => void }> = [];

  private constructor(
    private readonly server: SMTPServer,
    readonly port: number,
  ) {}

  static async start(port = 0, options: Partial<SMTPServerOptions> = {}): Promise<SmtpSink> {
    const ref: { sink?: SmtpSink } = {};
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      ...options,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        for (const resolve of ref.sink!.receiving.splice(0)) resolve();
        stream.on('end', async () => {
          if (ref.sink!.delayMs) await new Promise((r) => setTimeout(r, ref.sink!.delayMs));
          if (ref.sink!.refusing > 0) {
            ref.sink!.refusing--;
            const err = new Error('Temporary failure, try again') as Error & { responseCode: number };
            err.responseCode = 451;
            return callback(err);
          }
          const raw = Buffer.concat(chunks).toString('utf8');
          simpleParser(raw)
            .then((parsed) => {
              ref.sink!.mails.push({
                from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
                to: session.envelope.rcptTo.map((r) => r.address),
                subject: parsed.subject ?? '',
                text: parsed.text ?? '',
                html: typeof parsed.html === 'string' ? parsed.html : '',
                messageId: parsed.messageId ?? '',
                raw,
              });
              ref.sink!.notify();
              callback();
            })
            .catch(callback);
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    ref.sink = new SmtpSink(server, (server.server.address() as AddressInfo).port);
    return ref.sink;
  }

  /** Holds every message this long before answering, like a slow mail server. */
  slowDown(ms: number) {
    this.delayMs = ms;
  }

  /** Resolves when the next message starts arriving (its DATA phase). */
  nextMessageStarts(): Promise<void> {
    return new Promise((resolve) => this.receiving.push(resolve));
  }

  /** Rejects the next `count` messages with 451. */
  refuse(count: number) {
    this.refusing = count;
  }

  to(email: string): CaughtMail[] {
    return this.mails.filter((m) => m.to.includes(email.toLowerCase()) || m.to.includes(email));
  }

  /** Resolves once at least `count` mails have arrived in total (fails after the timeout). */
  waitFor(count: number, timeoutMs = 20000): Promise<void> {
    if (this.mails.length >= count) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`Expected ${count} mails, got ${this.mails.length}`)), timeoutMs);
      this.waiters.push({
        count,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      });
    });
  }

  private notify() {
    this.waiters = this.waiters.filter((w) => {
      if (this.mails.length >= w.count) {
        w.resolve();
        return false;
      }
      return true;
    });
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
