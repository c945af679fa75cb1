/**
 * What "certified", "in season" and "can be bought" mean, written once in SQL over a product `p`
 * and its cooperative `c`: the catalog, the portals, the cart and the checkout all read them from here.
 */

/** A certificate counts until the end of its last valid day. */
export const IS_CERTIFIED = `(p.certification_no IS NOT NULL AND p.certified_until >= qh_today())`;

/**
 * On sale now: inside its sale window, or sold all year (no window). Tea, eggs and pork are in season
 * in December; cherries only from their window's first day.
 */
export const IS_IN_SEASON = `((p.sale_starts_at IS NULL OR p.sale_starts_at <= qh_now()) AND (p.sale_ends_at IS NULL OR qh_now() < p.sale_ends_at))`;

/** In season, and taking orders that ship on a later day. */
export const IS_PRESALE = `(${IS_IN_SEASON} AND p.presale_ships_on IS NOT NULL AND p.presale_ships_on > qh_today())`;

/** The quantity price breaks of a variant `variant` (its table alias), cheapest last, as a JSON array of {minQuantity, priceFen}. */
export const priceBreaksOf = (variant: string) =>
  `coalesce((SELECT json_agg(json_build_object('minQuantity', b.min_quantity, 'priceFen', b.price_fen) ORDER BY b.min_quantity)
               FROM price_break b WHERE b.variant_id = ${variant}.id), '[]')`;

/** Published, by a verified cooperative, and in season. */
export const IS_BUYABLE = `(p.status = 'PUBLISHED' AND c.status = 'VERIFIED' AND ${IS_IN_SEASON})`;
