import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { PageQuery } from '../../shared/pagination';

export class AuditEntryResponse {
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) actorId: string | null;
  @ApiProperty({ example: 'competition.publish' }) action: string;
  @ApiProperty({ nullable: true, type: String, example: 'competition:0b6f…' }) target: string | null;
  @ApiProperty() at: string;
}

export class AuditPageResponse {
  @ApiProperty({ type: [AuditEntryResponse] }) items: AuditEntryResponse[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class AuditListQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'competition.publish', description: 'Exact action' })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z_]+(\.[a-z_]+)*$/)
  @MaxLength(64)
  action?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The admin who acted' })
  @IsOptional()
  @IsUUID()
  actorId?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Entries at or after this moment' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Entries before this moment' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}
