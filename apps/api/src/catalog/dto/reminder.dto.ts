import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ReminderDto {
  @ApiProperty({ example: 'shedongguan-cherry-box' }) productSlug: string;
  @ApiProperty() titleZh: string;
  @ApiProperty() titleEn: string;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time', description: 'When its sales open, when it has a season' })
  saleStartsAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class ReminderListDto {
  @ApiProperty({ type: [ReminderDto], description: 'Waiting reminders, newest first' }) items: ReminderDto[];
}
