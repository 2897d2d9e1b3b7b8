/**
 * dayjs with the utc/timezone plugins and Russian, for pages that parse or compute dates (editors,
 * staff areas). Public pages format with ui/time.ts (Intl) and never load it.
 */
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';
import 'dayjs/locale/ru';

dayjs.extend(utc);
dayjs.extend(timezone);

export { dayjs };
