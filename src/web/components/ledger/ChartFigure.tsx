import { Button, Group, Paper, Text, Title } from '@mantine/core';
import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface ChartFigureProps {
  title: string;
  description?: string;
  chart: ReactNode;
  /**
   * The same figures as a table: for screen readers, for copying, for anyone who prefers it. Left
   * out where the page shows that table under the chart anyway.
   */
  table?: ReactNode;
}

/** A chart with its title and a visible switch to the same data as a table. */
export function ChartFigure({ title, description, chart, table }: ChartFigureProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const [asTable, setAsTable] = useState(false);
  return (
    <Paper withBorder p="md" component="figure" m={0} aria-labelledby={titleId}>
      <Group justify="space-between" align="flex-start" mb="xs">
        <div>
          <Title order={2} size="h4" id={titleId}>
            {title}
          </Title>
          {description ? (
            <Text size="sm" c="dimmed">
              {description}
            </Text>
          ) : null}
        </div>
        {table ? (
          <Button
            variant="default"
            size="xs"
            aria-pressed={asTable}
            onClick={() => setAsTable((v) => !v)}
          >
            {t('ledger.chart.showTable')}
          </Button>
        ) : null}
      </Group>
      {asTable && table ? table : chart}
    </Paper>
  );
}
