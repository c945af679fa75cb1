import { Logger } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';

export interface OutgoingMessage {
  /** Stable per outbox row, so a receiving mail system can drop a copy if a crash ever made us send twice. */
  messageId: string;
  to: string;
  subject: string;
  text: string;
  topic: string;
}

export interface NotificationTransport {
  readonly name: string;
  send(message: OutgoingMessage): Promise<void>;
}

export const NOTIFICATION_TRANSPORT = Symbol('NOTIFICATION_TRANSPORT');

/** Messages a person must read to go on (a password reset or invitation link): without SMTP, development shows them in the log. */
const ACTION_TOPICS = new Set(['PASSWORD_RESET', 'ORGANISATION_INVITATION']);

/**
 * The default: one log line per message, without the address or the text (they may identify a
 * person). Outside production, the text of a message the reader must act on (a reset link) is
 * logged too, so that development without SMTP can follow it; production never logs it.
 */
export class LogTransport implements NotificationTransport {
  readonly name = 'log';
  private readonly logger = new Logger('Notifications');

  constructor(private readonly showActionText = false) {}

  async send(message: OutgoingMessage): Promise<void> {
    const text = this.showActionText && ACTION_TOPICS.has(message.topic) ? { text: message.text } : {};
    this.logger.log({ messageId: message.messageId, topic: message.topic, ...text }, 'notification sent');
  }
}

export class SmtpTransport implements NotificationTransport {
  readonly name = 'smtp';
  private readonly transporter: Transporter;

  constructor(
    url: string,
    private readonly from: string,
  ) {
    this.transporter = createTransport(url);
  }

  async send(message: OutgoingMessage): Promise<void> {
    await this.transporter.sendMail({
      from: this.from,
      to: message.to,
      subject: message.subject,
      text: message.text,
      messageId: message.messageId,
    });
  }
}
