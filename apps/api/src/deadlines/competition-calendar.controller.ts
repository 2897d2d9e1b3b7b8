import { Controller, Get, Header, Param } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CompetitionCalendar } from '@grants/domain';
import { ApiDoc } from '../common/api-docs';
import { Public } from '../common/roles.decorator';

@ApiTags('competitions')
@Controller('competitions')
export class CompetitionCalendarController {
  constructor(private readonly calendar: CompetitionCalendar) {}

  @Public()
  @Get(':id/calendar.ics')
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @Header('Content-Disposition', 'inline; filename="competition.ics"')
  @ApiDoc("The competition's deadlines as an iCalendar feed (published competitions only)", 'public', {
    404: 'NOT_FOUND: no such published competition',
  })
  @ApiOkResponse({ description: 'text/calendar', schema: { type: 'string' } })
  @ApiProduces('text/calendar')
  feed(@Param('id') id: string): Promise<string> {
    return this.calendar.ics(id);
  }
}
