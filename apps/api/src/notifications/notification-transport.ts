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

/** The default: one log line per message, without the address or the text (they may identify a person). */
export class LogTransport implements NotificationTransport {
  readonly name = 'log';
  private readonly logger = new Logger('Notifications');

  async send(message: OutgoingMessage): Promise<void> {
    this.logger.log({ messageId: message.messageId, topic: message.topic }, 'notification sent');
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
