import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  GUANGZHOU_DISTRICTS,
  ORGANISATION_ROLES,
  ORGANISATION_STATUSES,
  ORGANISATION_TYPE_CODES,
  type OrganisationRole,
  type OrganisationStatus,
  type OrganisationType,
} from '@qh/domain';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../../common/pagination.dto';
import { IsCreditCode, IsOptionalNotNull } from '../../common/validation';

const DISTRICT_CODES = GUANGZHOU_DISTRICTS.map((district) => district.code);
const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const trimLower = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value);
const MOBILE = /^1[3-9]\d{9}$/;
const MOBILE_MESSAGE = (field: string) => `${field} must be a mainland mobile number like 13800138000`;

/** What a buyer fills in to register their organisation; an admin checks it before it can order. */
export class RegisterOrganisationDto {
  @ApiProperty({ example: '广州市天河区机关事务管理局饭堂', minLength: 2, maxLength: 100 })
  @Transform(trimmed)
  @IsString()
  @Length(2, 100)
  name: string;

  @ApiPropertyOptional({ description: 'The Chinese name when left out', example: 'Tianhe District Government Canteen', maxLength: 200 })
  @IsOptionalNotNull()
  @Transform(trimmed)
  @IsString()
  @Length(1, 200)
  nameEn?: string;

  @ApiProperty({
    example: '11440106MB2C39485X',
    description: 'Unified social credit code (统一社会信用代码), checked with its check character',
  })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  @IsCreditCode()
  creditCode: string;

  @ApiProperty({ enum: ORGANISATION_TYPE_CODES, description: '党政机关, 事业单位, 国有企业, 学校, 医院, 工会, 企业, 其他' })
  @IsIn(ORGANISATION_TYPE_CODES)
  type: OrganisationType;

  @ApiProperty({ example: '440106', description: 'The Guangzhou district it is in' })
  @IsIn(DISTRICT_CODES, { message: "districtCode must be one of Guangzhou's district codes, e.g. 440106 for 天河区" })
  districtCode: string;

  @ApiProperty({ description: 'A budget unit (预算单位), which reserves a share of its canteen purchases for assisted areas' })
  @IsBoolean()
  budgetUnit: boolean;

  @ApiProperty({ description: 'Whether it runs a canteen' })
  @IsBoolean()
  hasCanteen: boolean;

  @ApiProperty({ example: '李建华', maxLength: 40 })
  @Transform(trimmed)
  @IsString()
  @Length(1, 40)
  contactName: string;

  @ApiProperty({ example: '13800138000' })
  @Matches(MOBILE, { message: MOBILE_MESSAGE('contactMobile') })
  contactMobile: string;
}

/**
 * Any of the registration's fields (name, credit code, type and budget unit are fixed once verified),
 * and how orders are approved.
 */
export class UpdateOrganisationDto extends PartialType(RegisterOrganisationDto, { skipNullProperties: false }) {
  @ApiPropertyOptional({
    minimum: 0,
    description: 'Orders of this total (fen) or more wait for an approver; 0: every order',
    example: 5_000_000,
  })
  @IsOptionalNotNull()
  @IsInt()
  @Min(0)
  @Max(10_000_000_000)
  approvalThresholdFen?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 168, description: 'Hours an order waiting for approval holds its stock', example: 48 })
  @IsOptionalNotNull()
  @IsInt()
  @Min(1)
  @Max(168)
  approvalHoldHours?: number;
}

export class OrganisationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() nameEn: string;
  @ApiProperty() creditCode: string;
  @ApiProperty({ enum: ORGANISATION_TYPE_CODES }) type: OrganisationType;
  @ApiProperty() districtCode: string;
  @ApiProperty() budgetUnit: boolean;
  @ApiProperty() hasCanteen: boolean;
  @ApiProperty() contactName: string;
  @ApiProperty() contactMobile: string;
  @ApiProperty({ description: 'Orders of this total (fen) or more wait for an approver; 0: every order' }) approvalThresholdFen: number;
  @ApiProperty({ description: 'Hours an order waiting for approval holds its stock' }) approvalHoldHours: number;
  @ApiProperty({ enum: ORGANISATION_STATUSES }) status: OrganisationStatus;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Why an admin did not verify it' }) rejectionReason: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) verifiedAt: string | null;
}

/** The caller's organisation, with what the caller may do in it. */
export class MyOrganisationDto extends OrganisationDto {
  @ApiProperty({ enum: ORGANISATION_ROLES, isArray: true }) roles: OrganisationRole[];
}

/** An organisation as the admins' queue shows it. */
export class AdminOrganisationDto extends OrganisationDto {
  @ApiProperty() memberCount: number;
  @ApiProperty({ description: 'The account that registered it' }) registeredByEmail: string;
}

export class AdminOrganisationPageDto {
  @ApiProperty({ type: [AdminOrganisationDto] }) items: AdminOrganisationDto[];
  @ApiPropertyOptional({ nullable: true, type: String }) nextCursor: string | null;
}

export class AdminOrganisationQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ORGANISATION_STATUSES, description: 'PENDING is the verification queue' })
  @IsOptional()
  @IsIn(ORGANISATION_STATUSES)
  status?: OrganisationStatus;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' }) @IsOptional() @IsString() @MaxLength(200) cursor?: string;
}

