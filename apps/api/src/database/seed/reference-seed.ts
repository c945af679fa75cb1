import { GUANGZHOU_DISTRICTS, NAYONG_TOWNSHIPS } from '@qh/domain';
import type { EntityManager } from 'typeorm';

/**
 * Districts without cold-chain delivery by default. Which districts a carrier covers changes, so this
 * is only the initial value; admins change `delivery_district.cold_chain`.
 */
const NO_COLD_CHAIN_DISTRICTS = new Set(['440117']);

/**
 * Starting shipping rates per class (fen, grams). Cold-chain parcels cost more; orders from one
 * cooperative of ¥99 or more ship free at ambient temperature, ¥199 chilled or frozen.
 */
const SHIPPING_RATES = [
  { shippingClass: 'AMBIENT', baseFen: 1000, baseWeightG: 1000, perExtraKgFen: 300, freeOverFen: 9900 },
  { shippingClass: 'CHILLED', baseFen: 2200, baseWeightG: 1000, perExtraKgFen: 800, freeOverFen: 19900 },
  { shippingClass: 'FROZEN', baseFen: 2600, baseWeightG: 1000, perExtraKgFen: 900, freeOverFen: 19900 },
];

/** Nayong's townships, Guangzhou's districts and shipping rates; idempotent, keeps what admins changed since. */
export async function seedReferenceData(manager: EntityManager): Promise<void> {
  await manager.query(
    `INSERT INTO township (code, name, name_en, kind)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])
     ON CONFLICT (code) DO NOTHING`,
    [
      NAYONG_TOWNSHIPS.map((t) => t.code),
      NAYONG_TOWNSHIPS.map((t) => t.name),
      NAYONG_TOWNSHIPS.map((t) => t.nameEn),
      NAYONG_TOWNSHIPS.map((t) => t.kind),
    ],
  );
  await manager.query(
    `INSERT INTO delivery_district (code, name, name_en, cold_chain)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::boolean[])
     ON CONFLICT (code) DO NOTHING`,
    [
      GUANGZHOU_DISTRICTS.map((d) => d.code),
      GUANGZHOU_DISTRICTS.map((d) => d.name),
      GUANGZHOU_DISTRICTS.map((d) => d.nameEn),
      GUANGZHOU_DISTRICTS.map((d) => !NO_COLD_CHAIN_DISTRICTS.has(d.code)),
    ],
  );
  await manager.query(
    `INSERT INTO shipping_rate (shipping_class, base_fen, base_weight_g, per_extra_kg_fen, free_over_fen)
     SELECT * FROM unnest($1::text[], $2::int[], $3::int[], $4::int[], $5::int[])
     ON CONFLICT (shipping_class) DO NOTHING`,
    [
      SHIPPING_RATES.map((r) => r.shippingClass),
      SHIPPING_RATES.map((r) => r.baseFen),
      SHIPPING_RATES.map((r) => r.baseWeightG),
      SHIPPING_RATES.map((r) => r.perExtraKgFen),
      SHIPPING_RATES.map((r) => r.freeOverFen),
    ],
  );
}
