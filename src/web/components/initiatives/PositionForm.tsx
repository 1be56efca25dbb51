import { NativeSelect, SimpleGrid, Text, TextInput, Textarea } from '@mantine/core';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../../core/accounts/account.schema';
import {
  type Initiative,
  type Stance,
  stanceSchema,
} from '../../../core/initiatives/initiative.schema';
import { useRecordPosition } from '../../api/initiatives';
import { useNations } from '../../api/queries';
import { todayIso } from '../../i18n/format';
import { FormActions, FormCard } from '../FormCard';
import { FormProblems, useFormErrors } from '../ledger/FormErrors';
import { MarkingPicker, type MarkingValue, markingErrors } from '../MarkingPicker';
import { RadioChoice } from '../RadioChoice';
import { useNationNames, useNationOptions } from '../use-nation-names';

const FIELDS = ['party', 'stance', 'statedOn', 'statement', 'source', 'marking'] as const;

/**
 * Records a party's position on a day, with what was said and its source: an author for its own
 * nation, the chair secretariat for any party.
 */
export function PositionForm({
  initiative,
  session,
  anyParty,
  onDone,
  onRecorded,
}: {
  initiative: Initiative;
  session: SessionInfo;
  anyParty: boolean;
  /** Closes the form, recorded or not. */
  onDone: () => void;
  onRecorded: () => void;
}) {
  const { t } = useTranslation();
  const { nameOf } = useNationNames();
  const nationOptions = useNationOptions();
  const form = useRef<HTMLFormElement>(null);
  const participants = useNations({ group: initiative.group, limit: 500 });
  const record = useRecordPosition(initiative.id);
  const own = session.user.nation.code;
  const [party, setParty] = useState(own);
  const [stance, setStance] = useState<Stance>('supports');
  const [statedOn, setStatedOn] = useState(todayIso());
  const [statement, setStatement] = useState('');
  const [sourceTitle, setSourceTitle] = useState('');
  const [sourceUrl, setSourceUrl] = useState('');
  const [marking, setMarking] = useState<MarkingValue>({ classification: 'GROUP', relTo: [] });

  const { errors, problems } = useFormErrors(record.error, FIELDS, { form });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    record.mutate(
      {
        party,
        stance,
        statedOn,
        statement: statement.trim() === '' ? undefined : statement,
        source: { title: sourceTitle, url: sourceUrl.trim() === '' ? undefined : sourceUrl },
        marking,
      },
      {
        onSuccess: () => {
          onRecorded();
          onDone();
        },
      },
    );
  };

  return (
    <FormCard title={t('initiatives.position.title')} formRef={form} onSubmit={submit}>
      <FormProblems problems={problems} />
      {anyParty ? (
        <NativeSelect
          label={t('initiatives.position.party')}
          description={t('initiatives.position.partyHint')}
          required
          value={party}
          onChange={(event) => setParty(event.currentTarget.value)}
          error={errors.party}
          data={nationOptions(participants.data?.items ?? [])}
        />
      ) : (
        <Text size="sm">
          {t('initiatives.position.party')}:{' '}
          <strong>
            {nameOf(own)} ({own})
          </strong>
        </Text>
      )}
      <RadioChoice
        label={t('initiatives.position.stance')}
        required
        value={stance}
        onChange={setStance}
        error={errors.stance}
        options={stanceSchema.options.map((s) => ({
          value: s,
          label: t(`initiatives.stance.${s}`),
        }))}
      />
      <TextInput
        type="date"
        label={t('initiatives.position.statedOn')}
        description={t('initiatives.position.statedOnHint')}
        required
        value={statedOn}
        onChange={(event) => setStatedOn(event.currentTarget.value)}
        error={errors.statedOn}
      />
      <Textarea
        label={t('initiatives.position.statement')}
        description={t('initiatives.position.statementHint')}
        autosize
        minRows={2}
        value={statement}
        onChange={(event) => setStatement(event.currentTarget.value)}
        error={errors.statement}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('initiatives.position.sourceTitle')}
          description={t('initiatives.position.sourceTitleHint')}
          required
          value={sourceTitle}
          onChange={(event) => setSourceTitle(event.currentTarget.value)}
          error={errors['source.title'] ?? errors.source}
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
        group={initiative.group}
        errors={markingErrors(errors)}
      />
      <FormActions
        submitLabel={t('initiatives.position.submit')}
        pending={record.isPending}
        onCancel={onDone}
      />
    </FormCard>
  );
}
