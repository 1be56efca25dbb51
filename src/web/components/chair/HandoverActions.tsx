import { Button, Group, Textarea } from '@mantine/core';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Handover } from '../../../core/chair/chair-handover.schema';
import { useAcceptHandover, useWithdrawHandover } from '../../api/chair';
import { FormActions, FormCard } from '../FormCard';
import { FormProblems, useFormErrors } from '../ledger/FormErrors';
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

interface StepProps {
  slug: string;
  handover: Handover;
  /** Closes the form, done or not. */
  onDone: () => void;
}

function AcceptForm({ slug, handover, onDone }: StepProps) {
  const { t } = useTranslation();
  const accept = useAcceptHandover(slug, handover.id);
  return (
    <TextStepForm
      field="note"
      title={t('chair.accept.title')}
      label={t('chair.accept.note')}
      hint={t('chair.accept.noteHint')}
      submitLabel={t('chair.accept.submit')}
      color="#1e6b34"
      mutation={accept}
      send={(note) =>
        accept.mutate(
          { version: handover.version, note: note.trim() === '' ? undefined : note },
          { onSuccess: onDone },
        )
      }
      onDone={onDone}
    />
  );
}

function WithdrawForm({ slug, handover, onDone }: StepProps) {
  const { t } = useTranslation();
  const withdraw = useWithdrawHandover(slug, handover.id);
  return (
    <TextStepForm
      field="reason"
      required
      title={t('chair.withdraw.title')}
      label={t('chair.withdraw.reason')}
      hint={t('chair.withdraw.reasonHint')}
      submitLabel={t('chair.withdraw.submit')}
      color="red.9"
      mutation={withdraw}
      send={(reason) =>
        withdraw.mutate({ version: handover.version, reason }, { onSuccess: onDone })
      }
      onDone={onDone}
    />
  );
}

/**
 * One step on the open handover that takes a single text (the accept note, the withdraw reason).
 * A stale version is refused at that text, the one field the form has.
 */
function TextStepForm({
  field,
  required = false,
  title,
  label,
  hint,
  submitLabel,
  color,
  mutation,
  send,
  onDone,
}: {
  field: 'note' | 'reason';
  required?: boolean;
  title: string;
  label: string;
  hint: string;
  submitLabel: string;
  color: string;
  mutation: { error: unknown; isPending: boolean };
  send: (text: string) => void;
  onDone: () => void;
}) {
  const form = useRef<HTMLFormElement>(null);
  const [text, setText] = useState('');
  const { errors, problems } = useFormErrors(mutation.error, [field, 'version'], {
    form,
    explain: handoverProblems,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    send(text);
  };
  return (
    <FormCard title={title} p="md" formRef={form} onSubmit={submit}>
      <FormProblems problems={problems} />
      <Textarea
        label={label}
        description={hint}
        required={required}
        autosize
        minRows={2}
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
        error={errors[field] ?? errors.version}
      />
      <FormActions
        submitLabel={submitLabel}
        color={color}
        pending={mutation.isPending}
        onCancel={onDone}
      />
    </FormCard>
  );
}
