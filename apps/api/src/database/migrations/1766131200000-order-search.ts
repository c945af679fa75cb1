import { MigrationInterface, QueryRunner } from 'typeorm';

/** Admins find an order by the mobile number it was sent to (the buyer calls support from it). */
export class OrderSearch1766131200000 implements MigrationInterface {
  name = 'OrderSearch1766131200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX order_address_mobile_idx ON "order" ((address->>'mobile'), created_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX order_address_mobile_idx`);
  }
}
