import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  Actor,
  CompleteConsultationDto,
  ConsultationListQuery,
  ConsultationPageResponse,
  ConsultationResponse,
  ConsultationsService,
  RequestConsultationDto,
} from '@grants/domain';
import { CurrentActor, Roles } from '../common/roles.decorator';

@ApiTags('consultations')
@ApiBearerAuth()
@Controller()
export class ConsultationsController {
  constructor(private readonly consultations: ConsultationsService) {}

  @Post('applications/:id/consultations')
  @Roles('applicant')
  @ApiCreatedResponse({ type: ConsultationResponse })
  request(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) applicationId: string,
    @Body() dto: RequestConsultationDto,
  ): Promise<ConsultationResponse> {
    return this.consultations.request(actor, applicationId, dto);
  }

  @Get('consultations')
  @Roles('applicant', 'consultant', 'admin')
  @ApiOkResponse({ type: ConsultationPageResponse })
  list(@CurrentActor() actor: Actor, @Query() query: ConsultationListQuery): Promise<ConsultationPageResponse> {
    return this.consultations.list(actor, query);
  }

  @Post('consultations/:id/take')
  @HttpCode(200)
  @Roles('consultant')
  @ApiOkResponse({ type: ConsultationResponse })
  @ApiConflictResponse({ description: 'ALREADY_TAKEN' })
  take(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<ConsultationResponse> {
    return this.consultations.take(actor, id);
  }

  @Post('consultations/:id/complete')
  @HttpCode(200)
  @Roles('consultant')
  @ApiOkResponse({ type: ConsultationResponse })
  complete(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CompleteConsultationDto,
  ): Promise<ConsultationResponse> {
    return this.consultations.complete(actor, id, dto);
  }
}
