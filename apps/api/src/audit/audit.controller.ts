import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PageQueryDto } from '../common/pagination.dto';
import { Roles } from '../auth/roles.decorator';
import { AuditService } from './audit.service';

export class AuditQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Cursor: the nextCursor of the previous page' })
  @IsOptional()
  @Matches(/^\d{1,18}$/, { message: 'cursor must be a cursor returned by this route' })
  cursor?: string;

  @ApiPropertyOptional({ example: 'cooperative' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  entityType?: string;
}

export class AuditEntryDto {
  @ApiProperty() id: string;
  @ApiPropertyOptional({ nullable: true, type: String }) actorAccountId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) actorRole: string | null;
  @ApiProperty() action: string;
  @ApiProperty() entityType: string;
  @ApiPropertyOptional({ nullable: true, type: String }) entityId: string | null;
  @ApiPropertyOptional({ nullable: true, type: Object }) before: Record<string, unknown> | null;
  @ApiPropertyOptional({ nullable: true, type: Object }) after: Record<string, unknown> | null;
  @ApiPropertyOptional({ nullable: true, type: String }) requestId: string | null;
  @ApiProperty({ format: 'date-time' }) at: string;
}

export class AuditPageDto {
  @ApiProperty({ type: [AuditEntryDto] }) items: AuditEntryDto[];
  @ApiPropertyOptional({ nullable: true, type: String }) nextCursor: string | null;
}

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Roles('admin')
  @Get()
  @ApiOkResponse({ type: AuditPageDto })
  list(@Query() query: AuditQueryDto): Promise<AuditPageDto> {
    return this.audit.list({ limit: query.limit ?? 50, cursor: query.cursor, entityType: query.entityType });
  }
}
