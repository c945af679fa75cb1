import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Matches } from 'class-validator';

const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export class VerifyQueryDto {
  @ApiProperty({ example: '2026-01-01', description: 'First day (China time), inclusive' })
  @Matches(DAY, { message: 'from must be a date like 2026-01-01' })
  from: string;

  @ApiProperty({ example: '2026-12-31', description: 'Last day, inclusive' })
  @Matches(DAY, { message: 'to must be a date like 2026-12-31' })
  to: string;
}

export class DayFiguresDto {
  @ApiProperty({ example: '2026-11-28' }) day: string;
  @ApiProperty() entries: number;
  @ApiProperty() linkedSalesFen: number;
  @ApiProperty() poolFen: number;
  @ApiProperty({ description: 'SHA-256 (hex) over the day’s entries in canonical order' }) sha256: string;
}

export class DigestMismatchDto {
  @ApiProperty() day: string;
  @ApiProperty({ type: DayFiguresDto }) recorded: DayFiguresDto;
  @ApiPropertyOptional({ type: DayFiguresDto, nullable: true, description: 'null: the day has no entries any more' })
  recomputed: DayFiguresDto | null;
}

export class VerifyReportDto {
  @ApiProperty() from: string;
  @ApiProperty() to: string;
  @ApiProperty({ description: 'Days with a digest, all recomputed from the ledger' }) checkedDays: number;
  @ApiProperty({ type: [DigestMismatchDto], description: 'Empty when every digested day still matches' }) mismatches: DigestMismatchDto[];
  @ApiProperty({ type: [String], description: 'Days with entries but no digest yet (today, or before the nightly run)' })
  undigestedDays: string[];
}
