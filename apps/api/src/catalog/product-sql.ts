/**
 * What "certified", "in season" and "can be bought" mean, written once in SQL over a product `p`
 * and its cooperative `c`: the catalog, the portals, the cart and the checkout all read them from here.
 */

/** A certificate counts until the end of its last valid day. */
export const IS_CERTIFIED = `(p.certification_no IS NOT NULL AND p.certified_until >= qh_today())`;

/** A seasonal product whose sale window is open now. */
export const IS_IN_SEASON = `(p.sale_starts_at IS NOT NULL AND p.sale_starts_at <= qh_now() AND (p.sale_ends_at IS NULL OR qh_now() < p.sale_ends_at))`;

/** In season, and taking orders that ship on a later day. */
export const IS_PRESALE = `(${IS_IN_SEASON} AND p.presale_ships_on IS NOT NULL AND p.presale_ships_on > qh_today())`;

/** Published, by a verified cooperative, and not outside its sale window (products without one are always on sale). */
export const IS_BUYABLE = `(p.status = 'PUBLISHED' AND c.status = 'VERIFIED'
  AND (p.sale_starts_at IS NULL OR p.sale_starts_at <= qh_now()) AND (p.sale_ends_at IS NULL OR qh_now() < p.sale_ends_at))`;
