import { Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ReportLocale, StatisticsJobs, StatisticsService } from '@grants/domain';
import { Roles } from '../common/roles.decorator';
import { ReportLangPipe } from './report-lang.pipe';
import { YearPipe } from './year.pipe';

const LANG_QUERY = {
  name: 'lang',
  required: false,
  enum: ['ru', 'en'],
  description: 'Language of the report; default ru',
} as const;
const YEAR_PARAM = { name: 'year', required: true, schema: { type: 'integer', minimum: 2000, maximum: 2100 } } as const;

@ApiTags('statistics')
@ApiBearerAuth()
@Controller('statistics')
export class StatisticsController {
  constructor(
    private readonly statistics: StatisticsService,
    private readonly jobs: StatisticsJobs,
  ) {}

  @Post(':year/compile')
  @Roles('admin')
  @HttpCode(202)
  @ApiOperation({ summary: 'Queue a compile of the year into a new snapshot' })
  @ApiAcceptedResponse({ description: '{jobId}: follow it at GET /statistics/jobs/{jobId}' })
  @ApiParam(YEAR_PARAM)
  compile(@Param('year', YearPipe) year: number) {
    return this.jobs.requestCompile(year, 'manual');
  }

  @Get('jobs/:jobId')
  @Roles('admin')
  @ApiOperation({ summary: 'State of a statistics job: waiting, active, completed (with snapshotId) or failed' })
  @ApiNotFoundResponse({ description: 'No such statistics job' })
  job(@Param('jobId') jobId: string) {
    return this.jobs.state(jobId);
  }

  @Get(':year')
  @Roles('admin', 'consultant')
  @ApiOperation({ summary: 'The newest snapshot of the year: {year, compiledAt, figures}' })
  @ApiNotFoundResponse({ description: 'The year was never compiled' })
  @ApiParam(YEAR_PARAM)
  latest(@Param('year', YearPipe) year: number) {
    return this.statistics.latest(year);
  }

  @Get(':year/export.csv')
  @Roles('admin', 'consultant')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: '360Giving CSV of the awarded grants (live data), UTF-8 with BOM' })
  @ApiParam(YEAR_PARAM)
  async exportCsv(@Param('year', YearPipe) year: number, @Res({ passthrough: true }) reply: FastifyReply) {
    const csv = await this.statistics.exportCsv(year);
    reply.header('content-type', 'text/csv; charset=utf-8');
    reply.header('content-disposition', `attachment; filename="grants-${year}.csv"`);
    return csv;
  }

  @Get(':year/export.json')
  @Roles('admin', 'consultant')
  @ApiOperation({ summary: '360Giving JSON package {grants: [...]} of the awarded grants (live data)' })
  @ApiParam(YEAR_PARAM)
  exportJson(@Param('year', YearPipe) year: number) {
    return this.statistics.exportJson(year);
  }

  @Get(':year/report')
  @Roles('admin', 'consultant')
  @ApiProduces('text/html')
  @ApiOperation({
    summary:
      'Annual report (HTML with inline SVG charts) from the newest snapshot: Russian by default, English with ?lang=en',
  })
  @ApiNotFoundResponse({ description: 'The year was never compiled' })
  @ApiParam(YEAR_PARAM)
  @ApiQuery(LANG_QUERY)
  async report(
    @Param('year', YearPipe) year: number,
    @Query('lang', ReportLangPipe) lang: ReportLocale,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const html = await this.statistics.report(year, lang);
    reply.header('content-type', 'text/html; charset=utf-8');
    return html;
  }
}
