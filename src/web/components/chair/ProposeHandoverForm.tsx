import { Group, NativeSelect, TextInput, Textarea } from '@mantine/core';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChairTerm } from '../../../core/chair/chair-term.schema';
import { useProposeHandover } from '../../api/chair';
import { useMeetings, useMembers } from '../../api/queries';
import { formatDate, nationName } from '../../i18n/format';
import { FormActions, FormCard } from '../FormCard';
import { FormProblems, useFormErrors } from '../ledger/FormErrors';
import { RadioChoice } from '../RadioChoice';
import { useLocale } from '../use-locale';
import { handoverProblems } from './form-problems';

const FIELDS = ['toNation', 'toCoChair', 'effectiveOn', 'effectiveMeeting', 'reason'] as const;

type When = 'day' | 'meeting';

/**
 * The outgoing chair proposes the next: a member nation (and co-chair), from a day or from the meeting
 * it first chairs, and why. The current chair is offered too, so that the server's refusal (a handover
 * goes to another nation) is the one shown, at the field.
 */
export function ProposeHandoverForm({
  slug,
  current,
}: {
  slug: string;
  current: ChairTerm | null;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const form = useRef<HTMLFormElement>(null);
  const members = useMembers(slug, { role: 'member' });
  const meetings = useMeetings(slug, { sort: '-date', limit: 100 });
  const propose = useProposeHandover(slug);
  const [toNation, setToNation] = useState('');
  const [toCoChair, setToCoChair] = useState('');
  const [when, setWhen] = useState<When>('day');
  const [effectiveOn, setEffectiveOn] = useState('');
  const [effectiveMeeting, setEffectiveMeeting] = useState('');
  const [reason, setReason] = useState('');

  const { errors, problems } = useFormErrors(propose.error, FIELDS, {
    form,
    explain: handoverProblems,
  });

  const nations = (members.data?.items ?? [])
    .map((m) => ({
      value: m.nation.code,
      label: `${nationName(m.nation, locale)} (${m.nation.code})`,
    }))
    .sort((a, b) => a.label.localeCompare(b.label, locale));
  const upcoming = (meetings.data?.items ?? []).filter(
    (m) => m.number !== null && m.status !== 'cancelled',
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    propose.mutate(
      {
        toNation,
        toCoChair: toCoChair === '' ? undefined : toCoChair,
        effectiveOn: when === 'day' && effectiveOn !== '' ? effectiveOn : undefined,
        effectiveMeeting:
          when === 'meeting' && effectiveMeeting !== '' ? Number(effectiveMeeting) : undefined,
        reason,
      },
      {
        // The page then shows the open handover in place of this form; start afresh after it.
        onSuccess: () => {
          setToNation('');
          setToCoChair('');
          setEffectiveOn('');
          setEffectiveMeeting('');
          setReason('');
        },
      },
    );
  };

  return (
    <FormCard title={t('chair.propose.title')} formRef={form} onSubmit={submit}>
      <FormProblems problems={problems} />
      <Group grow align="flex-start">
        <NativeSelect
          label={t('chair.propose.toNation')}
          description={
            current
              ? t('chair.propose.toNationHint', { chair: nationName(current.chair, locale) })
              : undefined
          }
          required
          value={toNation}
          onChange={(event) => setToNation(event.currentTarget.value)}
          error={errors.toNation}
          data={[{ value: '', label: t('chair.propose.chooseNation') }, ...nations]}
        />
        <NativeSelect
          label={t('chair.propose.toCoChair')}
          value={toCoChair}
          onChange={(event) => setToCoChair(event.currentTarget.value)}
          error={errors.toCoChair}
          data={[{ value: '', label: t('chair.propose.noCoChair') }, ...nations]}
        />
      </Group>
      <RadioChoice
        label={t('chair.propose.when')}
        value={when}
        onChange={setWhen}
        options={[
          { value: 'day', label: t('chair.propose.fromDay') },
          { value: 'meeting', label: t('chair.propose.fromMeeting') },
        ]}
      />
      {when === 'day' ? (
        <TextInput
          type="date"
          label={t('chair.propose.effectiveOn')}
          description={t('chair.propose.effectiveOnHint')}
          required
          value={effectiveOn}
          onChange={(event) => setEffectiveOn(event.currentTarget.value)}
          error={errors.effectiveOn}
        />
      ) : (
        <NativeSelect
          label={t('chair.propose.effectiveMeeting')}
          description={t('chair.propose.effectiveMeetingHint')}
          required
          value={effectiveMeeting}
          onChange={(event) => setEffectiveMeeting(event.currentTarget.value)}
          // The schema reports a missing day or meeting on effectiveOn, whichever was chosen.
          error={errors.effectiveMeeting ?? errors.effectiveOn}
          data={[
            { value: '', label: t('chair.propose.chooseMeeting') },
            ...upcoming.map((m) => ({
              value: String(m.number),
              label: `${m.code} · ${formatDate(m.date, locale, 'medium')}`,
            })),
          ]}
        />
      )}
      <Textarea
        label={t('chair.propose.reason')}
        description={t('chair.propose.reasonHint')}
        required
        autosize
        minRows={2}
        value={reason}
        onChange={(event) => setReason(event.currentTarget.value)}
        error={errors.reason}
      />
      <FormActions submitLabel={t('chair.propose.submit')} pending={propose.isPending} />
    </FormCard>
  );
}