/** The organisation as an admin reviews it: its details and who is in it. */
export class AdminOrganisationDetailDto extends AdminOrganisationDto {
  @ApiProperty({ type: () => [MemberDto] }) members: MemberDto[];
}

class RolesDto {
  @ApiProperty({ enum: ORGANISATION_ROLES, isArray: true, example: ['PURCHASER', 'RECEIVER'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ORGANISATION_ROLES.length)
  @ArrayUnique()
  @IsIn(ORGANISATION_ROLES, { each: true })
  roles: OrganisationRole[];
}

export class MemberRolesDto extends RolesDto {}

export class InviteMemberDto extends RolesDto {
  @ApiProperty({ example: 'approver@demo.cn' })
  @Transform(trimLower)
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email: string;
}

export class MemberDto {
  @ApiProperty({ format: 'uuid' }) accountId: string;
  @ApiProperty() email: string;
  @ApiPropertyOptional({ nullable: true, type: String }) displayName: string | null;
  @ApiProperty({ enum: ORGANISATION_ROLES, isArray: true }) roles: OrganisationRole[];
  @ApiProperty({ format: 'date-time' }) joinedAt: string;
}

export class MemberListDto {
  @ApiProperty({ type: [MemberDto] }) items: MemberDto[];
}

export const INVITATION_STATUSES = ['PENDING', 'ACCEPTED', 'REVOKED', 'EXPIRED'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

export class InvitationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty({ enum: ORGANISATION_ROLES, isArray: true }) roles: OrganisationRole[];
  @ApiProperty({ enum: INVITATION_STATUSES }) status: InvitationStatus;
  @ApiProperty({ format: 'date-time' }) invitedAt: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
}

export class InvitationListDto {
  @ApiProperty({ type: [InvitationDto], description: 'Newest first, the last 100' }) items: InvitationDto[];
}

export class InvitationTokenDto {
  @ApiProperty({ description: 'The token of the invitation link (/org/join?token=…)', minLength: 43, maxLength: 43 })
  @IsString()
  @Matches(/^[\w-]{43}$/, { message: 'token must be the 43-character token of an invitation link' })
  token: string;
}

/** What someone opening an invitation link sees before accepting it. */
export class InvitationPreviewDto {
  @ApiProperty() organisationName: string;
  @ApiProperty() organisationNameEn: string;
  @ApiProperty({ description: 'The address it was sent to, masked: sign in with it to accept', example: 'c***@demo.cn' })
  emailMasked: string;
  @ApiProperty({ enum: ORGANISATION_ROLES, isArray: true }) roles: OrganisationRole[];
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
}

export class ReceivingWindowDto {
  @ApiProperty({ type: [Number], description: 'ISO weekdays: 1 Monday … 7 Sunday', example: [1, 2, 3, 4, 5] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(7)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(7, { each: true })
  weekdays: (1 | 2 | 3 | 4 | 5 | 6 | 7)[];

  @ApiProperty({ example: '06:30', description: 'China time, HH:MM' })
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'from must be a time like 06:30' })
  from: string;

  @ApiProperty({ example: '10:00', description: 'China time, HH:MM, after `from`' })
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'to must be a time like 10:00' })
  to: string;
}

/** A canteen or warehouse that takes deliveries. */
export class DeliverySiteInputDto {
  @ApiProperty({ example: '机关一食堂', maxLength: 60 })
  @Transform(trimmed)
  @IsString()
  @Length(1, 60)
  name: string;

  @ApiProperty({ example: '440106' })
  @IsIn(DISTRICT_CODES, { message: "districtCode must be one of Guangzhou's district codes, e.g. 440106 for 天河区" })
  districtCode: string;

  @ApiProperty({ example: '天府路 1 号 机关大院 3 号楼 负一层 卸货区', maxLength: 200 })
  @Transform(trimmed)
  @IsString()
  @Length(4, 200)
  street: string;

  @ApiProperty({ example: '王师傅', maxLength: 40 })
  @Transform(trimmed)
  @IsString()
  @Length(1, 40)
  contactName: string;

  @ApiProperty({ example: '13900139000' })
  @Matches(MOBILE, { message: MOBILE_MESSAGE('contactMobile') })
  contactMobile: string;

  @ApiProperty({ type: [ReceivingWindowDto], description: 'When goods are taken in; none: any day', maxItems: 14 })
  @IsArray()
  @ArrayMaxSize(14)
  @ValidateNested({ each: true })
  @Type(() => ReceivingWindowDto)
  receivingWindows: ReceivingWindowDto[];

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 500, example: '从东门进，卸货区限高 3.2 米' })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(500)
  driverNotes?: string | null;
}

export class UpdateDeliverySiteDto extends PartialType(DeliverySiteInputDto, { skipNullProperties: false }) {}

export class DeliverySiteDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() districtCode: string;
  @ApiProperty() street: string;
  @ApiProperty() contactName: string;
  @ApiProperty() contactMobile: string;
  @ApiProperty({ type: [ReceivingWindowDto] }) receivingWindows: ReceivingWindowDto[];
  @ApiPropertyOptional({ nullable: true, type: String }) driverNotes: string | null;
}

export class DeliverySiteListDto {
  @ApiProperty({ type: [DeliverySiteDto] }) items: DeliverySiteDto[];
}
