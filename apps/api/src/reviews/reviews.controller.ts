import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
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
import { CurrentActor, Roles } from '../common/roles.decorator';

@ApiTags('reviews')
@ApiBearerAuth()
@Controller('reviews')
export class ReviewsController {
  constructor(private readonly reviews: ReviewsService) {}

  // Static routes first: `conflicts` is not a review id.
  @Post('conflicts')
  @Roles('expert')
  @ApiCreatedResponse({ type: DeclaredConflictResponse })
  declareConflict(@CurrentActor() actor: Actor, @Body() dto: DeclareConflictDto): Promise<DeclaredConflictResponse> {
    return this.reviews.declareConflict(actor, dto);
  }

  @Get('conflicts')
  @Roles('expert')
  @ApiOkResponse({ type: ConflictPageResponse })
  listConflicts(@CurrentActor() actor: Actor, @Query() page: PageQuery): Promise<ConflictPageResponse> {
    return this.reviews.listConflicts(actor, page);
  }

  @Get()
  @Roles('expert', 'admin')
  @ApiOkResponse({ type: ReviewPageResponse })
  list(@CurrentActor() actor: Actor, @Query() query: ReviewListQuery): Promise<ReviewPageResponse> {
    return this.reviews.list(actor, query);
  }

  @Get(':id')
  @Roles('expert', 'admin')
  @ApiOkResponse({ type: ReviewResponse })
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<ReviewResponse> {
    return this.reviews.get(actor, id);
  }

  @Put(':id')
  @Roles('expert')
  @ApiOkResponse({ type: ReviewResponse })
  save(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: SaveReviewDto,
  ): Promise<ReviewResponse> {
    return this.reviews.save(actor, id, dto);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @Roles('expert')
  @ApiOkResponse({ type: ReviewResponse })
  submit(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<ReviewResponse> {
    return this.reviews.submit(actor, id);
  }

  @Post(':id/decline')
  @HttpCode(200)
  @Roles('expert')
  @ApiOkResponse({ type: ReviewResponse })
  decline(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: DeclineReviewDto,
  ): Promise<ReviewResponse> {
    return this.reviews.decline(actor, id, dto);
  }
}
