import { Alert, List, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportCounts, ImportReport } from '../../../core/ledger-import/ledger-import.schema';
import { useLocale } from '../use-locale';
import { formatNumber } from './format';

// Dark enough for the alert's bold title on its own light tint (AA); Mantine's defaults are not.
const OUTCOME_COLORS = {
  written: '#1e6b34',
  refused: '#9b1c1c',
  checked: '#1c4a94',
  nothing: '#1c4a94',
} as const;

/** Enough problems to fix a file by; a file with thousands has one mistake repeated. */
const SHOWN_PROBLEMS = 200;

function Counts({ counts, title }: { counts: ImportCounts; title: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const figures = ['rows', 'created', 'unchanged', 'skipped', 'refused'] as const;
  return (
    <Stack gap={4}>
      <Text fw={600} size="sm">
        {title}
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 5 }} component="dl" m={0} spacing="xs">
        {figures.map((key) => (
          <Paper key={key} withBorder p="xs">
            <Text component="dt" size="xs" c="dimmed">
              {t(`ledger.import.counts.${key}`)}
            </Text>
            <Text component="dd" m={0} fw={700} data-testid={`import-${key}`}>
              {formatNumber(counts[key], locale)}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
    </Stack>
  );
}

/** What an import found and did: counts, every problem at its line and column, the reader's notes. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const refused = report.problems.length > 0;
  const outcome: keyof typeof OUTCOME_COLORS = report.written
    ? 'written'
    : refused
      ? 'refused'
      : report.dryRun && report.counts.created > 0
        ? 'checked'
        : 'nothing';
  return (
    <Stack gap="sm" data-testid="import-report">
      <Alert
        color={OUTCOME_COLORS[outcome]}
        title={t(`ledger.import.outcome.${outcome}`, { file: report.file })}
      >
        {t(`ledger.import.outcomeHint.${outcome}`, {
          count: report.counts.created,
          problems: report.problems.length,
        })}
      </Alert>
      <Counts counts={report.counts} title={t(`ledger.import.kind.${report.kind}`)} />
      {report.deliveries ? (
        <Counts counts={report.deliveries} title={t('ledger.import.kind.deliveries')} />
      ) : null}
      {refused ? (
        <section aria-labelledby="import-problems">
          <Title order={3} size="h4" id="import-problems" mb="xs">
            {t('ledger.import.problems', { count: report.problems.length })}
          </Title>
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing={4} data-testid="import-problems">
              <caption className="visually-hidden">{t('ledger.import.problemsCaption')}</caption>
              <Table.Thead>
                <Table.Tr>
                  {report.format === 'xlsx' ? (
                    <Table.Th scope="col">{t('ledger.import.sheet')}</Table.Th>
                  ) : null}
                  <Table.Th scope="col">{t('ledger.import.line')}</Table.Th>
                  <Table.Th scope="col">{t('ledger.import.column')}</Table.Th>
                  <Table.Th scope="col">{t('ledger.import.problem')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.problems.slice(0, SHOWN_PROBLEMS).map((p, index) => (
                  <Table.Tr key={`${p.sheet ?? ''}-${p.line ?? ''}-${p.column ?? ''}-${index}`}>
                    {report.format === 'xlsx' ? <Table.Td>{p.sheet ?? '—'}</Table.Td> : null}
                    <Table.Td>{p.line === null ? t('ledger.import.wholeFile') : p.line}</Table.Td>
                    <Table.Td>{p.column ?? '—'}</Table.Td>
                    <Table.Td>{p.message}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {report.problems.length > SHOWN_PROBLEMS ? (
            <Text size="sm" mt="xs">
              {t('ledger.import.moreProblems', {
                count: report.problems.length - SHOWN_PROBLEMS,
              })}
            </Text>
          ) : null}
        </section>
      ) : null}
      {report.skipped.length > 0 ? (
        <section aria-labelledby="import-skipped">
          <Title order={3} size="h4" id="import-skipped" mb="xs">
            {t('ledger.import.skipped', { count: report.skipped.length })}
          </Title>
          <List size="sm">
            {report.skipped.slice(0, SHOWN_PROBLEMS).map((s) => (
              <List.Item key={s.line}>
                {t('ledger.import.skippedLine', { line: s.line, reason: s.reason })}
              </List.Item>
            ))}
          </List>
        </section>
      ) : null}
      {report.notes.length > 0 ? (
        <Stack gap={2}>
          <Text size="sm" fw={600}>
            {t('ledger.import.notes')}
          </Text>
          <List size="sm">
            {report.notes.map((note) => (
              <List.Item key={note}>{note}</List.Item>
            ))}
          </List>
        </Stack>
      ) : null}
      <Text size="xs" c="dimmed">
        {t('ledger.import.fileFacts', {
          format: report.format.toUpperCase(),
          bytes: formatNumber(report.bytes, locale),
          sha: report.sha256.slice(0, 12),
        })}
      </Text>
    </Stack>
  );
}
