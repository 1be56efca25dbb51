import { NativeSelect, SimpleGrid, Text, TextInput, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { SessionInfo } from '../../core/accounts/account.schema';
import {
  type Initiative,
  type InitiativeKind,
  initiativeKindSchema,
  initiativeSchema,
} from '../../core/initiatives/initiative.schema';
import {
  initiativeKey,
  useCreateInitiative,
  useInitiative,
  useUpdateInitiative,
} from '../api/initiatives';
import { DEFAULT_GROUP, useMeetings, useNations } from '../api/queries';
import { canEditInitiative, isAuthor } from '../components/initiatives/initiative-access';
import { FormActions, FormPage } from '../components/FormCard';
import { ConflictAlert, FormProblems, useFormErrors } from '../components/ledger/FormErrors';
import { MarkingPicker, type MarkingValue, markingErrors } from '../components/MarkingPicker';
import { NationLabel } from '../components/NationLabel';
import { NotFound } from '../components/NotFound';
import { QueryState } from '../components/QueryState';
import { Forbidden, RequireSession } from '../components/RequireSession';
import { useLocale } from '../components/use-locale';
import { useNationOptions } from '../components/use-nation-names';
import { formatDate } from '../i18n/format';

/** What the initiative page says after an edit: that it was saved, and the server's warnings. */
export interface InitiativeLocationState {
  saved: 'updated';
  warnings: string[];
}

/** `/initiatives/new`: an author records an initiative put forward by any party. */
export function NewInitiativePage() {
  return (
    <RequireSession>
      {(session) => (isAuthor(session) ? <InitiativeForm session={session} /> : <Forbidden />)}
    </RequireSession>
  );
}

/** `/initiatives/:id/edit`: the same form over a recorded initiative, for its nation or the chair. */
export function EditInitiativePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const initiative = useInitiative(id);
  // Bumped when the user loads a newer version after a conflict, so the form starts afresh from it;
  // kept beside the query for the reason given in EditPledgePage.
  const [generation, setGeneration] = useState(0);
  return (
    <RequireSession>
      {(session) => (
        <QueryState
          query={initiative}
          notFound={
            <NotFound
              title={t('initiatives.notFoundTitle')}
              message={t('initiatives.notFound')}
              back={{ to: '/initiatives', label: t('initiatives.backToList') }}
            />
          }
        >
          {(i) =>
            canEditInitiative(session, i) ? (
              <InitiativeForm
                key={generation}
                session={session}
                initiative={i}
                onReloaded={() => setGeneration((n) => n + 1)}
              />
            ) : (
              <Forbidden />
            )
          }
        </QueryState>
      )}
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

/** One element a line, in order; empty lines are only spacing. */
const elementLines = (text: string): string[] =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((item, index) => item === b[index]);

const sameMarking = (a: MarkingValue, b: MarkingValue) =>
  a.classification === b.classification && sameList([...a.relTo].sort(), [...b.relTo].sort());

/** The first message the server gave for a field or any of its parts (`elements.2`). */
const firstUnder = (errors: Record<string, string>, field: string): string | undefined =>
  errors[field] ?? Object.entries(errors).find(([key]) => key.startsWith(`${field}.`))?.[1];

function InitiativeForm({
  session,
  initiative: i,
  onReloaded,
}: {
  session: SessionInfo;
  /** The initiative to edit; without it the form records a new one. */
  initiative?: Initiative;
  onReloaded?: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const nationOptions = useNationOptions();
  const navigate = useNavigate();
  const client = useQueryClient();
  const form = useRef<HTMLFormElement>(null);
  const nations = useNations({ limit: 500 });
  // Only a new initiative is given where it was raised; later raisings are added on its page.
  const meetings = useMeetings(DEFAULT_GROUP, { sort: '-date', limit: 100 }, !i);
  const create = useCreateInitiative(DEFAULT_GROUP);
  const update = useUpdateInitiative(i?.id ?? '');
  const mutation = i ? update : create;
  const own = session.user.nation.code;
  // A reference initiative has no recording nation: the editor's stands in, as on the server.
  const origin = i ? (i.originNation ?? own) : own;
  const initialElements = i?.elements.map((e) => e.text) ?? [];
  const initialMarking: MarkingValue = {
    classification: i?.marking.classification ?? 'GROUP',
    relTo: i ? i.marking.relTo.filter((c) => c !== origin) : [],
  };

  const [title, setTitle] = useState(i?.title ?? '');
  const [kind, setKind] = useState<InitiativeKind>(i?.kind ?? 'peace_plan');
  const [proposer, setProposer] = useState(own);
  const [proposerDetail, setProposerDetail] = useState(i?.proposerDetail ?? '');
  const [summary, setSummary] = useState(i?.summary ?? '');
  const [elements, setElements] = useState(initialElements.join('\n'));
  const [meetingId, setMeetingId] = useState('');
  const [raisingNote, setRaisingNote] = useState('');
  const [sourceTitle, setSourceTitle] = useState('');
  const [sourceUrl, setSourceUrl] = useState('');
  const [marking, setMarking] = useState<MarkingValue>(initialMarking);

  const { errors, problems } = useFormErrors(mutation.error, FIELDS, { form });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (i) {
      const lines = elementLines(elements);
      update.mutate(
        {
          version: i.version,
          title,
          kind,
          proposerDetail: blank(proposerDetail) ? null : proposerDetail,
          summary,
          // Sent only when changed: the server replaces the whole list, dropping each element's own
          // source, and re-marking a reference initiative would add the editor's nation to REL TO.
          elements: sameList(lines, initialElements) ? undefined : lines,
          marking: sameMarking(marking, initialMarking) ? undefined : marking,
        },
        {
          onSuccess: ({ initiative, warnings }) =>
            void navigate(`/initiatives/${initiative.id}`, {
              state: { saved: 'updated', warnings } satisfies InitiativeLocationState,
            }),
        },
      );
      return;
    }
    create.mutate(
      {
        title,
        kind,
        proposer,
        proposerDetail: blank(proposerDetail) ? undefined : proposerDetail,
        summary,
        elements: elementLines(elements),
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

  const pageTitle = i
    ? t('initiatives.form.editTitle', { title: i.title })
    : t('initiatives.form.title');
  return (
    <FormPage title={pageTitle} formRef={form} onSubmit={submit}>
      <ConflictAlert
        error={mutation.error}
        schema={initiativeSchema}
        onReload={(current) => {
          mutation.reset();
          client.setQueryData(initiativeKey(current.id), current);
          onReloaded?.();
        }}
      />
      <FormProblems problems={problems} />
      <TextInput
        label={t('initiatives.form.titleLabel')}
        required
        value={title}
        onChange={(event) => setTitle(event.currentTarget.value)}
        error={errors.title}
      />
      <SimpleGrid cols={{ base: 1, sm: i ? 1 : 2 }}>
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
        {i ? null : (
          <NativeSelect
            label={t('initiatives.proposer')}
            description={t('initiatives.form.proposerHint')}
            required
            value={proposer}
            onChange={(event) => setProposer(event.currentTarget.value)}
            error={errors.proposer}
            data={nationOptions(nations.data?.items ?? [])}
          />
        )}
      </SimpleGrid>
      {i ? (
        // The proposer is part of the record, not of its wording: an edit leaves it as it is.
        <Text size="sm">
          {t('initiatives.proposer')}:{' '}
          <strong>
            <NationLabel nation={i.proposer} />
          </strong>
        </Text>
      ) : null}
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
      {i ? null : (
        <>
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
        </>
      )}
      <MarkingPicker
        value={marking}
        onChange={setMarking}
        originNation={origin}
        group={i?.group ?? DEFAULT_GROUP}
        errors={markingErrors(errors)}
      />
      <FormActions
        submitLabel={i ? t('common.save') : t('initiatives.form.submit')}
        pending={mutation.isPending}
        onCancel={() => void navigate(i ? `/initiatives/${i.id}` : '/initiatives')}
      />
    </FormPage>
  );
}
