import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  Actor,
  ConflictPageResponse,
  DeclaredConflictResponse,
  DeclareConflictDto,
  DeclineReviewDto,
  PageQuery,
  ReviewListQuery,
  ReviewPageResponse,
  ReviewResponse,
  ReviewsService,
  SaveReviewDto,
} from '@grants/domain';
import { ApiDoc } from '../common/api-docs';
import { uuidParam } from '../common/validation';
import { CurrentActor, Roles } from '../common/roles.decorator';

@ApiTags('reviews')
@Controller('reviews')
export class ReviewsController {
  constructor(private readonly reviews: ReviewsService) {}

  // Static routes first: `conflicts` is not a review id.
  @Post('conflicts')
  @Roles('expert')
  @ApiCreatedResponse({ type: DeclaredConflictResponse })
  @ApiDoc('Declare a conflict of interest with an organization, by its id or its INN', 'roles', {
    400: 'VALIDATION_FAILED: neither or both of organizationId and inn, a bad INN checksum, no reason',
    404: 'NOT_FOUND: no registered organization with this id or INN',
    409: 'CONFLICT: already declared',
  })
  declareConflict(@CurrentActor() actor: Actor, @Body() dto: DeclareConflictDto): Promise<DeclaredConflictResponse> {
    return this.reviews.declareConflict(actor, dto);
  }

  @Get('conflicts')
  @Roles('expert')
  @ApiOkResponse({ type: ConflictPageResponse })
  @ApiDoc('The expert’s declared conflicts', 'roles', { 400: true })
  listConflicts(@CurrentActor() actor: Actor, @Query() page: PageQuery): Promise<ConflictPageResponse> {
    return this.reviews.listConflicts(actor, page);
  }

  @Get()
  @Roles('expert', 'admin')
  @ApiOkResponse({ type: ReviewPageResponse })
  @ApiDoc('Reviews: an expert’s own, all for admins', 'roles', { 400: true })
  list(@CurrentActor() actor: Actor, @Query() query: ReviewListQuery): Promise<ReviewPageResponse> {
    return this.reviews.list(actor, query);
  }

  @Get(':id')
  @Roles('expert', 'admin')
  @ApiOkResponse({ type: ReviewResponse })
  @ApiDoc('A review (the expert or an admin)', 'roles', { 400: true, 404: true })
  get(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string): Promise<ReviewResponse> {
    return this.reviews.get(actor, id);
  }

  @Put(':id')
  @Roles('expert')
  @ApiOkResponse({ type: ReviewResponse })
  @ApiDoc('Save scores and comment of an unsubmitted review', 'roles', {
    400: 'VALIDATION_FAILED: a score outside 0..maxScore or an unknown criterion',
    404: true,
    409: 'INVALID_TRANSITION',
  })
  save(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Body() dto: SaveReviewDto,
  ): Promise<ReviewResponse> {
    return this.reviews.save(actor, id, dto);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @Roles('expert')
  @ApiOkResponse({ type: ReviewResponse })
  @ApiDoc('Submit the review', 'roles', {
    404: true,
    409: 'INVALID_TRANSITION',
    422: 'INCOMPLETE: a criterion left unscored',
  })
  submit(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string): Promise<ReviewResponse> {
    return this.reviews.submit(actor, id);
  }

  @Post(':id/decline')
  @HttpCode(200)
  @Roles('expert')
  @ApiOkResponse({ type: ReviewResponse })
  @ApiDoc('Decline the review with a reason', 'roles', { 400: true, 404: true, 409: 'INVALID_TRANSITION' })
  decline(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Body() dto: DeclineReviewDto,
  ): Promise<ReviewResponse> {
    return this.reviews.decline(actor, id, dto);
  }
}
