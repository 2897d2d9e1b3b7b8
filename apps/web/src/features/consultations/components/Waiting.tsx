import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** "ждёт 2 ч 15 мин" since a request, kept current each minute. */
export function Waiting({ since, until }: { since: string; until?: string | null }) {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (until) return;
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, [until]);
  const end = until ? new Date(until).getTime() : now;
  const minutes = Math.max(0, Math.floor((end - new Date(since).getTime()) / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const text =
    days > 0
      ? t('consultations.waitDays', { days, hours })
      : hours > 0
        ? t('consultations.waitHours', { hours, minutes: minutes % 60 })
        : t('consultations.waitMinutes', { minutes });
  return <span>{until ? t('consultations.waited', { time: text }) : t('consultations.waiting', { time: text })}</span>;
}
