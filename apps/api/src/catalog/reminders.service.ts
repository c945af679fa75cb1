import { Injectable, Logger } from '@nestjs/common';
import type { AuthUser } from '../auth/current-user';
import { AppError } from '../common/app-error';
import { UnitOfWork } from '../database/unit-of-work';
import { Outbox } from '../notifications/outbox';
import type { ReminderDto, ReminderListDto } from './dto/reminder.dto';
import { RemindersRepository, type ReminderRow } from './reminders.repository';

/** Reminders told per run of the job; the next run takes the rest. */
const REMIND_BATCH = 200;

function toReminder(row: ReminderRow): ReminderDto {
  return {
    productSlug: row.productSlug,
    titleZh: row.titleZh,
    titleEn: row.titleEn,
    saleStartsAt: row.saleStartsAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * 到货提醒: a buyer asks to be told when a product they cannot buy yet (out of season, sold out) can be
 * bought. The job tells each buyer once, by the notifications every order message goes through.
 */
@Injectable()
export class RemindersService {
  private readonly logger = new Logger(RemindersService.name);

  constructor(
    private readonly reminders: RemindersRepository,
    private readonly unitOfWork: UnitOfWork,
    private readonly outbox: Outbox,
  ) {}

  async list(buyer: AuthUser): Promise<ReminderListDto> {
    return { items: (await this.reminders.waitingFor(buyer.id)).map(toReminder) };
  }

  /** Sets a reminder of a product that cannot be bought now; asking again changes nothing. */
  async set(buyer: AuthUser, slug: string): Promise<ReminderDto> {
    const product = await this.productOf(slug);
    if (product.canBuyNow) throw new AppError('PRODUCT_ON_SALE', 'This product can be bought now: there is nothing to wait for.');
    await this.reminders.set(buyer.id, product.id);
    const reminder = (await this.reminders.waitingFor(buyer.id)).find((r) => r.productSlug === slug)!;
    return toReminder(reminder);
  }

  async remove(buyer: AuthUser, slug: string): Promise<void> {
    const product = await this.productOf(slug);
    if (!(await this.reminders.remove(buyer.id, product.id))) throw new AppError('REMINDER_NOT_FOUND', 'No reminder of this product.');
  }

  /** The job: tells the buyers whose product can be bought now, once each. Returns how many were told. */
  async remindDue(): Promise<number> {
    const told = await this.unitOfWork.run(async ({ manager }) => {
      const due = await this.reminders.due(manager, REMIND_BATCH);
      for (const reminder of due) {
        await this.outbox.write(manager, {
          topic: 'PRODUCT_ON_SALE',
          dedupeKey: `PRODUCT_ON_SALE:${reminder.key}`,
          accountId: reminder.accountId,
          orderId: null,
          payload: { productSlug: reminder.productSlug, productTitle: reminder.titleZh, productTitleEn: reminder.titleEn },
        });
      }
      await this.reminders.markSent(manager, due);
      return due.length;
    });
    if (told) this.logger.log({ told }, 'arrival reminders written');
    return told;
  }

  private async productOf(slug: string): Promise<{ id: string; canBuyNow: boolean }> {
    const product = /^[a-z0-9-]{1,120}$/.test(slug) ? await this.reminders.product(slug) : undefined;
    if (!product) throw new AppError('PRODUCT_NOT_FOUND', 'No such product on sale.');
    return product;
  }
}
