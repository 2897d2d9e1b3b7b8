import { Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { StatisticsJobs, StatisticsService } from '@grants/domain';
import { Roles } from '../common/roles.decorator';
import { YearPipe } from './year.pipe';

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
  compile(@Param('year', YearPipe) year: number) {
    return this.jobs.requestCompile(year, 'manual');
  }

  @Get('jobs/:jobId')
  @Roles('admin')
  job(@Param('jobId') jobId: string) {
    return this.jobs.state(jobId);
  }

  @Get(':year')
  @Roles('admin', 'consultant')
  latest(@Param('year', YearPipe) year: number) {
    return this.statistics.latest(year);
  }

  @Get(':year/export.csv')
  @Roles('admin', 'consultant')
  @ApiProduces('text/csv')
  async exportCsv(@Param('year', YearPipe) year: number, @Res({ passthrough: true }) reply: FastifyReply) {
    const csv = await this.statistics.exportCsv(year);
    reply.header('content-type', 'text/csv; charset=utf-8');
    reply.header('content-disposition', `attachment; filename="grants-${year}.csv"`);
    return csv;
  }

  @Get(':year/export.json')
  @Roles('admin', 'consultant')
  exportJson(@Param('year', YearPipe) year: number) {
    return this.statistics.exportJson(year);
  }

  @Get(':year/report')
  @Roles('admin', 'consultant')
  @ApiProduces('text/html')
  async report(@Param('year', YearPipe) year: number, @Res({ passthrough: true }) reply: FastifyReply) {
    const html = await this.statistics.report(year);
    reply.header('content-type', 'text/html; charset=utf-8');
    return html;
  }
}
