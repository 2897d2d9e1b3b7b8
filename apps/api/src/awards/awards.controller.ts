import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  Actor,
  AnnounceResultsDto,
  AnnouncementResponse,
  AwardProposalResponse,
  AwardsService,
  PublicResultsResponse,
  RankingResponse,
} from '@grants/domain';
import { CurrentActor, Public, Roles } from '../common/roles.decorator';

@ApiTags('awards')
@Controller('competitions/:id')
export class AwardsController {
  constructor(private readonly awards: AwardsService) {}

  @Get('ranking')
  @Roles('admin')
  @ApiBearerAuth()
  @ApiOkResponse({ type: RankingResponse })
  ranking(@Param('id', ParseUUIDPipe) id: string): Promise<RankingResponse> {
    return this.awards.ranking(id);
  }

  @Get('award-proposal')
  @Roles('admin')
  @ApiBearerAuth()
  @ApiOkResponse({ type: AwardProposalResponse })
  proposal(@Param('id', ParseUUIDPipe) id: string): Promise<AwardProposalResponse> {
    return this.awards.proposal(id);
  }

  @Post('results')
  @HttpCode(200)
  @Roles('admin')
  @ApiBearerAuth()
  @ApiOkResponse({ type: AnnouncementResponse })
  announce(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: AnnounceResultsDto,
  ): Promise<AnnouncementResponse> {
    return this.awards.announce(actor, id, dto);
  }

  @Get('results')
  @Public()
  @ApiOkResponse({ type: PublicResultsResponse })
  results(@Param('id', ParseUUIDPipe) id: string): Promise<PublicResultsResponse> {
    return this.awards.publicResults(id);
  }
}
