import request from 'supertest';
import { LedgerDigestService } from '../../apps/api/src/impact/ledger-digest.service';
import { SettlementService } from '../../apps/api/src/impact/settlement.service';
import { tokenFor } from '../support/accounts';
import { newCooperative, newProduct, paidOrder, type Cooperative, type Order } from '../support/builders';
import { PNG_1X1 } from '../support/images';
import { startTestApp, type TestApp } from '../support/test-app';
import { linkedHousehold, todayOf } from '../support/trail';

const HOME = '520525202';
const ELSEWHERE = '520525101';

/**
 * The money trail after the ledger: the marketplace's statement to a cooperative and its transfers,
 * the cooperative's payouts to its households (never more than allocated), acknowledgements by
 * township officials who see only their townships, and digests that catch a changed payout.
 */
describe('the money trail: statements, payouts and acknowledgements', () => {
  let t: TestApp;
  let admin: string;
  let official: string;
  let coop: Cooperative;
  let order: Order & { shippingFen: number; itemsFen: number };
  let today: string;
  let month: string;
  /** Weights 1, 2 (home township) and 3 (elsewhere): the day's pool of 3000 fen splits 500, 1000, 1500. */
  let households: { id: string; code: string }[];

  const as = (token: string) => ({
    get: (path: string) => request(t.url).get(path).set('Authorization', `Bearer ${token}`),
    post: (path: string, body: object = {}) => request(t.url).post(path).set('Authorization', `Bearer ${token}`).send(body),
  });

  beforeAll(async () => {
    t = await startTestApp();
    admin = await tokenFor(t, 'admin');
    official = await tokenFor(t, 'official');
    coop = await newCooperative(t, { townshipCode: HOME, benefitRateBp: 1000 });
    households = [
      await linkedHousehold(t, admin, coop.id, { weight: 1, headName: '王秀英' }),
      await linkedHousehold(t, admin, coop.id, { weight: 2, headName: '李德明', status: 'MONITORED' }),
      await linkedHousehold(t, admin, coop.id, { weight: 3, headName: '张桂兰', townshipCode: ELSEWHERE }),
    ];
    const tea = await newProduct(t, coop, { priceFen: 10000, certifiedUntil: '2099-12-31' });
    order = (await paidOrder(t, await tokenFor(t, 'buyer'), [{ variantId: tea.variantId, quantity: 3 }])) as typeof order;
    today = await todayOf(t);
    month = today.slice(0, 7);
    await t.app.get(SettlementService).settleThrough(today);
  });
  afterAll(() => t.close());

  it('states what the marketplace owes the cooperative: goods and shipping, with the pool pledged beside it', async () => {
    const { body } = await as(coop.staff)
      .get(`/api/coop/statements?year=${today.slice(0, 4)}`)
      .expect(200);
    const thisMonth = body.months.find((m: { month: string }) => m.month === month);
    expect(thisMonth).toMatchObject({
      goodsFen: 30000,
      refundedGoodsFen: 0,
      shippingFen: order.shippingFen,
      platformFeeFen: 0,
      netPayableFen: 30000 + order.shippingFen,
      poolFen: 3000,
      settledFen: 0,
      owedFen: 30000 + order.shippingFen,
    });
    expect(body.totals).toMatchObject({ netPayableFen: 30000 + order.shippingFen, poolFen: 3000 });
    const onDemand = await as(coop.staff).get(`/api/coop/statement?from=${today}&to=${today}`).expect(200);
    expect(onDemand.body).toMatchObject({ goodsFen: 30000, netPayableFen: 30000 + order.shippingFen });
    expect((await as(coop.staff).get(`/api/coop/statement?from=${today}&to=2000-01-01`).expect(400)).body.code).toBe('VALIDATION_FAILED');
    // Another cooperative's staff see their own (empty) statement, never this one.
    const other = await newCooperative(t);
    const theirs = await as(other.staff).get(`/api/coop/statement?from=${today}&to=${today}`).expect(200);
    expect(theirs.body).toMatchObject({ goodsFen: 0, netPayableFen: 0 });
  });

  it('records transfers to the cooperative against statements, never beyond them; the cooperative confirms or disputes', async () => {
    const owed = 30000 + order.shippingFen;
    const over = await as(admin)
      .post('/api/admin/coop-payouts', {
        cooperativeId: coop.id,
        amountFen: owed + 1,
        paidOn: today,
        bankReference: 'ICBC-0001',
        statements: [{ month, amountFen: owed + 1 }],
      })
      .expect(422);
    expect(over.body.code).toBe('PAYOUT_EXCEEDS_STATEMENT');
    const mismatch = await as(admin)
      .post('/api/admin/coop-payouts', {
        cooperativeId: coop.id,
        amountFen: 100,
        paidOn: today,
        bankReference: 'X',
        statements: [{ month, amountFen: 99 }],
      })
      .expect(400);
    expect(mismatch.body.code).toBe('VALIDATION_FAILED');

    const { body: first } = await as(admin)
      .post('/api/admin/coop-payouts', {
        cooperativeId: coop.id,
        amountFen: 20000,
        paidOn: today,
        bankReference: 'ICBC-0001',
        statements: [{ month, amountFen: 20000 }],
      })
      .expect(201);
    expect(first).toMatchObject({ amountFen: 20000, status: 'AWAITING', statements: [{ month, amountFen: 20000 }] });
    const { body: second } = await as(admin)
      .post('/api/admin/coop-payouts', {
        cooperativeId: coop.id,
        amountFen: owed - 20000,
        paidOn: today,
        bankReference: 'ICBC-0002',
        statements: [{ month, amountFen: owed - 20000 }],
      })
      .expect(201);
    // Nothing is left open on the month.
    expect(
      (
        await as(admin)
          .post('/api/admin/coop-payouts', {
            cooperativeId: coop.id,
            amountFen: 1,
            paidOn: today,
            bankReference: 'X',
            statements: [{ month, amountFen: 1 }],
          })
          .expect(422)
      ).body.code,
    ).toBe('PAYOUT_EXCEEDS_STATEMENT');

    expect((await as(coop.staff).post(`/api/coop/payouts/${first.id}/confirm`).expect(200)).body.status).toBe('CONFIRMED');
    expect((await as(coop.staff).post(`/api/coop/payouts/${first.id}/dispute`, { reason: '重复' }).expect(409)).body.code).toBe(
      'PAYOUT_STATUS_CONFLICT',
    );
    const disputed = await as(coop.staff).post(`/api/coop/payouts/${second.id}/dispute`, { reason: '到账金额少 1 笔运费' }).expect(200);
    expect(disputed.body).toMatchObject({ status: 'DISPUTED', disputeReason: '到账金额少 1 笔运费' });
    // Another cooperative cannot see or answer it.
    const other = await newCooperative(t);
    expect((await as(other.staff).post(`/api/coop/payouts/${second.id}/confirm`).expect(404)).body.code).toBe('PAYOUT_NOT_FOUND');

    const { body: mine } = await as(coop.staff).get('/api/coop/payouts').expect(200);
    expect(mine.totals).toMatchObject({
      owedFen: owed,
      paidFen: owed,
      confirmedFen: 20000,
      disputedFen: owed - 20000,
      awaitingFen: 0,
      balanceFen: 0,
    });

    // A transfer recorded in error is reversed by a new row; the statement opens again by as much.
    const { body: reversal } = await as(admin).post(`/api/admin/coop-payouts/${second.id}/reverse`, { reason: '录入错误' }).expect(201);
    expect(reversal).toMatchObject({ amountFen: -(owed - 20000), reversesId: second.id, status: 'REVERSED' });
    expect((await as(admin).post(`/api/admin/coop-payouts/${second.id}/reverse`, { reason: '再来' }).expect(409)).body.code).toBe(
      'PAYOUT_STATUS_CONFLICT',
    );
    const statements = (await as(coop.staff).get(`/api/coop/statements`).expect(200)).body;
    expect(statements.months.find((m: { month: string }) => m.month === month)).toMatchObject({ settledFen: 20000, owedFen: owed - 20000 });

    const { body: balances } = await as(official)
      .get(`/api/impact/cooperative-balances?year=${today.slice(0, 4)}`)
      .expect(200);
    expect(balances.items.find((row: { cooperative: { id: string } }) => row.cooperative.id === coop.id)).toMatchObject({
      owedFen: owed,
      paidFen: 20000,
      confirmedFen: 20000,
      balanceFen: owed - 20000,
      poolFen: 3000,
    });
    const audit = await t.sql(`SELECT action FROM audit_log WHERE entity_type = 'coop_payout' ORDER BY id`);
    expect(audit.map((row) => row.action)).toEqual([
      'coop_payout.recorded',
      'coop_payout.recorded',
      'coop_payout.confirmed',
      'coop_payout.disputed',
      'coop_payout.reversed',
    ]);
  });

  it('pays households what they were allocated and no more, showing the cooperative only codes, masked names and villages', async () => {
    const { body: list } = await as(coop.staff).get('/api/coop/households').expect(200);
    expect(list.items).toEqual([
      expect.objectContaining({ code: households[0].code, maskedName: '王**', village: '桃营村', allocatedFen: 500, outstandingFen: 500 }),
      expect.objectContaining({ code: households[1].code, maskedName: '李**', allocatedFen: 1000 }),
      expect.objectContaining({ code: households[2].code, maskedName: '张**', allocatedFen: 1500 }),
    ]);
    expect(JSON.stringify(list)).not.toMatch(/王秀英|李德明|张桂兰/);
    const allocationsBefore = await t.sql(`SELECT * FROM household_allocation ORDER BY household_id`);

    const pay = (body: object) =>
      as(coop.staff).post('/api/coop/household-payouts', { period: month, method: 'BANK', reference: 'NX-1', paidOn: today, ...body });
    const over = await pay({ householdId: households[0].id, amountFen: 501 }).expect(422);
    expect(over.body.code).toBe('PAYOUT_EXCEEDS_ALLOCATION');
    expect(over.body.details[0].problems[0]).toContain('at most 500 fen');
    const { body: paid } = await pay({ householdId: households[0].id, amountFen: 300 }).expect(201);
    expect(paid).toMatchObject({
      amountFen: 300,
      household: { code: households[0].code, maskedName: '王**' },
      acknowledgement: null,
      overdue: false,
    });
    expect((await pay({ householdId: households[0].id, amountFen: 201 }).expect(422)).body.code).toBe('PAYOUT_EXCEEDS_ALLOCATION');
    await pay({ householdId: households[0].id, amountFen: 200 }).expect(201);

    const stranger = await linkedHousehold(t, admin, (await newCooperative(t)).id);
    expect((await pay({ householdId: stranger.id, amountFen: 1 }).expect(422)).body.code).toBe('HOUSEHOLD_NOT_LINKED');
    const cash = await pay({ householdId: households[1].id, amountFen: 400, method: 'CASH' }).expect(400);
    expect(cash.body.details).toEqual([expect.objectContaining({ field: 'receiptId' })]);
    const notAReceipt = await request(t.url)
      .post('/api/coop/payout-receipts')
      .set('Authorization', `Bearer ${coop.staff}`)
      .attach('file', Buffer.from('<html>not a photo</html>'), 'receipt.jpg')
      .expect(415);
    expect(notAReceipt.body.code).toBe('UNSUPPORTED_RECEIPT_FILE');
    const { body: receipt } = await request(t.url)
      .post('/api/coop/payout-receipts')
      .set('Authorization', `Bearer ${coop.staff}`)
      .attach('file', PNG_1X1, 'receipt.png')
      .expect(201);
    const { body: cashPaid } = await pay({
      householdId: households[1].id,
      amountFen: 400,
      method: 'CASH',
      receiptId: receipt.receiptId,
    }).expect(201);
    expect(cashPaid).toMatchObject({ method: 'CASH', hasReceipt: true });
    const file = await as(coop.staff).get(`/api/coop/household-payouts/${cashPaid.id}/receipt`).expect(200);
    expect(file.headers['content-type']).toBe('image/png');

    // A mistaken payout is reversed by a new row: the household's balance comes back, the row stays.
    const { body: reversal } = await as(coop.staff)
      .post(`/api/coop/household-payouts/${cashPaid.id}/reverse`, { reason: '录错金额' })
      .expect(201);
    expect(reversal).toMatchObject({ amountFen: -400, reversesId: cashPaid.id });
    await pay({ householdId: households[1].id, amountFen: 1000 }).expect(201);

    const after = (await as(coop.staff).get('/api/coop/households').expect(200)).body.items;
    expect(after.map((h: { paidFen: number; outstandingFen: number }) => [h.paidFen, h.outstandingFen])).toEqual([
      [500, 0],
      [1000, 0],
      [0, 1500],
    ]);
    // Payouts never change what was allocated, and their rows refuse any change.
    expect(await t.sql(`SELECT * FROM household_allocation ORDER BY household_id`)).toEqual(allocationsBefore);
    await expect(t.sql(`UPDATE household_payout SET amount_fen = 1`)).rejects.toThrow(/append-only/);
    await expect(t.sql(`DELETE FROM household_payout`)).rejects.toThrow(/append-only/);
  });

  it('imports a month of payouts from CSV: the valid rows go in together, each refused row says why', async () => {
    const csv = [
      'household_code,period,amount_yuan,method,reference,paid_on',
      `${households[2].code},${month},10.00,银行转账,NX-2001,${today}`,
      `${households[2].code},${month},5.01,BANK,NX-2002,${today}`,
      `NY-999999,${month},1.00,BANK,NX-2003,${today}`,
      `${households[2].code},${month},abc,BANK,NX-2004,${today}`,
    ].join('\n');
    const upload = (dryRun: boolean) =>
      request(t.url)
        .post(`/api/coop/household-payouts/import?dryRun=${dryRun}`)
        .set('Authorization', `Bearer ${coop.staff}`)
        .attach('file', Buffer.from(csv), 'payouts.csv')
        .expect(201);
    const dry = (await upload(true)).body;
    expect(dry).toMatchObject({ dryRun: true, imported: 1, importedFen: 1000 });
    expect((await as(coop.staff).get(`/api/coop/household-payouts?householdId=${households[2].id}`).expect(200)).body.items).toEqual([]);
    const { body: report } = await upload(false);
    expect(report).toMatchObject({ dryRun: false, imported: 1, importedFen: 1000 });
    expect(report.refused.map((row: { line: number; problems: { field: string }[] }) => [row.line, row.problems[0].field])).toEqual([
      [3, 'amount_yuan'],
      [4, 'household_code'],
      [5, 'amount_yuan'],
    ]);
    expect(report.refused[0].problems[0].problems[0]).toContain('at most 500 fen');
  });

  it('lets a township official see and acknowledge the payouts of its townships only', async () => {
    const township = await tokenFor(t, 'official', null, [HOME]);
    const me = (await as(township).get('/api/me').expect(200)).body;
    expect(me.townships).toEqual([HOME]);
    // The county's figures are not its to see.
    expect((await as(township).get('/api/impact/summary').expect(403)).body.code).toBe('OUTSIDE_YOUR_TOWNSHIPS');
    expect((await as(township).get('/api/impact/cooperative-balances').expect(403)).body.code).toBe('OUTSIDE_YOUR_TOWNSHIPS');
    expect((await as(township).get(`/api/impact/trail?townshipCode=${ELSEWHERE}`).expect(403)).body.code).toBe('OUTSIDE_YOUR_TOWNSHIPS');

    const { body: mine } = await as(township).get('/api/impact/household-payouts').expect(200);
    expect(new Set(mine.items.map((p: { household: { townshipCode: string } }) => p.household.townshipCode))).toEqual(new Set([HOME]));
    const { body: theirs } = await as(official).get(`/api/impact/household-payouts?townshipCode=${ELSEWHERE}`).expect(200);
    expect(theirs.items).toHaveLength(1);
    const elsewhere = theirs.items[0];
    expect(
      (await as(township).post(`/api/impact/household-payouts/${elsewhere.id}/acknowledge`, { visitedOn: today }).expect(404)).body.code,
    ).toBe('PAYOUT_NOT_FOUND');
    expect((await as(township).get(`/api/impact/households/${households[2].id}/statement`).expect(404)).body.code).toBe(
      'HOUSEHOLD_NOT_FOUND',
    );
    // A county official does not acknowledge: someone who visits does.
    expect(
      (await as(official).post(`/api/impact/household-payouts/${elsewhere.id}/acknowledge`, { visitedOn: today }).expect(403)).body.code,
    ).toBe('FORBIDDEN');

    const open = mine.items.filter((p: { reversesId: string | null; reversed: boolean }) => !p.reversesId && !p.reversed);
    const [first, second] = open;
    expect(
      (await as(township).post(`/api/impact/household-payouts/${first.id}/acknowledge`, { visitedOn: '2099-01-01' }).expect(400)).body.code,
    ).toBe('VALIDATION_FAILED');
    const { body: acknowledged } = await as(township)
      .post(`/api/impact/household-payouts/${first.id}/acknowledge`, { visitedOn: today, note: '入户核实，已到账' })
      .expect(201);
    expect(acknowledged.acknowledgement).toMatchObject({ visitedOn: today, note: '入户核实，已到账' });
    expect(
      (await as(township).post(`/api/impact/household-payouts/${first.id}/acknowledge`, { visitedOn: today }).expect(409)).body.code,
    ).toBe('PAYOUT_ALREADY_ACKNOWLEDGED');
    await as(township).post(`/api/impact/household-payouts/${second.id}/acknowledge`, { visitedOn: today }).expect(201);
    // Acknowledged, it can no longer be reversed.
    expect((await as(coop.staff).post(`/api/coop/household-payouts/${first.id}/reverse`, { reason: 'x' }).expect(409)).body.code).toBe(
      'PAYOUT_STATUS_CONFLICT',
    );

    const { body: trail } = await as(township)
      .get(`/api/impact/trail?year=${today.slice(0, 4)}`)
      .expect(200);
    expect(trail).toMatchObject({
      pledgedFen: 1500,
      paidToHouseholdsFen: 1500,
      acknowledgedFen: first.amountFen + second.amountFen,
      outstandingFen: 0,
    });
    expect(trail.byTownship.map((row: { code: string }) => row.code)).toEqual([HOME]);

    const { body: statement } = await as(township).get(`/api/impact/households/${households[0].id}/statement`).expect(200);
    expect(statement).toMatchObject({
      household: { code: households[0].code, townshipCode: HOME },
      allocations: [{ month, mechanism: 'EQUITY_DIVIDEND', amountFen: 500 }],
      balance: { allocatedFen: 500, paidFen: 500, outstandingFen: 0 },
    });
    expect(JSON.stringify(statement)).not.toContain('王秀英');
    expect((await as(official).get(`/api/impact/households/${households[0].id}/statement`).expect(403)).body.code).toBe('FORBIDDEN');
    await as(admin).get(`/api/impact/households/${households[2].id}/statement`).expect(200);
    const reads = await t.sql(`SELECT entity_id FROM audit_log WHERE action = 'household.statement_read' ORDER BY id`);
    expect(reads.map((row) => row.entity_id)).toEqual([households[0].id, households[2].id]);
  });

  it('shows officials the whole trail, to the fen, and the CSV says the same', async () => {
    const { body: trail } = await as(official)
      .get(`/api/impact/trail?year=${today.slice(0, 4)}`)
      .expect(200);
    expect(trail).toMatchObject({
      pledgedFen: 3000,
      paidToCooperativesFen: 20000,
      paidToHouseholdsFen: 2500,
      outstandingFen: 500,
      ageing: { upTo30DaysFen: 500, from31To60DaysFen: 0, over60DaysFen: 0 },
    });
    expect(trail.byHouseholdStatus).toEqual([
      expect.objectContaining({ status: 'LIFTED', pledgedFen: 2000, paidToHouseholdsFen: 1500 }),
      expect.objectContaining({ status: 'MONITORED', pledgedFen: 1000, paidToHouseholdsFen: 1000 }),
    ]);
    expect(trail.peopleByExitYear).toEqual([
      { exitYear: 2019, households: 2, people: 8 },
      { exitYear: null, households: 1, people: 4 },
    ]);
    const csv = (
      await as(official)
        .get(`/api/impact/trail.csv?year=${today.slice(0, 4)}&by=township`)
        .expect(200)
    ).text;
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines.at(-1)).toBe('total,合计,30.00,25.00,' + (trail.acknowledgedFen / 100).toFixed(2) + ',5.00');
    expect(lines).toHaveLength(1 + trail.byTownship.length + 1);
  });

  it('digests payouts and acknowledgements daily, and verifying catches a payout changed behind the trigger’s back', async () => {
    await t.app.get(LedgerDigestService).digestThrough(today);
    const verify = async () => (await as(official).get(`/api/impact/verify?from=${today}&to=${today}`).expect(200)).body;
    expect((await verify()).trailMismatches).toEqual([]);
    const [{ count }] = await t.sql(`SELECT count(*)::int AS count FROM trail_digest WHERE day = $1`, [today]);
    expect(count).toBe(4);

    await t.sql(`ALTER TABLE household_payout DISABLE TRIGGER household_payout_no_update_or_delete`);
    await t.sql(
      `UPDATE household_payout SET amount_fen = amount_fen + 100 WHERE id = (SELECT id FROM household_payout WHERE amount_fen > 0 LIMIT 1)`,
    );
    await t.sql(`ALTER TABLE household_payout ENABLE TRIGGER household_payout_no_update_or_delete`);
    const tampered = await verify();
    expect(tampered.trailMismatches).toEqual([expect.objectContaining({ stream: 'household_payout', day: today })]);
    expect(tampered.mismatches).toEqual([]);
  });
});
