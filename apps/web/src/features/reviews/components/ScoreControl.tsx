import { TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { fieldId } from '../../../ui/fields';
import { localTitle } from '../../competitions/hooks/useCompetitions';
import classes from './ScoreControl.module.css';

export interface Criterion {
  code: string;
  title: string;
  titleEn?: string;
  weight: number;
  maxScore: number;
}

/** Radio buttons for a scale up to this long; a longer one is typed. */
const MAX_BUTTONS = 20;

/**
 * One criterion's score: its title, weight and scale as the legend of a group of radios named
 * `scores.<code>` (arrow keys move between points), or a number field for long scales.
 */
export function ScoreControl({
  criterion: k,
  value,
  onChange,
  disabled,
}: {
  criterion: Criterion;
  value: number | undefined;
  onChange: (value: number | undefined) => void;
  disabled?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const name = `scores.${k.code}`;
  const title = localTitle(k, i18n.language);
  const meta = t('review.criterionMeta', { weight: k.weight, max: k.maxScore });
  if (k.maxScore > MAX_BUTTONS) {
    return (
      <TextInput
        label={title}
        description={meta}
        name={name}
        id={fieldId(name)}
        inputMode="numeric"
        autoComplete="off"
        disabled={disabled}
        value={value === undefined ? '' : String(value)}
        onChange={(e) => {
          const text = e.currentTarget.value.trim();
          const n = Number(text);
          onChange(text === '' || !Number.isInteger(n) ? undefined : n);
        }}
      />
    );
  }
  const points = Array.from({ length: k.maxScore + 1 }, (_, i) => i);
  return (
    <fieldset className={classes.fieldset} id={fieldId(name)} data-unscored={value === undefined || undefined}>
      <legend className={classes.legend}>
        {title}
        <span className={classes.meta}>
          {meta}
          {value === undefined && ` · ${t('review.unscored')}`}
        </span>
      </legend>
      <div className={classes.scale}>
        {points.map((p) => {
          const id = `${fieldId(name)}-${p}`;
          return (
            <div key={p} className={classes.option}>
              <input
                type="radio"
                id={id}
                name={name}
                value={p}
                checked={value === p}
                disabled={disabled}
                onChange={() => onChange(p)}
              />
              <label htmlFor={id}>{p}</label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
