/**
 * What "certified", "in season" and "can be bought" mean, written once in SQL over a product `p`
 * and its cooperative `c`: the catalog, the portals, the cart and the checkout all read them from here.
 */

/** A certificate counts until the end of its last valid day. */
export const IS_CERTIFIED = `(p.certification_no IS NOT NULL AND p.certified_until >= current_date)`;

/** A seasonal product whose sale window is open now. */
export const IS_IN_SEASON = `(p.sale_starts_at IS NOT NULL AND p.sale_starts_at <= now() AND (p.sale_ends_at IS NULL OR now() < p.sale_ends_at))`;

/** Published, by a verified cooperative, and not outside its sale window (products without one are always on sale). */
export const IS_BUYABLE = `(p.status = 'PUBLISHED' AND c.status = 'VERIFIED'
  AND (p.sale_starts_at IS NULL OR p.sale_starts_at <= now()) AND (p.sale_ends_at IS NULL OR now() < p.sale_ends_at))`;
