import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuditListQuery, AuditPageResponse, AuditService } from '@grants/domain';
import { ApiDoc } from '../common/api-docs';
import { Roles } from '../common/roles.decorator';

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Roles('admin')
  @ApiDoc('Admin actions, newest first; filters by action, actor and time', 'roles', { 400: true })
  @ApiOkResponse({ type: AuditPageResponse })
  list(@Query() query: AuditListQuery): Promise<AuditPageResponse> {
    return this.audit.list(query);
  }
}
