import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  Actor,
  CompleteConsultationDto,
  ConsultationDetailResponse,
  ConsultationListQuery,
  ConsultationPageResponse,
  ConsultationResponse,
  ConsultationsService,
  RequestConsultationDto,
} from '@grants/domain';
import { ApiDoc } from '../common/api-docs';
import { uuidParam } from '../common/validation';
import { CurrentActor, Roles } from '../common/roles.decorator';

@ApiTags('consultations')
@Controller()
export class ConsultationsController {
  constructor(private readonly consultations: ConsultationsService) {}

  @Post('applications/:id/consultations')
  @Roles('applicant')
  @ApiCreatedResponse({ type: ConsultationResponse })
  @ApiDoc('Ask the Resource Center to consult on a draft', 'roles', {
    400: true,
    404: true,
    409: 'NOT_EDITABLE, INVALID_TRANSITION',
    422: 'COMPETITION_NOT_OPEN',
  })
  request(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) applicationId: string,
    @Body() dto: RequestConsultationDto,
  ): Promise<ConsultationResponse> {
    return this.consultations.request(actor, applicationId, dto);
  }

  @Get('consultations')
  @Roles('applicant', 'consultant', 'admin')
  @ApiOkResponse({ type: ConsultationPageResponse })
  @ApiDoc('Consultations in the caller’s scope', 'roles', { 400: true })
  list(@CurrentActor() actor: Actor, @Query() query: ConsultationListQuery): Promise<ConsultationPageResponse> {
    return this.consultations.list(actor, query);
  }

  @Get('consultations/:id')
  @Roles('applicant', 'consultant', 'admin')
  @ApiOkResponse({ type: ConsultationDetailResponse })
  @ApiDoc('One consultation: the question, the answer, the verdict and the remarks', 'roles', {
    400: true,
    404: true,
  })
  get(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string): Promise<ConsultationDetailResponse> {
    return this.consultations.get(actor, id);
  }

  @Post('consultations/:id/take')
  @HttpCode(200)
  @Roles('consultant')
  @ApiOkResponse({ type: ConsultationResponse })
  @ApiDoc('Take a requested consultation', 'roles', { 400: true, 404: true, 409: 'ALREADY_TAKEN, INVALID_TRANSITION' })
  take(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string): Promise<ConsultationResponse> {
    return this.consultations.take(actor, id);
  }

  @Post('consultations/:id/complete')
  @HttpCode(200)
  @Roles('consultant')
  @ApiOkResponse({ type: ConsultationResponse })
  @ApiDoc('Complete a taken consultation with a verdict', 'roles', { 400: true, 404: true, 409: 'INVALID_TRANSITION' })
  complete(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Body() dto: CompleteConsultationDto,
  ): Promise<ConsultationResponse> {
    return this.consultations.complete(actor, id, dto);
  }
}
