import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  Actor,
  CancelCompetitionDto,
  CompetitionListQuery,
  CompetitionPageResponse,
  CompetitionResponse,
  CompetitionsService,
  CreateCompetitionDto,
  UpdateCompetitionDto,
} from '@grants/domain';
import { ApiDoc } from '../common/api-docs';
import { ReceivedAt } from '../common/arrival';
import { uuidParam } from '../common/validation';
import { CurrentActor, Public, Roles } from '../common/roles.decorator';

@ApiTags('competitions')
@Controller('competitions')
export class CompetitionsController {
  constructor(private readonly competitions: CompetitionsService) {}

  @Post()
  @Roles('admin')
  @ApiCreatedResponse({ type: CompetitionResponse })
  @ApiDoc('Create a draft competition', 'roles', {
    400: 'VALIDATION_FAILED: invalid fields, inconsistent deadlines or amounts',
  })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateCompetitionDto): Promise<CompetitionResponse> {
    return this.competitions.create(actor, dto);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOkResponse({ type: CompetitionResponse })
  @ApiDoc('Change a competition; after publish only description and later deadlines', 'roles', {
    400: true,
    404: true,
    409: 'NOT_EDITABLE: a field that cannot change in the current status',
    422: 'DEADLINE_SHORTENED',
  })
  update(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Body() dto: UpdateCompetitionDto,
  ): Promise<CompetitionResponse> {
    return this.competitions.update(actor, id, dto);
  }

  @Post(':id/publish')
  @HttpCode(200)
  @Roles('admin')
  @ApiOkResponse({ type: CompetitionResponse })
  @ApiDoc('Publish a draft competition (status open)', 'roles', {
    400: true,
    404: true,
    409: 'INVALID_TRANSITION',
    422: 'DEADLINE_PASSED',
  })
  publish(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string): Promise<CompetitionResponse> {
    return this.competitions.publish(actor, id);
  }

  @Post(':id/close')
  @HttpCode(200)
  @Roles('admin')
  @ApiOkResponse({ type: CompetitionResponse })
  @ApiDoc(
    'End submission as the deadline job would (status review): submissions received before this request still count; answers after SUBMIT_GRACE_MS',
    'roles',
    {
      400: true,
      404: true,
      409: 'INVALID_TRANSITION',
      503: 'SERVICE_UNAVAILABLE: the arrival time cannot be read on the database clock; nothing was done',
    },
  )
  close(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @ReceivedAt() receivedAt: Date,
  ): Promise<CompetitionResponse> {
    return this.competitions.close(actor, id, receivedAt);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Roles('admin')
  @ApiOkResponse({ type: CompetitionResponse })
  @ApiDoc('Cancel a competition with a reason', 'roles', { 400: true, 404: true, 409: 'INVALID_TRANSITION' })
  cancel(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Body() dto: CancelCompetitionDto,
  ): Promise<CompetitionResponse> {
    return this.competitions.cancel(actor, id, dto);
  }

  @Post(':id/archive')
  @HttpCode(200)
  @Roles('admin')
  @ApiOkResponse({ type: CompetitionResponse })
  @ApiDoc('Archive a competition whose results are announced (status archived; results stay public)', 'roles', {
    400: true,
    404: true,
    409: 'INVALID_TRANSITION',
  })
  archive(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string): Promise<CompetitionResponse> {
    return this.competitions.archive(actor, id);
  }

  @Get()
  @Public()
  @ApiOkResponse({ type: CompetitionPageResponse })
  @ApiDoc('Published competitions (admins see drafts too)', 'optional', { 400: true })
  list(
    @CurrentActor() actor: Actor | undefined,
    @Query() query: CompetitionListQuery,
  ): Promise<CompetitionPageResponse> {
    return this.competitions.list(actor, query);
  }

  @Get(':id')
  @Public()
  @ApiOkResponse({ type: CompetitionResponse })
  @ApiDoc('A competition (drafts: admins only)', 'optional', { 400: true, 404: true })
  get(
    @CurrentActor() actor: Actor | undefined,
    @Param('id', uuidParam('id')) id: string,
  ): Promise<CompetitionResponse> {
    return this.competitions.get(actor, id);
  }
}
