import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { preparedRow, row, rows } from '../database/sql';
import type { DeliveryAddress } from './fulfillments.repository';

export interface SavedAddressRow extends DeliveryAddress {
  id: string;
  isDefault: boolean;
  lastUsedAt: Date;
}

const COLUMNS = `id, name, mobile, district_code AS "districtCode", street, is_default AS "isDefault", last_used_at AS "lastUsedAt"`;

/** A buyer's address book: every address they checked out to, the default first. */
@Injectable()
export class AddressesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  forBuyer(accountId: string, manager: EntityManager = this.dataSource.manager): Promise<SavedAddressRow[]> {
    return rows(manager, `SELECT ${COLUMNS} FROM buyer_address WHERE account_id = $1 ORDER BY is_default DESC, last_used_at DESC, id`, [
      accountId,
    ]);
  }

  /**
   * The address a checkout used, kept (once: the same address again is the same entry) and made the
   * default, as the one most likely wanted next time; beyond `max` entries the least recently used goes.
   */
  async remember(manager: EntityManager, accountId: string, address: DeliveryAddress, max: number): Promise<void> {
    // Most checkouts go to the default address again: then only when it was last used changes.
    const again = await preparedRow<{ id: string }>(
      manager,
      `UPDATE buyer_address SET last_used_at = qh_now()
        WHERE account_id = $1 AND is_default AND name = $2 AND mobile = $3 AND district_code = $4 AND street = $5 RETURNING id`,
      [accountId, address.name, address.mobile, address.districtCode, address.street],
    );
    if (again) return;
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('buyer_address'), hashtext($1))`, [accountId]);
    await manager.query(`UPDATE buyer_address SET is_default = false WHERE account_id = $1 AND is_default`, [accountId]);
    await manager.query(
      `INSERT INTO buyer_address (account_id, name, mobile, district_code, street, is_default) VALUES ($1, $2, $3, $4, $5, true)
       ON CONFLICT (account_id, name, mobile, district_code, street) DO UPDATE SET is_default = true, last_used_at = qh_now()`,
      [accountId, address.name, address.mobile, address.districtCode, address.street],
    );
    await manager.query(
      `DELETE FROM buyer_address WHERE id IN (
         SELECT id FROM buyer_address WHERE account_id = $1 ORDER BY is_default DESC, last_used_at DESC, id OFFSET $2)`,
      [accountId, max],
    );
  }

  /** Makes one of the buyer's addresses the default; undefined when it is not theirs. */
  async makeDefault(manager: EntityManager, accountId: string, id: string): Promise<SavedAddressRow | undefined> {
    const target = await row<{ id: string }>(manager, `SELECT id FROM buyer_address WHERE id = $1 AND account_id = $2 FOR UPDATE`, [
      id,
      accountId,
    ]);
    if (!target) return undefined;
    await manager.query(`UPDATE buyer_address SET is_default = false WHERE account_id = $1 AND is_default`, [accountId]);
    const [updated] = await rows<SavedAddressRow>(
      manager,
      `UPDATE buyer_address SET is_default = true WHERE id = $1 RETURNING ${COLUMNS}`,
      [id],
    );
    return updated;
  }

  /** Removes one of the buyer's addresses; the most recently used left becomes the default if it was. */
  async remove(manager: EntityManager, accountId: string, id: string): Promise<boolean> {
    const removed = await row<{ isDefault: boolean }>(
      manager,
      `DELETE FROM buyer_address WHERE id = $1 AND account_id = $2 RETURNING is_default AS "isDefault"`,
      [id, accountId],
    );
    if (!removed) return false;
    if (removed.isDefault) {
      await manager.query(
        `UPDATE buyer_address SET is_default = true
          WHERE id = (SELECT id FROM buyer_address WHERE account_id = $1 ORDER BY last_used_at DESC, id LIMIT 1)`,
        [accountId],
      );
    }
    return true;
  }
}
