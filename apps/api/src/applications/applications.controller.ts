import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  Actor,
  ApplicationChecklistResponse,
  ApplicationEventsResponse,
  ApplicationListQuery,
  ApplicationPageResponse,
  ApplicationResponse,
  ApplicationSnapshotResponse,
  ApplicationsService,
  CreateApplicationDto,
  DomainError,
  IneligibleDto,
  UpdateApplicationDto,
  WithdrawDto,
} from '@grants/domain';
import { ApiDoc } from '../common/api-docs';
import { ReceivedAt, ShedArrivals } from '../common/arrival';
import { uuidParam } from '../common/validation';
import { CurrentActor, Roles } from '../common/roles.decorator';

@ApiTags('applications')
@Controller()
export class ApplicationsController {
  constructor(
    private readonly applications: ApplicationsService,
    private readonly shed: ShedArrivals,
  ) {}

  @Post('competitions/:id/applications')
  @Roles('applicant')
  @ApiCreatedResponse({ type: ApplicationResponse })
  @ApiDoc('Start a draft application in an open competition', 'roles', {
    400: true,
    404: true,
    422: 'COMPETITION_NOT_OPEN',
  })
  create(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) competitionId: string,
    @Body() dto: CreateApplicationDto,
  ): Promise<ApplicationResponse> {
    return this.applications.create(actor, competitionId, dto);
  }

  @Get('applications')
  @ApiOkResponse({ type: ApplicationPageResponse })
  @ApiDoc('Applications in the caller’s scope', 'user', { 400: true })
  list(@CurrentActor() actor: Actor, @Query() query: ApplicationListQuery): Promise<ApplicationPageResponse> {
    return this.applications.list(actor, query);
  }

  @Get('applications/:id')
  @ApiOkResponse({ type: ApplicationResponse })
  @ApiDoc('An application in the caller’s scope', 'user', { 400: true, 404: true })
  get(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string): Promise<ApplicationResponse> {
    return this.applications.get(actor, id);
  }

  @Patch('applications/:id')
  @Roles('applicant')
  @ApiOkResponse({ type: ApplicationResponse })
  @ApiDoc('Change a draft application', 'roles', { 400: true, 404: true, 409: 'NOT_EDITABLE' })
  update(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Body() dto: UpdateApplicationDto,
  ): Promise<ApplicationResponse> {
    return this.applications.update(actor, id, dto);
  }

  @Post('applications/:id/submit')
  @HttpCode(200)
  @Roles('applicant')
  @ApiOkResponse({ type: ApplicationResponse })
  @ApiHeader({
    name: 'x-request-id',
    required: false,
    schema: { type: 'string', format: 'uuid' },
    description:
      'One id for all attempts of one submit: a retry that arrives after the deadline counts from the arrival of an attempt of the same id answered 503 by the full server',
  })
  @ApiDoc('Submit the application; it gets its registration number', 'roles', {
    404: true,
    409: 'NOT_EDITABLE',
    422: 'DEADLINE_PASSED, NOT_OPEN_YET, INCOMPLETE, AMOUNT_EXCEEDS_MAX, COFINANCING_TOO_LOW, BUDGET_MISMATCH, PROJECT_DATES_INVALID, DOCUMENTS_MISSING',
    503: 'SERVICE_UNAVAILABLE: too many submissions in flight, or the arrival time cannot be read on the database clock; nothing was done, retry after `Retry-After` seconds',
  })
  async submit(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @ReceivedAt() receivedAt: Date,
    @Headers('x-request-id') requestId?: string,
  ): Promise<ApplicationResponse> {
    try {
      return await this.applications.submit(actor, id, receivedAt);
    } catch (error) {
      // Late by its own arrival: a retry of a submit the door turned away (same X-Request-Id) counts from
      // that first arrival. Only late ones ask Redis, so the rush before the deadline never waits for it.
      if (!(error instanceof DomainError && error.code === 'DEADLINE_PASSED') || !requestId) throw error;
      const first = await this.shed.earliest(id, requestId, receivedAt);
      if (first.getTime() >= receivedAt.getTime()) throw error;
      return this.applications.submit(actor, id, first);
    }
  }

  @Post('applications/:id/withdraw')
  @HttpCode(200)
  @Roles('applicant')
  @ApiOkResponse({ type: ApplicationResponse })
  @ApiDoc('Withdraw the application before the deadline', 'roles', {
    400: true,
    404: true,
    409: 'INVALID_TRANSITION',
    422: 'DEADLINE_PASSED',
  })
  withdraw(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Body() dto: WithdrawDto,
  ): Promise<ApplicationResponse> {
    return this.applications.withdraw(actor, id, dto);
  }

  @Post('applications/:id/ineligible')
  @HttpCode(200)
  @Roles('admin')
  @ApiOkResponse({ type: ApplicationResponse })
  @ApiDoc('Mark a submitted application ineligible, with a reason', 'roles', {
    400: true,
    404: true,
    409: 'INVALID_TRANSITION',
  })
  ineligible(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Body() dto: IneligibleDto,
  ): Promise<ApplicationResponse> {
    return this.applications.markIneligible(actor, id, dto);
  }

  @Get('applications/:id/checklist')
  @Roles('applicant', 'consultant', 'admin')
  @ApiOkResponse({ type: ApplicationChecklistResponse })
  @ApiDoc('The submit rules as they stand now, each passed or failed, in submit’s order', 'roles', {
    400: true,
    404: true,
  })
  checklist(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
  ): Promise<ApplicationChecklistResponse> {
    return this.applications.checklist(actor, id);
  }

  @Get('applications/:id/snapshot')
  @ApiOkResponse({ type: ApplicationSnapshotResponse })
  @ApiDoc('The frozen content of a submitted application (documents included) and its SHA-256', 'user', {
    400: true,
    404: 'NOT_FOUND: no such application in the caller’s scope, or it was never submitted',
  })
  snapshot(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
  ): Promise<ApplicationSnapshotResponse> {
    return this.applications.snapshot(actor, id);
  }

  @Get('applications/:id/events')
  @Roles('applicant', 'admin')
  @ApiOkResponse({ type: ApplicationEventsResponse })
  @ApiDoc('Status history of the application', 'roles', { 400: true, 404: true })
  events(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string): Promise<ApplicationEventsResponse> {
    return this.applications.events(actor, id);
  }
}
