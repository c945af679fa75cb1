import { Controller, Delete, Get, HttpCode, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ActingUser, type Acting } from '../auth/current-user';
import { Roles } from '../auth/roles.decorator';
import { ErrorDto } from '../common/error.dto';
import { ReminderDto, ReminderListDto } from './dto/reminder.dto';
import { RemindersService } from './reminders.service';

/** 到货提醒: a buyer's reminders of products to tell them about once they can be bought. */
@ApiTags('reminders')
@ApiBearerAuth()
@ApiResponse({ status: 401, type: ErrorDto, description: 'UNAUTHORIZED' })
@ApiResponse({ status: 403, type: ErrorDto, description: 'FORBIDDEN: buyers only' })
@Roles('buyer')
@Controller('reminders')
export class RemindersController {
  constructor(private readonly reminders: RemindersService) {}

  @Get()
  @ApiOkResponse({ type: ReminderListDto })
  list(@ActingUser() buyer: Acting): Promise<ReminderListDto> {
    return this.reminders.list(buyer);
  }

  @Put(':slug')
  @ApiOkResponse({ type: ReminderDto, description: 'Set (setting it again changes nothing); an e-mail goes out once it can be bought' })
  @ApiResponse({ status: 404, type: ErrorDto, description: 'PRODUCT_NOT_FOUND' })
  @ApiResponse({ status: 409, type: ErrorDto, description: 'PRODUCT_ON_SALE: it can be bought now' })
  set(@ActingUser() buyer: Acting, @Param('slug') slug: string): Promise<ReminderDto> {
    return this.reminders.set(buyer, slug);
  }

  @Delete(':slug')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiResponse({ status: 404, type: ErrorDto, description: 'PRODUCT_NOT_FOUND, REMINDER_NOT_FOUND' })
  async remove(@ActingUser() buyer: Acting, @Param('slug') slug: string): Promise<void> {
    await this.reminders.remove(buyer, slug);
  }
}
