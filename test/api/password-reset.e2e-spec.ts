import request from 'supertest';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * 忘记密码: a single-use link by e-mail (through the notifications outbox), valid for 30 minutes;
 * using it sets the new password and ends every session; asking never tells whether an email has an account.
 */
describe('password reset', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  let accounts = 0;
  async function newBuyer(): Promise<{ email: string; cookie: string }> {
    const email = `reset-${(accounts += 1)}-${Date.now()}@example.cn`;
    const signedUp = await request(t.url).post('/api/auth/register').send({ email, password: 'the-old-password' }).expect(201);
    return { email, cookie: ([] as string[]).concat(signedUp.headers['set-cookie'] ?? [])[0]!.split(';')[0]! };
  }
  const ask = (email: string) => request(t.url).post('/api/auth/password-reset').send({ email });
  /** The links sent to `email`, newest last, as the e-mails carry them. */
  const linksTo = async (email: string) =>
    (
      await t.sql(
        `SELECT n.payload->>'resetPath' AS path FROM notification_outbox n JOIN account a ON a.id = n.account_id
          WHERE n.topic = 'PASSWORD_RESET' AND a.email = $1 ORDER BY n.id`,
        [email],
      )
    ).map((row) => String(row.path));
  const tokenOf = (path: string) => new URL(path, 'http://x').searchParams.get('token')!;
  const confirm = (token: string, password: string) => request(t.url).post('/api/auth/password-reset/confirm').send({ token, password });
  const login = (email: string, password: string) => request(t.url).post('/api/auth/login').send({ email, password });

  it('sends a link that sets a new password once, and ends the sessions signed in with the old one', async () => {
    const { email, cookie } = await newBuyer();
    await ask(` ${email.toUpperCase()} `).expect(202);
    const [link] = await linksTo(email);
    expect(link).toMatch(/^\/reset-password\?token=[\w-]{43}$/);

    await confirm(tokenOf(link!), 'the-new-password').expect(204);
    await login(email, 'the-new-password').expect(200);
    expect((await login(email, 'the-old-password').expect(401)).body.code).toBe('INVALID_CREDENTIALS');
    // The session from before the reset is over.
    await request(t.url).post('/api/auth/refresh').set('Cookie', cookie).expect(401);
    // The link works once.
    expect((await confirm(tokenOf(link!), 'a-third-password').expect(400)).body.code).toBe('RESET_TOKEN_INVALID');
  });

  it('answers an unknown email exactly as a known one, and sends nothing', async () => {
    const unknown = await ask('nobody-here@example.cn').expect(202);
    const { email } = await newBuyer();
    const known = await ask(email).expect(202);
    expect([unknown.text, unknown.body]).toEqual([known.text, known.body]);
    expect(await linksTo('nobody-here@example.cn')).toEqual([]);
    expect(await linksTo(email)).toHaveLength(1);
  });

  it('refuses an expired link, an unknown token and a short password; a newer link voids the older ones once used', async () => {
    const { email } = await newBuyer();
    await ask(email).expect(202);
    await ask(email).expect(202);
    const [older, newer] = (await linksTo(email)).map(tokenOf);
    expect((await confirm(newer!, 'short').expect(400)).body.code).toBe('VALIDATION_FAILED');
    expect((await confirm('x'.repeat(43), 'the-new-password').expect(400)).body.code).toBe('RESET_TOKEN_INVALID');

    await confirm(newer!, 'the-new-password').expect(204);
    expect((await confirm(older!, 'another-password').expect(400)).body.code).toBe('RESET_TOKEN_INVALID');

    await ask(email).expect(202);
    const latest = tokenOf((await linksTo(email)).at(-1)!);
    await t.sql(
      `UPDATE password_reset SET expires_at = qh_now() - interval '1 second' WHERE account_id = (SELECT id FROM account WHERE email = $1)`,
      [email],
    );
    expect((await confirm(latest, 'the-newest-password').expect(400)).body.code).toBe('RESET_TOKEN_INVALID');
  });

  it('sends at most three links an hour to one account, answering alike', async () => {
    const { email } = await newBuyer();
    for (let i = 0; i < 5; i++) await ask(email).expect(202);
    expect(await linksTo(email)).toHaveLength(3);
  });
});
