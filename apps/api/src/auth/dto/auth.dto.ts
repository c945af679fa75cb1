import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ORGANISATION_ROLES, ORGANISATION_STATUSES, ROLES, type OrganisationRole, type OrganisationStatus, type Role } from '@qh/domain';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, Length, MaxLength, MinLength } from 'class-validator';
import { IsOptionalNotNull } from '../../common/validation';

const trimLower = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value);

export class LoginDto {
  @ApiProperty({ example: 'buyer@demo.cn' })
  @Transform(trimLower)
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'demo-pass-2026' })
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  password: string;
}

export class RegisterDto {
  @ApiProperty({ example: 'chen@example.cn' })
  @Transform(trimLower)
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ minLength: 10, maxLength: 128 })
  @IsString()
  @MinLength(10, { message: 'password must be at least 10 characters' })
  @MaxLength(128)
  password: string;

  @ApiPropertyOptional({ maxLength: 40 })
  @IsOptionalNotNull()
  @IsString()
  @MaxLength(40)
  displayName?: string;
}

export class PasswordResetRequestDto {
  @ApiProperty({ example: 'chen@example.cn' })
  @Transform(trimLower)
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email: string;
}

export class PasswordResetDto {
  @ApiProperty({ description: 'The token of the e-mailed link' })
  @IsString()
  @Length(20, 100)
  token: string;

  @ApiProperty({ minLength: 10, maxLength: 128 })
  @IsString()
  @MinLength(10, { message: 'password must be at least 10 characters' })
  @MaxLength(128)
  password: string;
}

export class UserDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  email: string;

  @ApiProperty({ enum: ROLES })
  role: Role;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  cooperativeId: string | null;

  @ApiPropertyOptional({ nullable: true, type: String })
  displayName: string | null;

  @ApiProperty({
    type: String,
    isArray: true,
    nullable: true,
    description: 'A township official’s townships (codes): it sees only their households. Null for everyone else.',
  })
  townships: string[] | null;

  @ApiProperty({ type: () => UserOrganisationDto, nullable: true, description: 'The organisation the account belongs to, if any' })
  organisation: UserOrganisationDto | null;
}

/** The organisation a buyer belongs to and what they may do in it. */
export class UserOrganisationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() nameEn: string;
  @ApiProperty({ enum: ORGANISATION_STATUSES }) status: OrganisationStatus;
  @ApiProperty({ enum: ORGANISATION_ROLES, isArray: true }) roles: OrganisationRole[];
}

export class AuthResponseDto {
  @ApiProperty({ description: 'Bearer token for the Authorization header' })
  accessToken: string;

  @ApiProperty({ description: 'Seconds until the access token expires' })
  expiresIn: number;

  @ApiProperty({ type: UserDto })
  user: UserDto;
}
