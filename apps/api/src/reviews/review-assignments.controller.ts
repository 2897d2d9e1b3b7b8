import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
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
import { CurrentActor, Roles } from '../common/roles.decorator';

/** Review endpoints that hang under competitions and applications. */
@ApiTags('reviews')
@ApiBearerAuth()
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
  assign(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: AssignmentDto,
  ): Promise<ReviewResponse | AutoAssignmentResponse> {
    return this.assignments.assign(actor, id, dto);
  }

  @Get('competitions/:id/experts')
  @Roles('admin')
  @ApiOkResponse({ type: ExpertLoadResponse })
  expertLoad(@Param('id', ParseUUIDPipe) id: string): Promise<ExpertLoadResponse> {
    return this.experts.forCompetition(id);
  }

  @Get('applications/:id/reviews')
  @Roles('applicant', 'admin')
  @ApiOkResponse({ type: ApplicationReviewsResponse })
  applicationReviews(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<ApplicationReviewsResponse> {
    return this.reviews.forApplication(actor, id);
  }
}
