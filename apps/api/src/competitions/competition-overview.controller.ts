import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CompetitionOverviewService, CompetitionSummaryResponse } from '@grants/domain';
import { ApiDoc } from '../common/api-docs';
import { uuidParam } from '../common/validation';
import { Roles } from '../common/roles.decorator';

@ApiTags('competitions')
@Controller('competitions/:id')
export class CompetitionOverviewController {
  constructor(private readonly overview: CompetitionOverviewService) {}

  @Get('summary')
  @Roles('admin')
  @ApiOkResponse({ type: CompetitionSummaryResponse })
  @ApiDoc(
    'What needs attention in a competition: applications per status, consultations, reviews, divergent scores, failed mails',
    'roles',
    { 400: true, 404: true },
  )
  summary(@Param('id', uuidParam('id')) id: string): Promise<CompetitionSummaryResponse> {
    return this.overview.summary(id);
  }

  @Get('applications/export.csv')
  @Roles('admin')
  @ApiProduces('text/csv')
  @ApiDoc(
    'The competition’s applications as CSV (UTF-8 with BOM, cells a spreadsheet would run as a formula neutralised)',
    'roles',
    { 400: true, 404: true },
  )
  @ApiOkResponse({ description: 'One row per application', schema: { type: 'string' } })
  async exportCsv(@Param('id', uuidParam('id')) id: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const { csv, shortCode } = await this.overview.exportCsv(id);
    reply.header('content-type', 'text/csv; charset=utf-8');
    reply.header('content-disposition', `attachment; filename="applications-${shortCode}.csv"`);
    return csv;
  }
}
