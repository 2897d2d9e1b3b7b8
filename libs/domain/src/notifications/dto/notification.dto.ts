import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQuery } from '../../shared/pagination';
import { NotificationStatus } from '../notification.entity';

export const NOTIFICATION_STATUSES: readonly NotificationStatus[] = ['pending', 'queued', 'sent', 'failed', 'voided'];

export class NotificationListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: NOTIFICATION_STATUSES })
  @IsOptional()
  @IsIn(NOTIFICATION_STATUSES)
  status?: NotificationStatus;
}

/** What a user sees of its own mails in the app. */
export class MyNotificationResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() template: string;
  @ApiProperty({ nullable: true, type: String, description: 'Set once the mail is rendered and sent' }) subject:
    string | null;
  @ApiProperty({ enum: NOTIFICATION_STATUSES }) status: NotificationStatus;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) sentAt: string | null;
}

/** What an admin sees to diagnose and retry a mail. */
export class AdminNotificationResponse extends MyNotificationResponse {
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) userId: string | null;
  @ApiProperty() email: string;
  @ApiProperty() locale: string;
  @ApiProperty() attempts: number;
  @ApiProperty({ nullable: true, type: String }) lastError: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) queuedAt: string | null;
}

export class MyNotificationPageResponse {
  @ApiProperty({ type: [MyNotificationResponse] }) items: MyNotificationResponse[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class AdminNotificationPageResponse {
  @ApiProperty({ type: [AdminNotificationResponse] }) items: AdminNotificationResponse[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
