import { isCooperativeCreditCode } from '@qh/domain';
import type { AdminCooperativeRow } from './cooperatives.repository';
import type { ManagedCooperativeDto } from './dto/admin-catalog.dto';
import type { CertificationDto } from './dto/catalog.dto';
import type { ManagedProductDto } from './dto/managed-product.dto';
import type { ManagedProductRow } from './products.repository';

/** The certificate of a product row, or null when it never had one; `valid` turns false once it expires. */
export function toCertification(row: {
  certificationNo: string | null;
  certificationIssuer: string | null;
  certificationBatch: string | null;
  certifiedUntil: string | null;
  certified: boolean;
}): CertificationDto | null {
  if (!row.certificationNo || !row.certifiedUntil) return null;
  return {
    number: row.certificationNo,
    issuer: row.certificationIssuer ?? '',
    batch: row.certificationBatch,
    validUntil: row.certifiedUntil,
    valid: row.certified,
  };
}

export function toManagedProduct(row: ManagedProductRow): ManagedProductDto {
  return {
    id: row.id,
    slug: row.slug,
    status: row.status,
    rejectReason: row.rejectReason,
    cooperative: { id: row.cooperativeId, name: row.cooperativeName, nameEn: row.cooperativeNameEn },
    category: row.category,
    titleZh: row.titleZh,
    titleEn: row.titleEn,
    descriptionZh: row.descriptionZh,
    descriptionEn: row.descriptionEn,
    originTownshipCode: row.originTownshipCode,
    shippingClass: row.shippingClass,
    shelfLifeDays: row.shelfLifeDays,
    saleStartsAt: row.saleStartsAt?.toISOString() ?? null,
    saleEndsAt: row.saleEndsAt?.toISOString() ?? null,
    presaleShipsOn: row.presaleShipsOn,
    images: row.images,
    certification: toCertification(row),
    variants: row.variants.map((v) => ({
      id: v.id,
      sku: v.sku,
      labelZh: v.labelZh,
      labelEn: v.labelEn,
      priceFen: v.priceFen,
      weightG: v.weightG,
      stock: v.stock,
      priceBreaks: v.priceBreaks,
    })),
    submittedAt: row.submittedAt?.toISOString() ?? null,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toManagedCooperative(row: AdminCooperativeRow): ManagedCooperativeDto {
  return {
    id: row.id,
    nameZh: row.nameZh,
    nameEn: row.nameEn,
    creditCode: row.creditCode,
    creditCodeValid: isCooperativeCreditCode(row.creditCode),
    township: { code: row.townshipCode, name: row.townshipName, nameEn: row.townshipNameEn },
    status: row.status,
    suspendedReason: row.suspendedReason,
    verifiedAt: row.verifiedAt?.toISOString() ?? null,
    productCount: row.productCount,
    publishedCount: row.publishedCount,
    leadDays: row.leadDays,
    platformFeeBp: row.platformFeeBp,
    createdAt: row.createdAt.toISOString(),
  };
}
