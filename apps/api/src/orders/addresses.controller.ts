import { Controller, Delete, Get, HttpCode, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ActingUser, type Acting } from '../auth/current-user';
import { Roles } from '../auth/roles.decorator';
import { ErrorDto } from '../common/error.dto';
import { uuidParam } from '../common/uuid-param';
import { AddressesService } from './addresses.service';
import { AddressBookDto, SavedAddressDto } from './dto/address.dto';

const addressId = uuidParam('ADDRESS_NOT_FOUND', 'No such address.');

/** A buyer's address book. Addresses come in by checking out to them; here they are chosen as default or removed. */
@ApiTags('orders')
@ApiBearerAuth()
@ApiResponse({ status: 401, type: ErrorDto, description: 'UNAUTHORIZED' })
@ApiResponse({ status: 403, type: ErrorDto, description: 'FORBIDDEN: buyers only' })
@Roles('buyer')
@Controller('addresses')
export class AddressesController {
  constructor(private readonly addresses: AddressesService) {}

  @Get()
  @ApiOkResponse({ type: AddressBookDto, description: 'The default first, then the most recently used' })
  list(@ActingUser() buyer: Acting): Promise<AddressBookDto> {
    return this.addresses.list(buyer);
  }

  @Put(':id/default')
  @ApiOkResponse({ type: SavedAddressDto })
  @ApiResponse({ status: 404, type: ErrorDto, description: 'ADDRESS_NOT_FOUND' })
  makeDefault(@ActingUser() buyer: Acting, @Param('id', addressId) id: string): Promise<SavedAddressDto> {
    return this.addresses.makeDefault(buyer, id);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Removed; orders placed to it keep their own copy' })
  @ApiResponse({ status: 404, type: ErrorDto, description: 'ADDRESS_NOT_FOUND' })
  async remove(@ActingUser() buyer: Acting, @Param('id', addressId) id: string): Promise<void> {
    await this.addresses.remove(buyer, id);
  }
}
