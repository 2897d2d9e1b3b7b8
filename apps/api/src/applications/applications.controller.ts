import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import {
  Actor,
  ApplicationEventsResponse,
  ApplicationListQuery,
  ApplicationPageResponse,
  ApplicationResponse,
  ApplicationsService,
  CreateApplicationDto,
  IneligibleDto,
  UpdateApplicationDto,
  WithdrawDto,
} from '@grants/domain';
import { CurrentActor, Roles } from '../common/roles.decorator';

@ApiTags('applications')
@ApiBearerAuth()
@Controller()
export class ApplicationsController {
  constructor(private readonly applications: ApplicationsService) {}

  @Post('competitions/:id/applications')
  @Roles('applicant')
  @ApiCreatedResponse({ type: ApplicationResponse })
  @ApiUnprocessableEntityResponse({ description: 'COMPETITION_NOT_OPEN' })
  create(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) competitionId: string,
    @Body() dto: CreateApplicationDto,
  ): Promise<ApplicationResponse> {
    return this.applications.create(actor, competitionId, dto);
  }

  @Get('applications')
  @ApiOkResponse({ type: ApplicationPageResponse })
  list(@CurrentActor() actor: Actor, @Query() query: ApplicationListQuery): Promise<ApplicationPageResponse> {
    return this.applications.list(actor, query);
  }

  @Get('applications/:id')
  @ApiOkResponse({ type: ApplicationResponse })
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<ApplicationResponse> {
    return this.applications.get(actor, id);
  }

  @Patch('applications/:id')
  @Roles('applicant')
  @ApiOkResponse({ type: ApplicationResponse })
  @ApiConflictResponse({ description: 'NOT_EDITABLE' })
  update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateApplicationDto,
  ): Promise<ApplicationResponse> {
    return this.applications.update(actor, id, dto);
  }

  @Post('applications/:id/submit')
  @HttpCode(200)
  @Roles('applicant')
  @ApiOkResponse({ type: ApplicationResponse })
  @ApiUnprocessableEntityResponse({
    description:
      'DEADLINE_PASSED, NOT_OPEN_YET, INCOMPLETE, AMOUNT_EXCEEDS_MAX, COFINANCING_TOO_LOW, BUDGET_MISMATCH, PROJECT_DATES_INVALID',
  })
  @ApiConflictResponse({ description: 'NOT_EDITABLE' })
  submit(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<ApplicationResponse> {
    return this.applications.submit(actor, id);
  }

  @Post('applications/:id/withdraw')
  @HttpCode(200)
  @Roles('applicant')
  @ApiOkResponse({ type: ApplicationResponse })
  withdraw(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: WithdrawDto,
  ): Promise<ApplicationResponse> {
    return this.applications.withdraw(actor, id, dto);
  }

  @Post('applications/:id/ineligible')
  @HttpCode(200)
  @Roles('admin')
  @ApiOkResponse({ type: ApplicationResponse })
  ineligible(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: IneligibleDto,
  ): Promise<ApplicationResponse> {
    return this.applications.markIneligible(actor, id, dto);
  }

  @Get('applications/:id/events')
  @Roles('applicant', 'admin')
  @ApiOkResponse({ type: ApplicationEventsResponse })
  events(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<ApplicationEventsResponse> {
    return this.applications.events(actor, id);
  }
}
