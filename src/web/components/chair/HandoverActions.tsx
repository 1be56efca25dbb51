import { Button, Group, Paper, Stack, Textarea } from '@mantine/core';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Handover } from '../../../core/chair/chair-handover.schema';
import { useAcceptHandover, useWithdrawHandover } from '../../api/chair';
import { fieldErrors } from '../../api/client';
import { FormProblems, useFocusFirstInvalid } from '../ledger/FormErrors';
import { handoverProblems } from './form-problems';

type Open = 'none' | 'accept' | 'withdraw';

/**
 * Accept (the incoming secretariat, with an optional note) or withdraw (either side, with a reason):
 * each opens a small form whose refusal is shown at its field.
 */
export function HandoverActions({
  slug,
  handover,
  canAccept,
  canWithdraw,
  declining,
}: {
  slug: string;
  handover: Handover;
  canAccept: boolean;
  canWithdraw: boolean;
  /** The viewer is the incoming side: withdrawing is declining. */
  declining: boolean;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Open>('none');
  if (!canAccept && !canWithdraw) return null;
  if (open === 'accept') {
    return <AcceptForm slug={slug} handover={handover} onDone={() => setOpen('none')} />;
  }
  if (open === 'withdraw') {
    return <WithdrawForm slug={slug} handover={handover} onDone={() => setOpen('none')} />;
  }
  return (
    <Group>
      {canAccept ? (
        <Button color="#1e6b34" onClick={() => setOpen('accept')}>
          {t('chair.accept.open')}
        </Button>
      ) : null}
      {canWithdraw ? (
        <Button variant="outline" color="red.9" onClick={() => setOpen('withdraw')}>
          {declining ? t('chair.withdraw.decline') : t('chair.withdraw.open')}
        </Button>
      ) : null}
    </Group>
  );
}

function AcceptForm({
  slug,
  handover,
  onDone,
}: {
  slug: string;
  handover: Handover;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const form = useRef<HTMLFormElement>(null);
  const accept = useAcceptHandover(slug, handover.id);
  const [note, setNote] = useState('');
  const errors = fieldErrors(accept.error);
  const problems = handoverProblems(accept.error, ['note', 'version'], t('errors.unexpected'));
  useFocusFirstInvalid(form, accept.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    accept.mutate(
      { version: handover.version, note: note.trim() === '' ? undefined : note },
      { onSuccess: onDone },
    );
  };
  return (
    <Paper
      withBorder
      p="md"
      component="form"
      ref={form}
      onSubmit={submit}
      noValidate
      aria-label={t('chair.accept.title')}
    >
      <Stack>
        <FormProblems problems={problems} />
        <Textarea
          label={t('chair.accept.note')}
          description={t('chair.accept.noteHint')}
          autosize
          minRows={2}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          error={errors.note ?? errors.version}
        />
        <Group>
          <Button type="submit" color="#1e6b34" loading={accept.isPending}>
            {t('chair.accept.submit')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function WithdrawForm({
  slug,
  handover,
  onDone,
}: {
  slug: string;
  handover: Handover;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const form = useRef<HTMLFormElement>(null);
  const withdraw = useWithdrawHandover(slug, handover.id);
  const [reason, setReason] = useState('');
  const errors = fieldErrors(withdraw.error);
  const problems = handoverProblems(withdraw.error, ['reason', 'version'], t('errors.unexpected'));
  useFocusFirstInvalid(form, withdraw.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    withdraw.mutate({ version: handover.version, reason }, { onSuccess: onDone });
  };
  return (
    <Paper
      withBorder
      p="md"
      component="form"
      ref={form}
      onSubmit={submit}
      noValidate
      aria-label={t('chair.withdraw.title')}
    >
      <Stack>
        <FormProblems problems={problems} />
        <Textarea
          label={t('chair.withdraw.reason')}
          description={t('chair.withdraw.reasonHint')}
          required
          autosize
          minRows={2}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          error={errors.reason ?? errors.version}
        />
        <Group>
          <Button type="submit" color="red.9" loading={withdraw.isPending}>
            {t('chair.withdraw.submit')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
