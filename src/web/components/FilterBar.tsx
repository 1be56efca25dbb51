import { Group, type MantineSpacing, Paper } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A list's filters, as a search landmark. Each field applies as it changes, so submitting (Enter in
 * the search box) does nothing.
 */
export function FilterBar({
  label,
  gap = 'lg',
  children,
}: {
  label: string;
  gap?: MantineSpacing;
  children: ReactNode;
}) {
  return (
    <Paper
      withBorder
      p="md"
      component="form"
      role="search"
      aria-label={label}
      onSubmit={(event) => event.preventDefault()}
    >
      <Group align="flex-end" gap={gap}>
        {children}
      </Group>
    </Paper>
  );
}
