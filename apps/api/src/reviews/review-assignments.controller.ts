import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiExtraModels, ApiOkResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import {
  Actor,
  ApplicationReviewsResponse,
  AssignmentDto,
  AssignmentService,
  AutoAssignmentResponse,
  ExpertLoadResponse,
  ExpertStatisticsService,
  ReviewResponse,
  ReviewsService,
} from '@grants/domain';
import { ApiDoc } from '../common/api-docs';
import { uuidParam } from '../common/validation';
import { CurrentActor, Roles } from '../common/roles.decorator';

/** Review endpoints that hang under competitions and applications. */
@ApiTags('reviews')
@Controller()
@ApiExtraModels(ReviewResponse, AutoAssignmentResponse)
export class ReviewAssignmentsController {
  constructor(
    private readonly assignments: AssignmentService,
    private readonly experts: ExpertStatisticsService,
    private readonly reviews: ReviewsService,
  ) {}

  @Post('competitions/:id/assignments')
  @Roles('admin')
  @ApiCreatedResponse({
    description: '`{applicationId, expertId}` → the review; `{auto: true}` → `{created, unfilled}`',
    schema: { oneOf: [{ $ref: getSchemaPath(ReviewResponse) }, { $ref: getSchemaPath(AutoAssignmentResponse) }] },
  })
  @ApiDoc('Assign an expert to an application, or auto-assign all', 'roles', {
    400: true,
    404: true,
    409: 'CONFLICT: already assigned; INVALID_TRANSITION',
    422: 'CONFLICT_OF_INTEREST',
  })
  assign(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Body() dto: AssignmentDto,
  ): Promise<ReviewResponse | AutoAssignmentResponse> {
    return this.assignments.assign(actor, id, dto);
  }

  @Get('competitions/:id/experts')
  @Roles('admin')
  @ApiOkResponse({ type: ExpertLoadResponse })
  @ApiDoc('Experts of the competition with their load and leniency', 'roles', { 400: true, 404: true })
  expertLoad(@Param('id', uuidParam('id')) id: string): Promise<ExpertLoadResponse> {
    return this.experts.forCompetition(id);
  }

  @Get('applications/:id/reviews')
  @Roles('applicant', 'admin')
  @ApiOkResponse({ type: ApplicationReviewsResponse })
  @ApiDoc('Reviews of an application (anonymised for its owner after announcement)', 'roles', { 400: true, 404: true })
  applicationReviews(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
  ): Promise<ApplicationReviewsResponse> {
    return this.reviews.forApplication(actor, id);
  }
}
