import { Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiParam, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  CompileJobResponse,
  Giving360PackageResponse,
  PublishedReportResponse,
  PublishedYearsResponse,
  Actor,
  StatisticsJobResponse,
  ReportLocale,
  StatisticsJobs,
  StatisticsService,
  StatisticsPublicationService,
  StatisticsSnapshotResponse,
} from '@grants/domain';
import { ApiDoc } from '../common/api-docs';
import { CurrentActor, Public, Roles } from '../common/roles.decorator';
import { ReportLangPipe } from './report-lang.pipe';
import { YearPipe } from './year.pipe';

const LANG_QUERY = {
  name: 'lang',
  required: false,
  enum: ['ru', 'en'],
  description: 'Language of the report; default ru',
} as const;
const YEAR_PARAM = { name: 'year', required: true, schema: { type: 'integer', minimum: 2000, maximum: 2100 } } as const;
const BAD_YEAR = 'VALIDATION_FAILED: the year is not an integer 2000..2100';
const NEVER_COMPILED = 'NOT_FOUND: the year was never compiled';

@ApiTags('statistics')
@Controller('statistics')
export class StatisticsController {
  constructor(
    private readonly statistics: StatisticsService,
    private readonly jobs: StatisticsJobs,
    private readonly publications: StatisticsPublicationService,
  ) {}

  @Post(':year/compile')
  @Roles('admin')
  @HttpCode(202)
  @ApiDoc('Queue a compile of the year into a new snapshot', 'roles', { 400: BAD_YEAR })
  @ApiAcceptedResponse({ type: CompileJobResponse, description: 'Follow the job at GET /statistics/jobs/{jobId}' })
  @ApiParam(YEAR_PARAM)
  compile(@Param('year', YearPipe) year: number): Promise<CompileJobResponse> {
    return this.jobs.requestCompile(year, 'manual');
  }

  @Post(':year/publish')
  @Roles('admin')
  @HttpCode(200)
  @ApiDoc('Make the newest snapshot of the year its public report (a later publish replaces it)', 'roles', {
    400: BAD_YEAR,
    404: NEVER_COMPILED,
  })
  @ApiOkResponse({ type: PublishedReportResponse })
  @ApiParam(YEAR_PARAM)
  publish(@CurrentActor() actor: Actor, @Param('year', YearPipe) year: number): Promise<PublishedReportResponse> {
    return this.publications.publish(actor, year);
  }

  @Get('jobs/:jobId')
  @Roles('admin')
  @ApiDoc('State of a statistics job: waiting, active, completed (with snapshotId) or failed', 'roles', {
    404: 'NOT_FOUND: no such statistics job',
  })
  @ApiOkResponse({ type: StatisticsJobResponse })
  job(@Param('jobId') jobId: string): Promise<StatisticsJobResponse> {
    return this.jobs.state(jobId);
  }

  @Get(':year')
  @Roles('admin', 'consultant')
  @ApiDoc('The newest snapshot of the year: {year, compiledAt, figures}', 'roles', {
    400: BAD_YEAR,
    404: NEVER_COMPILED,
  })
  @ApiOkResponse({ type: StatisticsSnapshotResponse })
  @ApiParam(YEAR_PARAM)
  latest(@Param('year', YearPipe) year: number): Promise<StatisticsSnapshotResponse> {
    return this.statistics.latest(year);
  }

  @Get(':year/export.csv')
  @Roles('admin', 'consultant')
  @ApiProduces('text/csv')
  @ApiDoc('360Giving CSV of the awarded grants (live data), UTF-8 with BOM', 'roles', { 400: BAD_YEAR })
  @ApiOkResponse({ description: 'One row per awarded grant', schema: { type: 'string' } })
  @ApiParam(YEAR_PARAM)
  async exportCsv(@Param('year', YearPipe) year: number, @Res({ passthrough: true }) reply: FastifyReply) {
    const csv = await this.statistics.exportCsv(year);
    reply.header('content-type', 'text/csv; charset=utf-8');
    reply.header('content-disposition', `attachment; filename="grants-${year}.csv"`);
    return csv;
  }

  @Get(':year/export.json')
  @Roles('admin', 'consultant')
  @ApiDoc('360Giving JSON package {grants: [...]} of the awarded grants (live data)', 'roles', { 400: BAD_YEAR })
  @ApiOkResponse({ type: Giving360PackageResponse })
  @ApiParam(YEAR_PARAM)
  exportJson(@Param('year', YearPipe) year: number): Promise<Giving360PackageResponse> {
    return this.statistics.exportJson(year);
  }

  @Get(':year/report')
  @Roles('admin', 'consultant')
  @ApiProduces('text/html')
  @ApiDoc(
    'Annual report (HTML with inline SVG charts) from the newest snapshot: Russian by default, English with ?lang=en',
    'roles',
    {
      400: BAD_YEAR,
      404: NEVER_COMPILED,
    },
  )
  @ApiOkResponse({ description: 'text/html', schema: { type: 'string' } })
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

@ApiTags('statistics')
@Controller('public/reports')
export class PublicReportsController {
  constructor(private readonly publications: StatisticsPublicationService) {}

  @Get()
  @Public()
  @ApiDoc('Years with a published annual report, newest first', 'public')
  @ApiOkResponse({ type: PublishedYearsResponse })
  async years(): Promise<PublishedYearsResponse> {
    return { items: await this.publications.publishedYears() };
  }

  @Get(':year')
  @Public()
  @ApiDoc('The published annual report of a year: aggregate figures and the Resource Center’s sentence', 'public', {
    400: BAD_YEAR,
    404: 'NOT_FOUND: the year’s report was never published',
  })
  @ApiOkResponse({ type: PublishedReportResponse })
  @ApiParam(YEAR_PARAM)
  report(@Param('year', YearPipe) year: number): Promise<PublishedReportResponse> {
    return this.publications.published(year);
  }
}
