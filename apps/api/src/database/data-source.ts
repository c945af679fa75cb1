import { Client, type ClientConfig } from 'pg';
import { DataSource, DataSourceOptions } from 'typeorm';
import { Clock } from '../config/clock';
import { PG_TYPES } from './sql';
import { Account } from '../auth/account.entity';
import { RefreshToken } from '../auth/refresh-token.entity';
import { AuditLog } from '../audit/audit-log.entity';
import { Core1764403200000 } from './migrations/1764403200000-core';
import { CatalogSearch1764489600000 } from './migrations/1764489600000-catalog-search';
import { CatalogAdmin1764576000000 } from './migrations/1764576000000-catalog-admin';
import { Orders1764662400000 } from './migrations/1764662400000-orders';
import { Payments1764748800000 } from './migrations/1764748800000-payments';
import { Ledger1764835200000 } from './migrations/1764835200000-ledger';
import { LedgerDigest1764921600000 } from './migrations/1764921600000-ledger-digest';
import { Households1765008000000 } from './migrations/1765008000000-households';
import { Settlement1765094400000 } from './migrations/1765094400000-settlement';
import { ImpactOrders1765180800000 } from './migrations/1765180800000-impact-orders';
import { ImpactRollups1765267200000 } from './migrations/1765267200000-impact-rollups';
import { LedgerVerification1765353600000 } from './migrations/1765353600000-ledger-verification';
import { ImpactBuyerMonths1765440000000 } from './migrations/1765440000000-impact-buyer-months';
import { Clock1765526400000 } from './migrations/1765526400000-clock';
import { AbuseLimits1765612800000 } from './migrations/1765612800000-abuse-limits';
import { PublishedCategoryIndex1765699200000 } from './migrations/1765699200000-published-category-index';
import { RefundsKeepOrderStatus1765785600000 } from './migrations/1765785600000-refunds-keep-order-status';
import { ArrivalReminders1765872000000 } from './migrations/1765872000000-arrival-reminders';
import { BuyerAddresses1765958400000 } from './migrations/1765958400000-buyer-addresses';
import { PasswordResets1766044800000 } from './migrations/1766044800000-password-resets';
import { OrderSearch1766131200000 } from './migrations/1766131200000-order-search';
import { Organisations1766217600000 } from './migrations/1766217600000-organisations';
import { BulkPricing1766304000000 } from './migrations/1766304000000-bulk-pricing';
import { OrganisationOrders1766390400000 } from './migrations/1766390400000-organisation-orders';
import { Acceptance1766476800000 } from './migrations/1766476800000-acceptance';
import { PaymentOnAccount1766563200000 } from './migrations/1766563200000-payment-on-account';
import { ShortfallPhotos1766649600000 } from './migrations/1766649600000-shortfall-photos';
import { ReservedSharePlans1766736000000 } from './migrations/1766736000000-reserved-share-plans';
import { BuyerRollups1766822400000 } from './migrations/1766822400000-buyer-rollups';
import { InvoiceProfiles1766908800000 } from './migrations/1766908800000-invoice-profiles';
import { InvoiceRequests1766995200000 } from './migrations/1766995200000-invoice-requests';
import { MoneyTrail1767081600000 } from './migrations/1767081600000-money-trail';
import { LotsAndClaims1767168000000 } from './migrations/1767168000000-lots-and-claims';
import { CatalogSearchLength1767340800000 } from './migrations/1767340800000-catalog-search-length';
import { DropImpactOrderKey1767427200000 } from './migrations/1767427200000-drop-impact-order-key';
import { StockShortage1767513600000 } from './migrations/1767513600000-stock-shortage';
import { CatalogSearchRanking1767600000000 } from './migrations/1767600000000-catalog-search-ranking';
import { ImpactCountedLater1767686400000 } from './migrations/1767686400000-impact-counted-later';
import { ImpactSumsLater1767772800000 } from './migrations/1767772800000-impact-sums-later';

export const ENTITIES = [Account, RefreshToken, AuditLog];
/** Listed explicitly (not globbed) so the same list works compiled, under Jest and in a bundle. */
export const MIGRATIONS = [
  Core1764403200000,
  CatalogSearch1764489600000,
  CatalogAdmin1764576000000,
  Orders1764662400000,
  Payments1764748800000,
  Ledger1764835200000,
  LedgerDigest1764921600000,
  Households1765008000000,
  Settlement1765094400000,
  ImpactOrders1765180800000,
  ImpactRollups1765267200000,
  LedgerVerification1765353600000,
  ImpactBuyerMonths1765440000000,
  Clock1765526400000,
  AbuseLimits1765612800000,
  PublishedCategoryIndex1765699200000,
  RefundsKeepOrderStatus1765785600000,
  ArrivalReminders1765872000000,
  BuyerAddresses1765958400000,
  PasswordResets1766044800000,
  OrderSearch1766131200000,
  Organisations1766217600000,
  BulkPricing1766304000000,
  OrganisationOrders1766390400000,
  Acceptance1766476800000,
  PaymentOnAccount1766563200000,
  ShortfallPhotos1766649600000,
  ReservedSharePlans1766736000000,
  BuyerRollups1766822400000,
  InvoiceProfiles1766908800000,
  InvoiceRequests1766995200000,
  MoneyTrail1767081600000,
  LotsAndClaims1767168000000,
  CatalogSearchLength1767340800000,
  DropImpactOrderKey1767427200000,
  StockShortage1767513600000,
  CatalogSearchRanking1767600000000,
  ImpactCountedLater1767686400000,
  ImpactSumsLater1767772800000,
];

/**
 * pg's client with a listener for 'error' from its first moment. pg-pool takes its own listener off a
 * client while it is lent out; a client lent out that hears PostgreSQL end its session while no
 * statement of its own is running (the server stopped or was killed) then emits 'error' to nobody,
 * and Node ends the whole process. The pool and TypeORM still hear the error through their own
 * listeners and drop the client; this one only keeps the process alive, so that requests get
 * 503 DATABASE_UNAVAILABLE until the database is back.
 */
export class GuardedClient extends Client {
  constructor(config?: string | ClientConfig) {
    super(config);
    this.on('error', () => undefined);
  }
}

/** Every connection reads the time through `clock` (see `qh_now()`); `poolSize`: how many this process may hold (the API's: DATABASE_POOL_SIZE). */
export function dataSourceOptions(url: string, clock: Clock, poolSize: number): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    // The schema comes from reviewed migrations only.
    synchronize: false,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    logging: false,
    applicationName: 'qianhuo-api',
    // A request waits at most this long for a connection (a free one or a new one), then gets 503 DATABASE_UNAVAILABLE.
    extra: { Client: GuardedClient, max: poolSize, connectionTimeoutMillis: 5_000, types: PG_TYPES, ...clock.pgOptions() },
  };
}

export function createDataSource(url: string, clock: Clock, poolSize: number): DataSource {
  return new DataSource(dataSourceOptions(url, clock, poolSize));
}
