import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuditPageResponse, AuditService, PageQuery } from '@grants/domain';
import { ApiDoc } from '../common/api-docs';
import { Roles } from '../common/roles.decorator';

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Roles('admin')
  @ApiDoc('Admin actions, newest first', 'roles', { 400: true })
  @ApiOkResponse({ type: AuditPageResponse })
  list(@Query() page: PageQuery): Promise<AuditPageResponse> {
    return this.audit.list(page);
  }
}
