import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  Actor,
  AnnounceResultsDto,
  AnnouncementResponse,
  AwardProposalResponse,
  AwardsService,
  PublicResultsResponse,
  RankingResponse,
} from '@grants/domain';
import { ApiDoc } from '../common/api-docs';
import { uuidParam } from '../common/validation';
import { CurrentActor, Public, Roles } from '../common/roles.decorator';

@ApiTags('awards')
@Controller('competitions/:id')
export class AwardsController {
  constructor(private readonly awards: AwardsService) {}

  @Get('ranking')
  @Roles('admin')
  @ApiOkResponse({ type: RankingResponse })
  @ApiDoc('Applications of the competition ranked by score', 'roles', { 400: true, 404: true })
  ranking(@Param('id', uuidParam('id')) id: string): Promise<RankingResponse> {
    return this.awards.ranking(id);
  }

  @Get('award-proposal')
  @Roles('admin')
  @ApiOkResponse({ type: AwardProposalResponse })
  @ApiDoc('Proposed awards by rank within the budget', 'roles', { 400: true, 404: true })
  proposal(@Param('id', uuidParam('id')) id: string): Promise<AwardProposalResponse> {
    return this.awards.proposal(id);
  }

  @Post('results')
  @HttpCode(200)
  @Roles('admin')
  @ApiOkResponse({ type: AnnouncementResponse })
  @ApiDoc('Announce the results with the awarded amounts', 'roles', {
    400: true,
    404: true,
    409: 'ALREADY_ANNOUNCED, INVALID_TRANSITION',
    422: 'BUDGET_EXCEEDED, NOT_REVIEWED, AMOUNT_EXCEEDS_MAX',
  })
  announce(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @Body() dto: AnnounceResultsDto,
  ): Promise<AnnouncementResponse> {
    return this.awards.announce(actor, id, dto);
  }

  @Get('results')
  @Public()
  @ApiOkResponse({ type: PublicResultsResponse })
  @ApiDoc('Public results of an announced competition', 'public', {
    400: true,
    404: 'NOT_FOUND: no such competition or results not announced yet',
  })
  results(@Param('id', uuidParam('id')) id: string): Promise<PublicResultsResponse> {
    return this.awards.publicResults(id);
  }
}
