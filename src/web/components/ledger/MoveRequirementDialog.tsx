import { Button, Group, Modal, NumberInput, Stack, Text, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Requirement } from '../../../core/requirements/requirement.schema';

interface MoveRequirementDialogProps {
  requirement: Requirement;
  busy: boolean;
  onClose: () => void;
  onMove: (priority: number, reason: string | undefined) => Promise<void>;
}

/** "Move to": a rank typed in, and why, for a move farther than a few rows. */
export function MoveRequirementDialog({
  requirement,
  busy,
  onClose,
  onMove,
}: MoveRequirementDialogProps) {
  const { t } = useTranslation();
  const [priority, setPriority] = useState<number | string>(requirement.priority);
  const [reason, setReason] = useState('');
  const valid = typeof priority === 'number' && Number.isInteger(priority) && priority >= 1;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!valid) return;
    void onMove(priority, reason.trim() || undefined);
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('ledger.requirements.moveTitle', { item: requirement.item })}
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">
            {t('ledger.requirements.moveNow', { priority: requirement.priority })}
          </Text>
          <NumberInput
            label={t('ledger.requirements.newPriority')}
            description={t('ledger.requirements.newPriorityHint')}
            min={1}
            allowDecimal={false}
            allowNegative={false}
            value={priority}
            onChange={setPriority}
            error={valid ? undefined : t('ledger.requirements.priorityInvalid')}
            data-autofocus
          />
          <Textarea
            label={t('ledger.requirements.reason')}
            autosize
            minRows={2}
            maxLength={1000}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" disabled={!valid} loading={busy}>
              {t('ledger.requirements.moveAction')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
