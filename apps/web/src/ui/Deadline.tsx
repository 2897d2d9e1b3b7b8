import { useEffect, useState } from 'react';
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime, remaining, utcOffset, visitorZone } from './time';

/** The name of a zone for people: "Красноярск", else the IANA city ("Asia/Ho_Chi_Minh" → "Ho Chi Minh"). */
export function useZoneName() {
  const { t } = useTranslation();
  return (zone: string) =>
    t(`zones.${zone.replace(/\//g, '_')}`, { defaultValue: zone.split('/').pop()!.replace(/_/g, ' ') });
}

/** "23:59, 15 декабря 2026, Красноярск (UTC+7)" — an instant in a competition's zone, with the visitor's when it differs. */
export function ZonedTime({ at, zone }: { at: string; zone: string }) {
  const { t, i18n } = useTranslation();
  const zoneName = useZoneName();
  const mine = visitorZone();
  const differs = utcOffset(at, mine) !== utcOffset(at, zone);
  return (
    <>
      <time dateTime={at}>{formatDateTime(at, zone, i18n.language)}</time>, {zoneName(zone)} ({utcOffset(at, zone)})
      {differs && (
        <Text span c="dimmed" size="sm">
          {' '}
          · {t('time.yours', { time: formatDateTime(at, mine, i18n.language), offset: utcOffset(at, mine) })}
        </Text>
      )}
    </>
  );
}

/** A countdown that ticks every second: "осталось 3 дня 04:12:09", then "срок истёк". */
export function Countdown({ to, onElapsed }: { to: string; onElapsed?: () => void }) {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  const left = remaining(to, now);
  const elapsed = left.ms === 0;
  useEffect(() => {
    if (elapsed) {
      onElapsed?.();
      return;
    }
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [elapsed, onElapsed]);
  if (elapsed) return <span>{t('time.elapsed')}</span>;
  const clock = [left.hours, left.minutes, left.seconds].map((n) => String(n).padStart(2, '0')).join(':');
  // The ticking part is hidden from screen readers (a live region every second would drown them).
  return (
    <span>
      <span className="visually-hidden">{t('time.leftAccessible', { count: left.days, hours: left.hours })}</span>
      <span aria-hidden="true">
        {left.days > 0 ? t('time.leftDays', { count: left.days, clock }) : t('time.left', { clock })}
      </span>
    </span>
  );
}

/** A deadline: when (in the competition's zone, named) and how long is left, ticking. */
export function Deadline({ at, zone, label }: { at: string; zone: string; label?: string }) {
  const { t } = useTranslation();
  return (
    <div>
      <Text size="sm" c="dimmed">
        {label ?? t('time.deadline')}
      </Text>
      <Text fw={600}>
        <ZonedTime at={at} zone={zone} />
      </Text>
      <Text size="sm" c="blue.8" fw={500}>
        <Countdown to={at} />
      </Text>
    </div>
  );
}
