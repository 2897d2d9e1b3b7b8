import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  Actor,
  AdminNotificationResponse,
  NotificationListQuery,
  NotificationsService,
  PageQuery,
} from '@grants/domain';
import { CurrentActor, Roles } from '../common/roles.decorator';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller()
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get('me/notifications')
  mine(@CurrentActor() actor: Actor, @Query() page: PageQuery) {
    return this.notifications.listMine(actor, page);
  }

  @Get('notifications')
  @Roles('admin')
  list(@Query() query: NotificationListQuery) {
    return this.notifications.list(query);
  }

  @Post('notifications/:id/retry')
  @Roles('admin')
  @HttpCode(200)
  @ApiOkResponse({ type: AdminNotificationResponse })
  retry(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<AdminNotificationResponse> {
    return this.notifications.retry(actor, id);
  }
}
