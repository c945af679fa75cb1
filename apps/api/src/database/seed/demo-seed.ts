import {
  addDays,
  bestBeforeOf,
  chinaDay,
  LINK_MECHANISMS,
  lotCodeOf,
  makeCreditCode,
  makeResidentId,
  maskResidentId,
  needsQuarantine,
} from '@qh/domain';
import type { EntityManager } from 'typeorm';
import { randomBytes } from 'node:crypto';
import { hashPassword, verifyPassword } from '../../auth/password';
import { pinyinOf } from '../../catalog/pinyin';
import { HouseholdCrypto } from '../../households/household-crypto';
import { seedDemoOrganisations } from './demo-organisations';
import { DEMO_APPLICANTS, DEMO_COOPERATIVES, DEMO_PRODUCTS, GIVEN_NAMES, SURNAMES, VILLAGE_NAMES, DemoProduct } from './demo-catalog';

/** Published in the README: for development and tests only. A production demo gets a generated one. */
export const DEMO_PASSWORD = 'demo-pass-2026';
export const DEMO_ACCOUNTS = [
  { email: 'buyer@demo.cn', role: 'buyer', displayName: '天河买家' },
  { email: 'coop@demo.cn', role: 'cooperative', displayName: '合作社出纳' },
  { email: 'official@demo.cn', role: 'official', displayName: '东西部协作办' },
  // Sees and acknowledges the payouts to the households of one township: that of the egg cooperative (eggs@demo.cn's),
  // which sells all year, so that its households always have this month's allocations still to be paid.
  { email: 'township@demo.cn', role: 'official', displayName: '张家湾镇帮扶干部', townshipOfCooperative: 'zhangjiawan-egg' },
  { email: 'admin@demo.cn', role: 'admin', displayName: '平台管理员' },
  // Members of the demo organisations (demo-organisations.ts).
  { email: 'canteen@demo.cn', role: 'buyer', displayName: '机关饭堂采购员' },
  { email: 'approver@demo.cn', role: 'buyer', displayName: '机关饭堂审批人' },
  { email: 'finance@demo.cn', role: 'buyer', displayName: '机关饭堂财务' },
  { email: 'school@demo.cn', role: 'buyer', displayName: '小学食堂管理员' },
  { email: 'union@demo.cn', role: 'buyer', displayName: '工会干事' },
  // Staff of the cooperatives the canteens buy eggs and noodles from, who ship their parts.
  { email: 'eggs@demo.cn', role: 'cooperative', displayName: '张家湾蛋鸡合作社发货员', cooperativeKey: 'zhangjiawan-egg' },
  { email: 'noodles@demo.cn', role: 'cooperative', displayName: '百兴面条合作社发货员', cooperativeKey: 'baixing-noodle' },
] as const satisfies readonly {
  email: string;
  role: string;
  displayName: string;
  cooperativeKey?: string;
  townshipOfCooperative?: string;
}[];
const HOUSEHOLD_COUNT = 240;

/** Deterministic, so every fresh demo database looks the same. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function saleWindow(product: DemoProduct, now: Date): { startsAt: Date | null; endsAt: Date | null; shipsOn: string | null } {
  if (!product.season) return { startsAt: null, endsAt: null, shipsOn: null };
  const { startMonth, endMonth, presaleShipsOnMonthDay } = product.season;
  // The coming season: this year's if it has not ended yet, else next year's.
  let year = now.getUTCFullYear();
  if (Date.UTC(year, endMonth, 1) <= now.getTime()) year += 1;
  // Pre-sale opens two months before the harvest.
  const startsAt = new Date(Date.UTC(year, startMonth - 3, 1));
  const endsAt = new Date(Date.UTC(year, endMonth, 1));
  return { startsAt, endsAt, shipsOn: presaleShipsOnMonthDay ? `${year}-${presaleShipsOnMonthDay}` : null };
}

/**
 * Seeds the demo cooperatives, products, households and accounts in the caller's transaction.
 * Returns what it wrote, or null when the demo data is already there (a second start adds nothing).
 */
