import {
  Alert,
  Anchor,
  Button,
  Group,
  Input,
  Paper,
  Progress,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { SessionInfo } from '../../core/accounts/account.schema';
import {
  type ImportKind,
  type ImportMapping,
  importKindSchema,
} from '../../core/ledger-import/ledger-import.schema';
import { ApiError } from '../api/client';
import { type ImportOutcome, useImport, useImportJob } from '../api/ledger-import';
import { DEFAULT_GROUP } from '../api/queries';
import { PageTitle } from '../components/PageTitle';
import { RadioChoice } from '../components/RadioChoice';
import { RequireSession } from '../components/RequireSession';
import { ImportReportView } from '../components/ledger/ImportReportView';

const KIND_PAGES: Record<ImportKind, string> = {
  requirements: '/requirements',
  pledges: '/pledges',
  deliveries: '/pledges',
};

/**
 * `/imports`: a CSV or XLSX file of requirements, pledges or deliveries. The file is checked first (a
 * dry run that writes nothing and lists every problem); only a clean file can then be imported, all
 * rows or none.
 */
export function ImportPage() {
  return <RequireSession>{(session) => <ImportWizard session={session} />}</RequireSession>;
}

function ImportWizard({ session }: { session: SessionInfo }) {
  const { t } = useTranslation();
  const [search] = useSearchParams();
  const fileId = useId();
  const initialKind = importKindSchema.safeParse(search.get('kind'));
  const [kind, setKind] = useState<ImportKind>(initialKind.success ? initialKind.data : 'pledges');
  const [mapping, setMapping] = useState<ImportMapping>('standard');
  const [file, setFile] = useState<File | null>(null);
  const [sheet, setSheet] = useState('');
  const [checked, setChecked] = useState<ImportOutcome | null>(null);
  const check = useImport(DEFAULT_GROUP);
  const run = useImport(DEFAULT_GROUP);
  const job = useImportJob(run.data?.kind === 'job' ? run.data.job.id : null);
  const xlsx = file !== null && /\.xlsx$/i.test(file.name);

  const upload = (dryRun: boolean) => ({
    kind,
    mapping: kind === 'pledges' ? mapping : 'standard',
    file: file as File,
    dryRun,
    sheet: xlsx && sheet.trim() ? sheet.trim() : undefined,
    csrfToken: session.csrfToken,
  });

  // Any change to what would be sent makes the last check stale.
  const changed = () => {
    setChecked(null);
    check.reset();
    run.reset();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    run.reset();
    check.mutate(upload(true), { onSuccess: setChecked });
  };

  const dryReport = checked?.kind === 'report' ? checked.report : null;
  const ready =
    dryReport !== null && dryReport.problems.length === 0 && dryReport.counts.created > 0;
  const finished = run.data?.kind === 'report' ? run.data.report : (job.data?.report ?? null);
  const failure = check.error ?? run.error;

  return (
    <Stack maw={960}>
      <PageTitle text={t('ledger.import.title')} />
      <Text c="dimmed" size="sm" mt={-8}>
        {t('ledger.import.intro')}
      </Text>
      <Paper
        withBorder
        p="lg"
        component="form"
        onSubmit={submit}
        noValidate
        aria-label={t('ledger.import.chooseTitle')}
      >
        <Stack>
          <Title order={2} size="h4">
            {t('ledger.import.step1')}
          </Title>
          <RadioChoice
            label={t('ledger.import.kindLabel')}
            value={kind}
            onChange={(next) => {
              setKind(next);
              changed();
            }}
            options={importKindSchema.options.map((k) => ({
              value: k,
              label: t(`ledger.import.kind.${k}`),
              description: t(`ledger.import.kindHint.${k}`),
            }))}
          />
          {kind === 'pledges' ? (
            <RadioChoice
              label={t('ledger.import.mappingLabel')}
              value={mapping}
              onChange={(next) => {
                setMapping(next);
                changed();
              }}
              options={(['standard', 'kiel'] as const).map((m) => ({
                value: m,
                label: t(`ledger.import.mapping.${m}`),
                description: t(`ledger.import.mappingHint.${m}`),
              }))}
            />
          ) : null}
          <Input.Wrapper
            label={t('ledger.import.file')}
            description={t('ledger.import.fileHint')}
            required
            id={fileId}
          >
            <input
              id={fileId}
              type="file"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(event) => {
                setFile(event.currentTarget.files?.[0] ?? null);
                changed();
              }}
              style={{ display: 'block', marginTop: 6 }}
            />
          </Input.Wrapper>
          {xlsx ? (
            <TextInput
              label={t('ledger.import.sheetLabel')}
              description={t('ledger.import.sheetHint')}
              value={sheet}
              maxLength={31}
              onChange={(event) => {
                setSheet(event.currentTarget.value);
                changed();
              }}
              w={280}
            />
          ) : null}
          <Group>
            <Button type="submit" disabled={!file} loading={check.isPending}>
              {t('ledger.import.check')}
            </Button>
          </Group>
        </Stack>
      </Paper>

      <div aria-live="polite">
        {failure ? (
          <Alert color="red" role="alert" title={t('ledger.import.failed')}>
            {failure instanceof ApiError ? failure.body.message : t('errors.unexpected')}
          </Alert>
        ) : null}
        {dryReport && !finished && !run.data ? (
          <Stack>
            <Title order={2} size="h4">
              {t('ledger.import.step2')}
            </Title>
            <ImportReportView report={dryReport} />
            {ready ? (
              <Group>
                <Button onClick={() => file && run.mutate(upload(false))} loading={run.isPending}>
                  {t('ledger.import.run', { count: dryReport.counts.created })}
                </Button>
              </Group>
            ) : null}
          </Stack>
        ) : null}
        {run.data?.kind === 'job' && !finished ? (
          <Stack gap="xs">
            <Title order={2} size="h4">
              {t('ledger.import.running')}
            </Title>
            <Text size="sm">
              {t(`ledger.import.phase.${job.data?.phase ?? run.data.job.phase}`)}
            </Text>
            <Progress
              value={job.data && job.data.total > 0 ? (job.data.done / job.data.total) * 100 : 0}
              aria-label={t('ledger.import.progress')}
              size="lg"
            />
            {job.data?.error ? (
              <Alert color="red" role="alert">
                {job.data.error}
              </Alert>
            ) : null}
          </Stack>
        ) : null}
        {finished ? (
          <Stack>
            <Title order={2} size="h4">
              {t('ledger.import.step3')}
            </Title>
            <ImportReportView report={finished} />
            {finished.written ? (
              <Anchor component={Link} to={KIND_PAGES[finished.kind]}>
                {t(`ledger.import.open.${finished.kind}`)}
              </Anchor>
            ) : null}
          </Stack>
        ) : null}
      </div>
    </Stack>
  );
}
