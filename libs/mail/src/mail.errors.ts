/** A mail that can never be sent as it is (unknown template, bad payload): retrying will not help. */
export class PermanentMailError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentMailError';
  }
}

/** SMTP 5xx replies are permanent (bad mailbox, rejected content); 4xx and network errors are worth a retry. */
export function isPermanentSmtpError(error: unknown): boolean {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}
