import { GUANGZHOU_DISTRICTS, NAYONG_TOWNSHIPS } from '@qh/domain';
import type { EntityManager } from 'typeorm';

/**
 * Districts without cold-chain delivery by default. Which districts a carrier covers changes, so this
 * is only the initial value; admins change `delivery_district.cold_chain`.
 */
const NO_COLD_CHAIN_DISTRICTS = new Set(['440117']);

/** Nayong's townships and Guangzhou's districts; idempotent, keeps what admins changed since. */
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
}
