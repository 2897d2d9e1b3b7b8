import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  Actor,
  AdminNotificationPageResponse,
  AdminNotificationResponse,
  MyNotificationPageResponse,
  NotificationListQuery,
  NotificationsService,
  PageQuery,
} from '@grants/domain';
import { ApiDoc } from '../common/api-docs';
import { uuidParam } from '../common/validation';
import { CurrentActor, Roles } from '../common/roles.decorator';

@ApiTags('notifications')
@Controller()
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get('me/notifications')
  @ApiDoc('The signed-in user’s notifications, newest first', 'user', { 400: true })
  @ApiOkResponse({ type: MyNotificationPageResponse })
  mine(@CurrentActor() actor: Actor, @Query() page: PageQuery): Promise<MyNotificationPageResponse> {
    return this.notifications.listMine(actor, page);
  }

  @Get('notifications')
  @Roles('admin')
  @ApiDoc('All notifications, e.g. `status=failed` with their last error', 'roles', { 400: true })
  @ApiOkResponse({ type: AdminNotificationPageResponse })
  list(@Query() query: NotificationListQuery): Promise<AdminNotificationPageResponse> {
    return this.notifications.list(query);
  }

  @Post('notifications/:id/retry')
  @Roles('admin')
  @HttpCode(200)
  @ApiOkResponse({ type: AdminNotificationResponse })
  @ApiDoc('Queue a failed notification again', 'roles', {
    400: true,
    404: true,
    409: 'INVALID_TRANSITION: only a failed notification can be retried',
  })
  retry(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string): Promise<AdminNotificationResponse> {
    return this.notifications.retry(actor, id);
  }
}
