import { Box, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Remark } from '../hooks/useApplication';

/** The consultant's remarks on one field, shown beside it. */
export function RemarkNote({ remarks }: { remarks: Remark[] }) {
  const { t } = useTranslation();
  if (!remarks.length) return null;
  return (
    <Box
      component="span"
      display="block"
      mt={4}
      mb={4}
      px="sm"
      py={6}
      bg="yellow.0"
      style={{ borderLeft: '4px solid var(--mantine-color-yellow-7)', borderRadius: 4 }}
    >
      {remarks.map((r, i) => (
        <Text key={i} component="span" display="block" size="sm" c="dark.7">
          <strong>{t('draft.remark')}:</strong> {r.text}
        </Text>
      ))}
    </Box>
  );
}
