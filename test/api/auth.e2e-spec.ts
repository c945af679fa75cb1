import request from 'supertest';
import { hashPassword } from '../../apps/api/src/auth/password';
import { startTestApp, TestApp } from '../support/test-app';

describe('accounts and roles', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  async function accountWithRole(email: string, role: 'buyer' | 'official' | 'admin', password = 'correct-horse-1') {
    await t.sql(`INSERT INTO account (email, password_hash, role) VALUES ($1, $2, $3)`, [email, await hashPassword(password), role]);
    return { email, password };
  }

  function login(email: string, password: string) {
    return request(t.url).post('/api/auth/login').send({ email, password });
  }

  function refreshCookie(response: request.Response): string {
    const cookies = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
    const cookie = cookies.find((c) => c.startsWith('qh_refresh='));
    if (!cookie) throw new Error('no refresh cookie was set');
    return cookie.split(';')[0];
  }

  it('registers a buyer, who can then see their account at /api/me', async () => {
    const registered = await request(t.url)
      .post('/api/auth/register')
      .send({ email: 'Chen@Example.cn', password: 'long-enough-pw' })
      .expect(201);
    expect(registered.body.user).toMatchObject({ email: 'chen@example.cn', role: 'buyer', cooperativeId: null });
    const me = await request(t.url).get('/api/me').set('Authorization', `Bearer ${registered.body.accessToken}`).expect(200);
    expect(me.body).toEqual(registered.body.user);
  });

  it('refuses to register an email twice, whatever its case', async () => {
    await request(t.url).post('/api/auth/register').send({ email: 'twice@example.cn', password: 'long-enough-pw' }).expect(201);
    const again = await request(t.url)
      .post('/api/auth/register')
      .send({ email: 'TWICE@example.cn', password: 'long-enough-pw' })
      .expect(409);
    expect(again.body.code).toBe('EMAIL_TAKEN');
  });

  it('never lets registration choose a role', async () => {
    const response = await request(t.url)
      .post('/api/auth/register')
      .send({ email: 'sneaky@example.cn', password: 'long-enough-pw', role: 'admin' })
      .expect(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(await t.sql(`SELECT 1 FROM account WHERE email = 'sneaky@example.cn'`)).toHaveLength(0);
  });

  it('stores an argon2id hash, never the password', async () => {
    await request(t.url).post('/api/auth/register').send({ email: 'hash@example.cn', password: 'long-enough-pw' }).expect(201);
    const [row] = await t.sql(`SELECT password_hash FROM account WHERE email = 'hash@example.cn'`);
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(row.password_hash).not.toContain('long-enough-pw');
  });

  it('answers a bad login body with 400 and a code naming the problem', async () => {
    const response = await request(t.url).post('/api/auth/login').send({ email: 'not-an-email', password: 1 }).expect(400);
    expect(response.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    expect(response.body.requestId).toEqual(expect.any(String));
    expect(response.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['email', 'password']);
  });

  it('answers malformed JSON with 400 INVALID_JSON, not 500', async () => {
    const response = await request(t.url).post('/api/auth/login').set('Content-Type', 'application/json').send('{"email": ').expect(400);
    expect(response.body.code).toBe('INVALID_JSON');
  });

  it('answers a wrong password and an unknown email alike, with 401', async () => {
    const { email } = await accountWithRole('wrongpw@example.cn', 'buyer');
    const wrong = await login(email, 'not-the-password').expect(401);
    const unknown = await login('nobody@example.cn', 'not-the-password').expect(401);
    expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
    expect(unknown.body.message).toBe(wrong.body.message);
  });

  it('answers the sixth wrong try within a minute with 429, even with the right password', async () => {
    const { email, password } = await accountWithRole('bruteforce@example.cn', 'buyer');
    for (let i = 0; i < 5; i++) await login(email, `guess-${i}`).expect(401);
    const sixth = await login(email, 'guess-6').expect(429);
    expect(sixth.body.code).toBe('TOO_MANY_ATTEMPTS');
    expect(Number(sixth.headers['retry-after'])).toBeGreaterThan(0);
    await login(email, password).expect(429);
  });

  it('keeps other accounts signing in while one is locked', async () => {
    const { email, password } = await accountWithRole('bystander@example.cn', 'buyer');
    await login(email, password).expect(200);
  });

  it('sets the refresh token only as an httpOnly cookie scoped to the auth routes', async () => {
    const { email, password } = await accountWithRole('cookie@example.cn', 'buyer');
    const response = await login(email, password).expect(200);
    const cookie = ([] as string[]).concat(response.headers['set-cookie']).find((c) => c.startsWith('qh_refresh='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/Path=\/api\/auth/);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(JSON.stringify(response.body)).not.toContain(cookie.split(';')[0].split('=')[1]);
  });

  it('rotates the refresh token, and reusing an old one ends the whole session family', async () => {
    const { email, password } = await accountWithRole('rotate@example.cn', 'buyer');
    const first = refreshCookie(await login(email, password).expect(200));
    const refreshed = await request(t.url).post('/api/auth/refresh').set('Cookie', first).expect(200);
    expect(refreshed.body.user.email).toBe(email);
    const second = refreshCookie(refreshed);
    expect(second).not.toBe(first);

    const reused = await request(t.url).post('/api/auth/refresh').set('Cookie', first).expect(401);
    expect(reused.body.code).toBe('REFRESH_TOKEN_REUSED');
    // The thief's replay also ends the legitimate holder's newer token.
    const after = await request(t.url).post('/api/auth/refresh').set('Cookie', second).expect(401);
    expect(after.body.code).toBe('REFRESH_TOKEN_REUSED');
  });

  it('logs out: the refresh cookie is cleared and no longer works', async () => {
    const { email, password } = await accountWithRole('logout@example.cn', 'buyer');
    const cookie = refreshCookie(await login(email, password).expect(200));
    const out = await request(t.url).post('/api/auth/logout').set('Cookie', cookie).expect(204);
    expect(([] as string[]).concat(out.headers['set-cookie'] ?? []).join()).toMatch(/qh_refresh=;/);
    await request(t.url).post('/api/auth/refresh').set('Cookie', cookie).expect(401);
  });

  it('answers refresh without a cookie with 204 (a guest: nothing to restore), and with a bad one 401', async () => {
    const guest = await request(t.url).post('/api/auth/refresh').expect(204);
    expect(guest.text).toBe('');
    const bad = await request(t.url).post('/api/auth/refresh').set('Cookie', 'qh_refresh=not-a-token').expect(401);
    expect(bad.body.code).toBe('REFRESH_TOKEN_INVALID');
  });

  it('shows each role at /api/me', async () => {
    for (const role of ['buyer', 'official', 'admin'] as const) {
      const { email, password } = await accountWithRole(`${role}-me@example.cn`, role);
      const { body } = await login(email, password).expect(200);
      const me = await request(t.url).get('/api/me').set('Authorization', `Bearer ${body.accessToken}`).expect(200);
      expect(me.body.role).toBe(role);
    }
  });

  it('answers /api/me without a token, or with a forged one, with 401', async () => {
    expect((await request(t.url).get('/api/me').expect(401)).body.code).toBe('UNAUTHORIZED');
    const forged = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4Iiwicm9sZSI6ImFkbWluIn0.c2lnbmF0dXJl';
    expect((await request(t.url).get('/api/me').set('Authorization', `Bearer ${forged}`).expect(401)).body.code).toBe('UNAUTHORIZED');
  });

  it('answers an expired access token with 401 TOKEN_EXPIRED', async () => {
    const jwt = t.app.get((await import('@nestjs/jwt')).JwtService);
    const expired = await jwt.signAsync({
      sub: '00000000-0000-0000-0000-000000000000',
      role: 'buyer',
      exp: Math.floor(Date.now() / 1000) - 10,
    });
    expect((await request(t.url).get('/api/me').set('Authorization', `Bearer ${expired}`).expect(401)).body.code).toBe('TOKEN_EXPIRED');
  });
});
