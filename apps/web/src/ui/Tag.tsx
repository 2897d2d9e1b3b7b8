import type { ReactNode } from 'react';
import classes from './Tag.module.css';

export type TagColor = 'green' | 'blue' | 'yellow' | 'gray' | 'red';

/** A status label (dark text on a pale tint: readable at AA contrast in every colour). */
export function Tag({
  color = 'gray',
  children,
  size = 'sm',
}: {
  color?: TagColor;
  children: ReactNode;
  size?: 'sm' | 'md';
}) {
  return (
    <span className={classes.tag} data-color={color} data-size={size}>
      {children}
    </span>
  );
}
