import { Button, Group, Modal, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type PledgeDetail,
  type PledgeStatus,
  pledgeDetailSchema,
} from '../../../core/pledges/pledge.schema';
import { useTransitionPledge } from '../../api/ledger';
import { formatDate, todayIso } from '../../i18n/format';
import { useLocale } from '../use-locale';
import { ConflictAlert, FormProblems, useFormErrors } from './FormErrors';
import { allowedTransitions } from './transitions';

/** One button per status the pledge may move to now; each asks the day it took effect. */
export function PledgeStatusActions({ pledge }: { pledge: PledgeDetail }) {
  const { t } = useTranslation();
  const [target, setTarget] = useState<PledgeStatus | null>(null);
  const allowed = allowedTransitions(pledge);
  if (allowed.length === 0) return null;
  return (
    <Group gap="xs" role="group" aria-label={t('ledger.pledge.statusActions')}>
      {allowed.map((status) => (
        <Button
          key={status}
          size="sm"
          variant={status === 'withdrawn' ? 'outline' : 'light'}
          color={status === 'withdrawn' ? 'red.9' : 'blue.8'}
          onClick={() => setTarget(status)}
        >
          {t(`ledger.transition.${status}`)}
        </Button>
      ))}
      {target ? (
        <TransitionDialog pledge={pledge} status={target} onClose={() => setTarget(null)} />
      ) : null}
    </Group>
  );
}

function TransitionDialog({
  pledge,
  status,
  onClose,
}: {
  pledge: PledgeDetail;
  status: PledgeStatus;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const client = useQueryClient();
  const transition = useTransitionPledge(pledge.id);
  const form = useRef<HTMLFormElement>(null);
  const today = todayIso();
  const [effectiveOn, setEffectiveOn] = useState(today < pledge.statusOn ? pledge.statusOn : today);
  const [note, setNote] = useState('');
  const { errors, problems } = useFormErrors(transition.error, ['effectiveOn', 'note', 'version'], {
    form,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    transition.mutate(
      { version: pledge.version, status, effectiveOn, note: note.trim() || undefined },
      { onSuccess: onClose },
    );
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('ledger.transition.title', { status: t(`ledger.pledgeStatus.${status}`) })}
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate ref={form}>
        <Stack>
          <ConflictAlert
            error={transition.error}
            schema={pledgeDetailSchema}
            onReload={(current) => {
              client.setQueryData(['ledger', 'pledge', current.id], current);
              onClose();
            }}
          />
          <FormProblems problems={problems} />
          <Text size="sm">
            {t('ledger.transition.since', {
              status: t(`ledger.pledgeStatus.${pledge.status}`),
              date: formatDate(pledge.statusOn, locale),
            })}
          </Text>
          <TextInput
            type="date"
            label={t('ledger.transition.effectiveOn')}
            description={t('ledger.transition.effectiveOnHint')}
            required
            min={pledge.statusOn}
            value={effectiveOn}
            onChange={(event) => setEffectiveOn(event.currentTarget.value)}
            error={errors.effectiveOn}
            data-autofocus
          />
          <Textarea
            label={t('ledger.transition.note')}
            autosize
            minRows={2}
            maxLength={2000}
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
            error={errors.note}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={transition.isPending}>
              {t(`ledger.transition.${status}`)}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
