import type { ReactNode } from 'react';
import classes from './Table.module.css';

/** A plain data table that scrolls sideways inside its box on a phone (the page itself never does). */
export function Table({ children, minWidth, label }: { children: ReactNode; minWidth?: number; label: string }) {
  return (
    <div className={classes.scroll} role="region" tabIndex={0} aria-label={label}>
      <table className={classes.table} style={minWidth ? { minWidth } : undefined}>
        {children}
      </table>
    </div>
  );
}

/** Class of numeric cells (right-aligned, tabular figures). */
export const num = classes.num;
