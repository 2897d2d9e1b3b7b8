import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createEvents, EventAttributes } from 'ics';
import { DataSource } from 'typeorm';
import { AppConfig } from '@grants/config';
import { Competition } from '../competitions/competition.entity';
import { notFound } from '../shared/domain-error';
import { foldIcal } from './ical-fold';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** "17 октября 2026 г., 23:30 (Asia/Krasnoyarsk)": how the feed's texts name a time. */
function localTime(at: Date, timeZone: string): string {
  const date = new Intl.DateTimeFormat('ru-RU', { timeZone, day: 'numeric', month: 'long', year: 'numeric' }).format(
    at,
  );
  const time = new Intl.DateTimeFormat('ru-RU', { timeZone, hour: '2-digit', minute: '2-digit' }).format(at);
  return `${date}, ${time} (${timeZone})`;
}

/**
 * The competition's deadlines as an iCalendar feed, so NGOs and experts can subscribe in their calendar.
 * Event UIDs are stable and SEQUENCE follows the competition's version, so an extended deadline
 * moves the existing event in subscribed calendars instead of adding a second one.
 */
@Injectable()
export class CompetitionCalendar {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  async ics(competitionId: string): Promise<string> {
    if (!UUID_RE.test(competitionId)) throw notFound('Competition');
    const c = await this.dataSource.getRepository(Competition).findOneBy({ id: competitionId });
    // Drafts, and competitions cancelled before publication, were never public.
    if (!c || c.status === 'draft' || !c.publishedAt) throw notFound('Competition');

    const url = `${this.config.values.APP_URL}/competitions/${c.id}`;
    const host = new URL(this.config.values.APP_URL).hostname;
    const status = c.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED';
    const event = (
      kind: string,
      at: Date,
      title: string,
      description: string,
      alarms: EventAttributes['alarms'] = [],
    ): EventAttributes => ({
      uid: `${kind}-${c.id}@${host}`,
      sequence: c.version,
      start: at.getTime(),
      startInputType: 'utc',
      startOutputType: 'utc',
      // A deadline is a moment: a zero-length event (DTEND = DTSTART), which calendars show as such.
      end: at.getTime(),
      endInputType: 'utc',
      endOutputType: 'utc',
      title: `${title}: ${c.title}`,
      description: `${description}: ${localTime(at, c.timezone)}.\n${url}`,
      url,
      status,
      busyStatus: 'FREE',
      transp: 'TRANSPARENT',
      categories: ['Грантовый конкурс'],
      lastModified: c.updatedAt.getTime(),
      alarms,
    });
    const { error, value } = createEvents(
      [
        event('submission-opens', c.submissionOpensAt, 'Начало приёма заявок', 'Приём заявок открывается'),
        event('submission-deadline', c.submissionDeadline, 'Окончание приёма заявок', 'Заявки принимаются до', [
          { action: 'display', description: 'Завтра заканчивается приём заявок', trigger: { hours: 24, before: true } },
        ]),
        event('review-deadline', c.reviewDeadline, 'Окончание экспертизы', 'Экспертные оценки принимаются до', [
          {
            action: 'display',
            description: 'Завтра заканчивается экспертиза заявок',
            trigger: { hours: 24, before: true },
          },
        ]),
      ],
      { productId: '-//Resource Center//Grants//RU', calName: c.title },
    );
    if (error || !value) throw error ?? new Error('iCalendar feed could not be built');
    // The library folds at 75 characters; RFC 5545 counts octets.
    return foldIcal(value);
  }
}
