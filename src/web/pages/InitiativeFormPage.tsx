import { NativeSelect, SimpleGrid, TextInput, Textarea } from '@mantine/core';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { SessionInfo } from '../../core/accounts/account.schema';
import {
  type InitiativeKind,
  initiativeKindSchema,
} from '../../core/initiatives/initiative.schema';
import { useCreateInitiative } from '../api/initiatives';
import { DEFAULT_GROUP, useMeetings, useNations } from '../api/queries';
import { isAuthor } from '../components/initiatives/initiative-access';
import { FormActions, FormPage } from '../components/FormCard';
import { FormProblems, useFormErrors } from '../components/ledger/FormErrors';
import { MarkingPicker, type MarkingValue, markingErrors } from '../components/MarkingPicker';
import { Forbidden, RequireSession } from '../components/RequireSession';
import { useLocale } from '../components/use-locale';
import { useNationOptions } from '../components/use-nation-names';
import { formatDate } from '../i18n/format';

/** `/initiatives/new`: an author records an initiative put forward by any party. */
export function NewInitiativePage() {
  return (
    <RequireSession>
      {(session) => (isAuthor(session) ? <InitiativeForm session={session} /> : <Forbidden />)}
    </RequireSession>
  );
}

const FIELDS = [
  'title',
  'kind',
  'proposer',
  'proposerDetail',
  'summary',
  'elements',
  'raisedAt',
  'source',
  'marking',
] as const;

const blank = (text: string) => text.trim() === '';

/** The first message the server gave for a field or any of its parts (`elements.2`). */
const firstUnder = (errors: Record<string, string>, field: string): string | undefined =>
  errors[field] ?? Object.entries(errors).find(([key]) => key.startsWith(`${field}.`))?.[1];

function InitiativeForm({ session }: { session: SessionInfo }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const nationOptions = useNationOptions();
  const navigate = useNavigate();
  const form = useRef<HTMLFormElement>(null);
  const nations = useNations({ limit: 500 });
  const meetings = useMeetings(DEFAULT_GROUP, { sort: '-date', limit: 100 });
  const create = useCreateInitiative(DEFAULT_GROUP);
  const own = session.user.nation.code;

  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<InitiativeKind>('peace_plan');
  const [proposer, setProposer] = useState(own);
  const [proposerDetail, setProposerDetail] = useState('');
  const [summary, setSummary] = useState('');
  const [elements, setElements] = useState('');
  const [meetingId, setMeetingId] = useState('');
  const [raisingNote, setRaisingNote] = useState('');
  const [sourceTitle, setSourceTitle] = useState('');
  const [sourceUrl, setSourceUrl] = useState('');
  const [marking, setMarking] = useState<MarkingValue>({ classification: 'GROUP', relTo: [] });

  const { errors, problems } = useFormErrors(create.error, FIELDS, { form });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      {
        title,
        kind,
        proposer,
        proposerDetail: blank(proposerDetail) ? undefined : proposerDetail,
        summary,
        // One element a line, in order; empty lines are only spacing.
        elements: elements
          .split('\n')
          .map((line) => line.trim())
          .filter((line) => line !== ''),
        raisedAt: meetingId
          ? [{ meetingId, note: blank(raisingNote) ? undefined : raisingNote }]
          : [],
        source:
          blank(sourceTitle) && blank(sourceUrl)
            ? undefined
            : { title: sourceTitle, url: blank(sourceUrl) ? undefined : sourceUrl },
        marking,
      },
      { onSuccess: (created) => void navigate(`/initiatives/${created.id}`) },
    );
  };

  return (
    <FormPage title={t('initiatives.form.title')} formRef={form} onSubmit={submit}>
      <FormProblems problems={problems} />
      <TextInput
        label={t('initiatives.form.titleLabel')}
        required
        value={title}
        onChange={(event) => setTitle(event.currentTarget.value)}
        error={errors.title}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NativeSelect
          label={t('initiatives.kindLabel')}
          required
          value={kind}
          onChange={(event) => {
            const parsed = initiativeKindSchema.safeParse(event.currentTarget.value);
            if (parsed.success) setKind(parsed.data);
          }}
          error={errors.kind}
          data={initiativeKindSchema.options.map((k) => ({
            value: k,
            label: t(`initiatives.kind.${k}`),
          }))}
        />
        <NativeSelect
          label={t('initiatives.proposer')}
          description={t('initiatives.form.proposerHint')}
          required
          value={proposer}
          onChange={(event) => setProposer(event.currentTarget.value)}
          error={errors.proposer}
          data={nationOptions(nations.data?.items ?? [])}
        />
      </SimpleGrid>
      <TextInput
        label={t('initiatives.form.proposerDetail')}
        description={t('initiatives.form.proposerDetailHint')}
        value={proposerDetail}
        onChange={(event) => setProposerDetail(event.currentTarget.value)}
        error={errors.proposerDetail}
      />
      <Textarea
        label={t('initiatives.summary')}
        required
        autosize
        minRows={3}
        value={summary}
        onChange={(event) => setSummary(event.currentTarget.value)}
        error={errors.summary}
      />
      <Textarea
        label={t('initiatives.elements')}
        description={t('initiatives.form.elementsHint')}
        autosize
        minRows={3}
        value={elements}
        onChange={(event) => setElements(event.currentTarget.value)}
        error={firstUnder(errors, 'elements')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NativeSelect
          label={t('initiatives.form.raisedAt')}
          value={meetingId}
          onChange={(event) => setMeetingId(event.currentTarget.value)}
          error={firstUnder(errors, 'raisedAt')}
          data={[
            { value: '', label: t('initiatives.form.notRaised') },
            ...(meetings.data?.items ?? [])
              .filter((m) => m.status !== 'cancelled')
              .map((m) => ({
                value: m.id,
                label: `${m.code} · ${formatDate(m.date, locale, 'medium')}`,
              })),
          ]}
        />
        <TextInput
          label={t('initiatives.form.raisingNote')}
          value={raisingNote}
          disabled={meetingId === ''}
          onChange={(event) => setRaisingNote(event.currentTarget.value)}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('initiatives.form.sourceTitle')}
          description={t('initiatives.form.sourceHint')}
          value={sourceTitle}
          onChange={(event) => setSourceTitle(event.currentTarget.value)}
          error={errors['source.title']}
        />
        <TextInput
          type="url"
          label={t('initiatives.position.sourceUrl')}
          value={sourceUrl}
          onChange={(event) => setSourceUrl(event.currentTarget.value)}
          error={errors['source.url']}
        />
      </SimpleGrid>
      <MarkingPicker
        value={marking}
        onChange={setMarking}
        originNation={own}
        group={DEFAULT_GROUP}
        errors={markingErrors(errors)}
      />
      <FormActions
        submitLabel={t('initiatives.form.submit')}
        pending={create.isPending}
        onCancel={() => void navigate('/initiatives')}
      />
    </FormPage>
  );
}
