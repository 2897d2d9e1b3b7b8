import type { ReactNode } from 'react';
import { Anchor, Paper, Text } from '@mantine/core';
import { Link } from 'react-router';

/** One figure with its label; a link when there is somewhere to act on it. */
export function StatTile({ label, value, to }: { label: string; value: ReactNode; to?: string }) {
  const figure = (
    <Text fz={28} fw={700} lh={1.2} style={{ fontVariantNumeric: 'tabular-nums' }}>
      {value}
    </Text>
  );
  return (
    <Paper withBorder p="md" radius="md">
      {to ? (
        <Anchor component={Link} to={to} underline="hover" c="inherit">
          {figure}
          <Text size="sm">{label}</Text>
        </Anchor>
      ) : (
        <>
          {figure}
          <Text size="sm">{label}</Text>
        </>
      )}
    </Paper>
  );
}
