import { SMTPServer } from 'smtp-server';
import { composeMessage } from './messages';
import { Logger } from '@nestjs/common';
import { LogTransport, SmtpTransport } from './notification-transport';

/** A real SMTP conversation with a local server: what a mail relay would receive from us. */
describe(SmtpTransport.name, () => {
  let server: SMTPServer;
  let port: number;
  const received: { from: string; to: string[]; data: string }[] = [];

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        let data = '';
        stream.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
        stream.on('end', () => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            data,
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.server.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('sends the message to the buyer with our Message-ID, so a relay can drop a repeat', async () => {
    const transport = new SmtpTransport(`smtp://127.0.0.1:${port}`, 'orders@qianhuo.invalid');
    const { subject, text } = composeMessage('ORDER_PAID', { orderNumber: 'QH20261129-000123', amountFen: 55900 });

    await transport.send({ messageId: '<outbox-42@qianhuo.invalid>', to: 'buyer@example.cn', subject, text, topic: 'ORDER_PAID' });

    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ from: 'orders@qianhuo.invalid', to: ['buyer@example.cn'] });
    expect(received[0].data).toMatch(/^Message-ID: <outbox-42@qianhuo\.invalid>$/m);
    expect(received[0].data).toMatch(/^Subject: =\?UTF-8\?/m);
    expect(text).toBe(
      '您的订单 QH20261129-000123 已支付 ¥559.00，合作社将尽快发货。\nYour order QH20261129-000123 is paid ¥559.00; the cooperatives will ship it soon.',
    );
  });

  it('fails the send when the relay refuses it, so the outbox tries again later', async () => {
    const transport = new SmtpTransport(`smtp://127.0.0.1:1`, 'orders@qianhuo.invalid');
    await expect(
      transport.send({ messageId: '<outbox-43@qianhuo.invalid>', to: 'buyer@example.cn', subject: 's', text: 't', topic: 'ORDER_PAID' }),
    ).rejects.toThrow();
  });
});

describe(LogTransport.name, () => {
  const invitation = composeMessage('ORGANISATION_INVITATION', {
    organisationName: '某饭堂',
    invitePath: '/org/join?token=abc',
    validDays: 7,
  });
  const paid = composeMessage('ORDER_PAID', { orderNumber: 'QH20261129-000123', amountFen: 55900 });
  const logged = async (transport: LogTransport) => {
    const log = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    try {
      await transport.send({
        messageId: '<outbox-1@qianhuo.invalid>',
        to: 'a@example.cn',
        topic: 'ORGANISATION_INVITATION',
        ...invitation,
      });
      await transport.send({ messageId: '<outbox-2@qianhuo.invalid>', to: 'a@example.cn', topic: 'ORDER_PAID', ...paid });
      return log.mock.calls.map(([fields]) => JSON.stringify(fields));
    } finally {
      log.mockRestore();
    }
  };

  it('shows a link someone must open (an invitation) outside production, and never an address or another message', async () => {
    const [invited, paidLine] = await logged(new LogTransport(true));
    expect(invited).toContain('/org/join?token=abc');
    expect(paidLine).not.toContain('QH20261129-000123');
    expect([invited, paidLine].join()).not.toContain('a@example.cn');
  });

  it('shows no text at all in production', async () => {
    expect((await logged(new LogTransport(false))).join()).not.toContain('/org/join');
  });
});
