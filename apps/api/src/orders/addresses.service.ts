import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/current-user';
import { AppError } from '../common/app-error';
import { UnitOfWork } from '../database/unit-of-work';
import { AddressesRepository, type SavedAddressRow } from './addresses.repository';
import type { AddressBookDto, SavedAddressDto } from './dto/address.dto';

function toSavedAddress(row: SavedAddressRow): SavedAddressDto {
  return {
    id: row.id,
    name: row.name,
    mobile: row.mobile,
    districtCode: row.districtCode,
    street: row.street,
    isDefault: row.isDefault,
    lastUsedAt: row.lastUsedAt.toISOString(),
  };
}

/** A buyer's saved addresses; the checkout adds to them (AddressesRepository.remember). */
@Injectable()
export class AddressesService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly addresses: AddressesRepository,
  ) {}

  async list(buyer: AuthUser): Promise<AddressBookDto> {
    return { items: (await this.addresses.forBuyer(buyer.id)).map(toSavedAddress) };
  }

  async makeDefault(buyer: AuthUser, id: string): Promise<SavedAddressDto> {
    const saved = await this.unitOfWork.run(({ manager }) => this.addresses.makeDefault(manager, buyer.id, id));
    if (!saved) throw new AppError('ADDRESS_NOT_FOUND', 'No such address.');
    return toSavedAddress(saved);
  }

  async remove(buyer: AuthUser, id: string): Promise<void> {
    const removed = await this.unitOfWork.run(({ manager }) => this.addresses.remove(manager, buyer.id, id));
    if (!removed) throw new AppError('ADDRESS_NOT_FOUND', 'No such address.');
  }
}