export async function seedDemoData(
  manager: EntityManager,
  householdDataKey: Buffer,
  now: Date,
  password: string,
): Promise<Record<string, number> | null> {
  const existing = await manager.query(`SELECT 1 FROM account WHERE lower(email) = 'admin@demo.cn'`);
  if (existing.length) return null;
  const random = prng(20160909);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];

  const coopIds = new Map<string, string>();
  for (const coop of DEMO_COOPERATIVES) {
    const [row] = await manager.query(
      `INSERT INTO cooperative (name_zh, name_en, credit_code, township_code, status, default_benefit_rate_bp, description_zh, description_en, verified_at)
       VALUES ($1, $2, $3, $4, 'VERIFIED', $5, $6, $7, qh_now()) RETURNING id`,
      [
        coop.nameZh,
        coop.nameEn,
        makeCreditCode(`93520525${coop.creditOrg9}`),
        coop.townshipCode,
        coop.defaultBenefitRateBp,
        coop.descriptionZh,
        coop.descriptionEn,
      ],
    );
    coopIds.set(coop.key, row.id);
  }
  for (const applicant of DEMO_APPLICANTS) {
    const code = makeCreditCode(`93520525${applicant.creditOrg9}`);
    await manager.query(
      `INSERT INTO cooperative (name_zh, name_en, credit_code, township_code, default_benefit_rate_bp, description_zh, description_en)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        applicant.nameZh,
        applicant.nameEn,
        applicant.typoInCheckChar ? code.slice(0, 17) + (code[17] === '0' ? '1' : '0') : code,
        applicant.townshipCode,
        applicant.defaultBenefitRateBp,
        applicant.descriptionZh,
        applicant.descriptionEn,
      ],
    );
  }

  let variantCount = 0;
  let lotCount = 0;
  // Lot codes from a stream of their own, so that the households drawn below stay as they were.
  const lotRandom = prng(20261204);
  for (const product of DEMO_PRODUCTS) {
    const coop = DEMO_COOPERATIVES.find((c) => c.key === product.cooperativeKey)!;
    const { full, initials } = pinyinOf(product.titleZh);
    const window = saleWindow(product, now);
    const [row] = await manager.query(
      `INSERT INTO product (cooperative_id, category, slug, title_zh, title_en, description_zh, description_en, pinyin, pinyin_initials,
         origin_township_code, certification_no, certification_issuer, certification_batch, certified_until, benefit_rate_bp,
         shipping_class, shelf_life_days, sale_starts_at, sale_ends_at, presale_ships_on, images, status, published_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,'PUBLISHED', qh_now()) RETURNING id`,
      [
        coopIds.get(product.cooperativeKey),
        product.category,
        product.slug,
        product.titleZh,
        product.titleEn,
        product.descriptionZh,
        product.descriptionEn,
        full,
        initials,
        coop.townshipCode,
        product.certified ? `纳消帮认〔2025〕${String(variantCount + 101).padStart(4, '0')}号` : null,
        product.certified ? '纳雍县乡村振兴局' : null,
        product.certified ? '2025年第二批' : null,
        product.certified ? '2027-06-30' : null,
        product.benefitRateBp ?? null,
        product.shippingClass,
        product.shelfLifeDays,
        window.startsAt,
        window.endsAt,
        window.shipsOn,
        // An illustration per category, shipped with the storefront (apps/storefront/public/demo): demo
        // products have no photos of their own, and a shop without pictures looks broken.
        JSON.stringify([`/demo/${product.category.toLowerCase()}.svg`]),
      ],
    );
    for (const [index, variant] of product.variants.entries()) {
      const [v] = await manager.query(
        `INSERT INTO product_variant (product_id, sku, label_zh, label_en, price_fen, weight_g, stock, sort_order)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8) RETURNING id`,
        [
          row.id,
          `${product.slug}-${index + 1}`.toUpperCase(),
          variant.labelZh,
          variant.labelEn,
          variant.priceFen,
          variant.weightG,
          variant.stock,
          index,
        ],
      );
      if (variant.stock > 0) {
        await manager.query(
          `INSERT INTO inventory_movement (variant_id, delta, stock_after, reason) VALUES ($1, $2, $2, 'INITIAL_STOCK')`,
          [v.id, variant.stock],
        );
      }
      for (const step of variant.priceBreaks ?? []) {
        await manager.query(`INSERT INTO price_break (variant_id, min_quantity, price_fen) VALUES ($1, $2, $3)`, [
          v.id,
          step.minQuantity,
          step.priceFen,
        ]);
      }
      variantCount += 1;
    }
    // Goods on sale now (not a pre-sale) have a lot from yesterday's harvest or slaughter, with its papers, to ship from.
    if (!window.shipsOn && (!window.startsAt || window.startsAt <= now) && (!window.endsAt || now < window.endsAt)) {
      const producedOn = addDays(chinaDay(now), -1);
      await manager.query(
        `INSERT INTO lot (code, cooperative_id, product_id, village, produced_on, best_before, quantity, certificate_no, quarantine_no)
         VALUES ($1, $2, $3, $4, $5, $6, 500, $7, $8)`,
        [
          lotCodeOf(Uint8Array.from({ length: 8 }, () => Math.floor(lotRandom() * 256))),
          coopIds.get(product.cooperativeKey),
          row.id,
          (VILLAGE_NAMES[coop.townshipCode] ?? ['新寨村'])[lotCount % (VILLAGE_NAMES[coop.townshipCode]?.length ?? 1)],
          producedOn,
          bestBeforeOf(producedOn, product.shelfLifeDays),
          `HGZ-520525-${String(lotCount + 1).padStart(5, '0')}`,
          needsQuarantine(product.category) ? `52052520${String(lotCount + 1).padStart(11, '0')}` : null,
        ],
      );
      lotCount += 1;
    }
  }

  const crypto = new HouseholdCrypto(householdDataKey);
  const coopTownships = DEMO_COOPERATIVES.map((c) => c.townshipCode);
  const households: unknown[][] = [];
  for (let i = 0; i < HOUSEHOLD_COUNT; i++) {
    const townshipCode = coopTownships[i % coopTownships.length];
    const birth = `${1950 + Math.floor(random() * 50)}${String(1 + Math.floor(random() * 12)).padStart(2, '0')}${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
    const idNumber = makeResidentId('520525', birth, String(i % 1000).padStart(3, '0'));
    const lifted = random() < 0.85;
    const registeredYear = 2014 + Math.floor(random() * 3);
    households.push([
      `NY-${String(i + 1).padStart(6, '0')}`,
      townshipCode,
      pick(VILLAGE_NAMES[townshipCode] ?? ['新寨村']),
      1 + Math.floor(random() * 7),
      registeredYear,
      lifted ? 2017 + Math.floor(random() * 4) : null,
      lifted ? 'LIFTED' : 'MONITORED',
      crypto.encrypt(pick(SURNAMES) + pick(GIVEN_NAMES)),
      crypto.encrypt(idNumber),
      crypto.idHmac(idNumber),
      maskResidentId(idNumber),
    ]);
  }
  const householdIds: { id: string; township_code: string }[] = [];
  for (const h of households) {
    const [row] = await manager.query(
      `INSERT INTO household (code, township_code, village, members, registered_year, exit_year, status, head_name_enc, id_number_enc, id_hmac, id_masked)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11) RETURNING id, township_code`,
      h,
    );
    householdIds.push(row);
  }

  // Each household is linked to its township's cooperative, some also to a second one; the
  // mechanisms rotate so that all four appear.
  let linkCount = 0;
  for (const [i, household] of householdIds.entries()) {
    const home = DEMO_COOPERATIVES.find((c) => c.townshipCode === household.township_code)!;
    const links = [home.key];
    if (i % 3 === 0) links.push(DEMO_COOPERATIVES[(DEMO_COOPERATIVES.indexOf(home) + 1) % DEMO_COOPERATIVES.length].key);
    for (const [j, key] of links.entries()) {
      await manager.query(
        `INSERT INTO household_link (household_id, cooperative_id, mechanism, weight, valid_from) VALUES ($1, $2, $3, $4, $5)`,
        [
          household.id,
          coopIds.get(key),
          LINK_MECHANISMS[(i + j) % LINK_MECHANISMS.length],
          1 + Math.floor(random() * 10),
          `${2017 + (i % 4)}-01-01`,
        ],
      );
      linkCount += 1;
    }
  }
  // Codes admins create next continue after the demo's.
  await manager.query(`SELECT setval('household_code_seq', $1::bigint + 1, false)`, [households.length]);

  for (const account of DEMO_ACCOUNTS) {
    await manager.query(
      `INSERT INTO account (email, password_hash, role, cooperative_id, display_name, townships) VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        account.email,
        await hashPassword(password),
        account.role,
        account.role === 'cooperative'
          ? coopIds.get('cooperativeKey' in account ? account.cooperativeKey : DEMO_COOPERATIVES[0].key)
          : null,
        account.displayName,
        'townshipOfCooperative' in account ? [DEMO_COOPERATIVES.find((c) => c.key === account.townshipOfCooperative)!.townshipCode] : null,
      ],
    );
  }
  const organisations = await seedDemoOrganisations(manager);
  return {
    cooperatives: coopIds.size,
    products: DEMO_PRODUCTS.length,
    variants: variantCount,
    households: householdIds.length,
    links: linkCount,
    accounts: DEMO_ACCOUNTS.length,
    organisations,
    lots: lotCount,
  };
}

/** A password for the demo accounts of a production demo: shown once at start, known to nobody else. */
export function generateDemoPassword(): string {
  return randomBytes(12).toString('base64url');
}

/**
 * The demo accounts that still sign in with the published password (a database first started in
 * development, then in production): each gets `password` instead, or is disabled when none is given,
 * and its sessions end. Returns the emails it changed.
 */
export async function retireDemoPassword(manager: EntityManager, password: string | null): Promise<string[]> {
  const accounts: { id: string; email: string; password_hash: string }[] = await manager.query(
    `SELECT id, email, password_hash FROM account WHERE lower(email) = ANY($1) AND disabled_at IS NULL`,
    [DEMO_ACCOUNTS.map((a) => a.email)],
  );
  const changed: string[] = [];
  for (const account of accounts) {
    if (!(await verifyPassword(account.password_hash, DEMO_PASSWORD))) continue;
    if (password) {
      await manager.query(`UPDATE account SET password_hash = $2 WHERE id = $1`, [account.id, await hashPassword(password)]);
    } else {
      await manager.query(`UPDATE account SET disabled_at = qh_now() WHERE id = $1`, [account.id]);
    }
    await manager.query(`UPDATE refresh_token SET revoked_at = qh_now() WHERE account_id = $1 AND revoked_at IS NULL`, [account.id]);
    changed.push(account.email);
  }
  return changed;
}
