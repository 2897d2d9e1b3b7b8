import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import {
  AcceptReportDto,
  Actor,
  GrantListQuery,
  GrantPageResponse,
  GrantReportResponse,
  GrantResponse,
  GrantsService,
  PublicGrantResponse,
  RecordAgreementDto,
  ReturnReportDto,
  SaveReportDto,
  TerminateGrantDto,
} from '@grants/domain';
import { ApiDoc } from '../common/api-docs';
import { codeParam, uuidParam } from '../common/validation';
import { CurrentActor, Public, Roles } from '../common/roles.decorator';

const REPORT_CODE = {
  name: 'code',
  description: "The report's code in the competition's schedule",
  example: 'interim',
};

@ApiTags('grants')
@Controller()
export class GrantsController {
  constructor(private readonly grants: GrantsService) {}

  @Get('grants')
  @Roles('admin', 'consultant', 'applicant')
  @ApiOkResponse({ type: GrantPageResponse })
  @ApiDoc('Grants: all for admins and consultants, its own for an NGO', 'roles', { 400: true })
  list(@CurrentActor() actor: Actor, @Query() query: GrantListQuery): Promise<GrantPageResponse> {
    return this.grants.list(actor, query);
  }

  @Get('grants/:id')
  @Roles('admin', 'consultant', 'applicant')
  @ApiOkResponse({ type: GrantResponse })
  @ApiDoc('A grant with its reports', 'roles', { 400: true, 404: true })
  get(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string): Promise<GrantResponse> {
    return this.grants.get(actor, id);
  }

  @Post('grants/:id/agreement')
  @HttpCode(200)
  @Roles('admin')
  @ApiOkResponse({ type: GrantResponse })
  @ApiDoc('Record the grant agreement; the grant becomes active', 'roles', {
    400: true,
    404: true,
    409: 'INVALID_TRANSITION: the grant is not awaiting its agreement',
  })
  agreement(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Body() dto: RecordAgreementDto,
  ): Promise<GrantResponse> {
    return this.grants.recordAgreement(actor, id, dto);
  }

  @Post('grants/:id/terminate')
  @HttpCode(200)
  @Roles('admin')
  @ApiOkResponse({ type: GrantResponse })
  @ApiDoc('Terminate a grant awaiting its agreement or active', 'roles', {
    400: true,
    404: true,
    409: 'INVALID_TRANSITION: the grant is already completed or terminated',
  })
  terminate(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Body() dto: TerminateGrantDto,
  ): Promise<GrantResponse> {
    return this.grants.terminate(actor, id, dto);
  }

  @Get('grants/:id/reports/:code')
  @Roles('admin', 'consultant', 'applicant')
  @ApiParam(REPORT_CODE)
  @ApiOkResponse({ type: GrantReportResponse })
  @ApiDoc('A report of the grant with its content', 'roles', { 400: true, 404: true })
  report(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Param('code', codeParam('code')) code: string,
  ): Promise<GrantReportResponse> {
    return this.grants.report(actor, id, code);
  }

  @Put('grants/:id/reports/:code')
  @Roles('applicant')
  @ApiParam(REPORT_CODE)
  @ApiOkResponse({ type: GrantReportResponse })
  @ApiDoc('Save the report as a draft (pending and returned reports become drafts)', 'roles', {
    400: true,
    404: true,
    409: 'NOT_EDITABLE: the report is submitted or accepted, or the grant has ended',
  })
  save(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Param('code', codeParam('code')) code: string,
    @Body() dto: SaveReportDto,
  ): Promise<GrantReportResponse> {
    return this.grants.saveReport(actor, id, code, dto);
  }

  @Post('grants/:id/reports/:code/submit')
  @HttpCode(200)
  @Roles('applicant')
  @ApiParam(REPORT_CODE)
  @ApiOkResponse({ type: GrantReportResponse })
  @ApiDoc('Submit the report to the Resource Center', 'roles', {
    400: true,
    404: true,
    409: 'INVALID_TRANSITION: the grant is not active, or the report is already submitted or accepted',
    422: 'INCOMPLETE (naming the fields), BUDGET_MISMATCH: spent more than the grant plus co-financing',
  })
  submit(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Param('code', codeParam('code')) code: string,
  ): Promise<GrantReportResponse> {
    return this.grants.submitReport(actor, id, code);
  }

  @Post('grants/:id/reports/:code/accept')
  @HttpCode(200)
  @Roles('admin', 'consultant')
  @ApiParam(REPORT_CODE)
  @ApiOkResponse({ type: GrantReportResponse })
  @ApiDoc('Accept a submitted report; accepting the last one completes the grant', 'roles', {
    400: true,
    404: true,
    409: 'INVALID_TRANSITION: the report is not submitted, or the grant is not active',
  })
  accept(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Param('code', codeParam('code')) code: string,
    @Body() dto: AcceptReportDto,
  ): Promise<GrantReportResponse> {
    return this.grants.acceptReport(actor, id, code, dto);
  }

  @Post('grants/:id/reports/:code/return')
  @HttpCode(200)
  @Roles('admin', 'consultant')
  @ApiParam(REPORT_CODE)
  @ApiOkResponse({ type: GrantReportResponse })
  @ApiDoc('Return a submitted report to the NGO with a comment', 'roles', {
    400: true,
    404: true,
    409: 'INVALID_TRANSITION: the report is not submitted, or the grant is not active',
  })
  returnReport(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Param('code', codeParam('code')) code: string,
    @Body() dto: ReturnReportDto,
  ): Promise<GrantReportResponse> {
    return this.grants.returnReport(actor, id, code, dto);
  }

  @Get('public/grants/:id')
  @Public()
  @ApiOkResponse({ type: PublicGrantResponse })
  @ApiDoc('The public project card of a grant', 'public', { 400: true, 404: true })
  publicCard(@Param('id', uuidParam('id')) id: string): Promise<PublicGrantResponse> {
    return this.grants.publicCard(id);
  }
}
