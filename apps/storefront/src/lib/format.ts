import { formatFen } from '@qh/domain';

/**
 * The one place the storefront turns fen into a displayed price (`¥1,234.50`).
 * Components never divide by 100 themselves.
 */
export function formatPrice(fen: number | bigint): string {
  return formatFen(fen);
}

/** A price range such as `¥25.00–¥88.00`, collapsing to one price when both ends agree. */
export function formatPriceRange(minFen: number | bigint, maxFen: number | bigint): string {
  return BigInt(minFen) === BigInt(maxFen) ? formatPrice(minFen) : `${formatPrice(minFen)}–${formatPrice(maxFen)}`;
}
