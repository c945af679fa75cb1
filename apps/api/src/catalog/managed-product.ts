import { isCooperativeCreditCode } from '@qh/domain';
import type { AdminCooperativeRow } from './cooperatives.repository';
import type { ManagedCooperativeDto } from './dto/admin-catalog.dto';
import type { CertificationDto } from './dto/catalog.dto';
import type { ManagedProductDto } from './dto/managed-product.dto';
import type { ManagedProductRow } from './products.repository';

/** The certificate of a product row, or null when it never had one; `valid` turns false once it expires. */
export function toCertification(row: {
  certification_no: string | null;
  certification_issuer: string | null;
  certification_batch: string | null;
  certified_until: string | null;
  certified: boolean;
}): CertificationDto | null {
  if (!row.certification_no || !row.certified_until) return null;
  return {
    number: row.certification_no,
    issuer: row.certification_issuer ?? '',
    batch: row.certification_batch,
    validUntil: row.certified_until,
    valid: row.certified,
  };
}

export function toManagedProduct(row: ManagedProductRow): ManagedProductDto {
  return {
    id: row.id,
    slug: row.slug,
    status: row.status,
    rejectReason: row.reject_reason,
    cooperative: { id: row.cooperative_id, name: row.cooperative_name, nameEn: row.cooperative_name_en },
    category: row.category,
    titleZh: row.title_zh,
    titleEn: row.title_en,
    descriptionZh: row.description_zh,
    descriptionEn: row.description_en,
    originTownshipCode: row.origin_township_code,
    shippingClass: row.shipping_class,
    shelfLifeDays: row.shelf_life_days,
    saleStartsAt: row.sale_starts_at?.toISOString() ?? null,
    saleEndsAt: row.sale_ends_at?.toISOString() ?? null,
    presaleShipsOn: row.presale_ships_on,
    images: row.images,
    certification: toCertification(row),
    variants: row.variants.map((v) => ({
      id: v.id,
      sku: v.sku,
      labelZh: v.label_zh,
      labelEn: v.label_en,
      priceFen: v.price_fen,
      weightG: v.weight_g,
      stock: v.stock,
    })),
    submittedAt: row.submitted_at?.toISOString() ?? null,
    publishedAt: row.published_at?.toISOString() ?? null,
    updatedAt: row.updated_at.toISOString(),
  };
}

export function toManagedCooperative(row: AdminCooperativeRow): ManagedCooperativeDto {
  return {
    id: row.id,
    nameZh: row.name_zh,
    nameEn: row.name_en,
    creditCode: row.credit_code,
    creditCodeValid: isCooperativeCreditCode(row.credit_code),
    township: { code: row.township_code, name: row.township_name, nameEn: row.township_name_en },
    status: row.status,
    suspendedReason: row.suspended_reason,
    verifiedAt: row.verified_at?.toISOString() ?? null,
    productCount: row.product_count,
    publishedCount: row.published_count,
    createdAt: row.created_at.toISOString(),
  };
}
