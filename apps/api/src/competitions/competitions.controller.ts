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
  CancelCompetitionDto,
  CompetitionListQuery,
  CompetitionPageResponse,
  CompetitionResponse,
  CompetitionsService,
  CreateCompetitionDto,
  UpdateCompetitionDto,
} from '@grants/domain';
import { CurrentActor, Public, Roles } from '../common/roles.decorator';

@ApiTags('competitions')
@ApiBearerAuth()
@Controller('competitions')
export class CompetitionsController {
  constructor(private readonly competitions: CompetitionsService) {}

  @Post()
  @Roles('admin')
  @ApiCreatedResponse({ type: CompetitionResponse })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateCompetitionDto): Promise<CompetitionResponse> {
    return this.competitions.create(actor, dto);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOkResponse({ type: CompetitionResponse })
  @ApiConflictResponse({ description: 'NOT_EDITABLE: a field that cannot change in the current status' })
  @ApiUnprocessableEntityResponse({ description: 'DEADLINE_SHORTENED' })
  update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateCompetitionDto,
  ): Promise<CompetitionResponse> {
    return this.competitions.update(actor, id, dto);
  }

  @Post(':id/publish')
  @HttpCode(200)
  @Roles('admin')
  @ApiOkResponse({ type: CompetitionResponse })
  publish(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<CompetitionResponse> {
    return this.competitions.publish(actor, id);
  }

  @Post(':id/close')
  @HttpCode(200)
  @Roles('admin')
  @ApiOkResponse({ type: CompetitionResponse })
  close(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<CompetitionResponse> {
    return this.competitions.close(actor, id);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Roles('admin')
  @ApiOkResponse({ type: CompetitionResponse })
  cancel(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CancelCompetitionDto,
  ): Promise<CompetitionResponse> {
    return this.competitions.cancel(actor, id, dto);
  }

  @Get()
  @Public()
  @ApiOkResponse({ type: CompetitionPageResponse })
  list(
    @CurrentActor() actor: Actor | undefined,
    @Query() query: CompetitionListQuery,
  ): Promise<CompetitionPageResponse> {
    return this.competitions.list(actor, query);
  }

  @Get(':id')
  @Public()
  @ApiOkResponse({ type: CompetitionResponse })
  get(@CurrentActor() actor: Actor | undefined, @Param('id', ParseUUIDPipe) id: string): Promise<CompetitionResponse> {
    return this.competitions.get(actor, id);
  }
}
