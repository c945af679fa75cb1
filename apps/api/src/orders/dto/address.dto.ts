import { ApiProperty } from '@nestjs/swagger';
import { AddressDto } from './order.dto';

export class SavedAddressDto extends AddressDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'Offered first at checkout' }) isDefault: boolean;
  @ApiProperty({ format: 'date-time' }) lastUsedAt: string;
}

export class AddressBookDto {
  @ApiProperty({ type: [SavedAddressDto] }) items: SavedAddressDto[];
}
