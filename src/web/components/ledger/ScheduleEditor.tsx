import { ActionIcon, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type PledgeDetail, pledgeDetailSchema } from '../../../core/pledges/pledge.schema';
import { useSetSchedule } from '../../api/ledger';
import { wholeNumber } from './format';
import { ConflictAlert, FormProblems, useFormErrors } from './FormErrors';

interface Row {
  key: number;
  plannedOn: string;
  quantity: string;
  note: string;
}

/** The delivery plan as tranches (day and quantity), replaced as a whole when saved. */
export function ScheduleEditor({ pledge, onDone }: { pledge: PledgeDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const save = useSetSchedule(pledge.id);
  const form = useRef<HTMLFormElement>(null);
  const nextKey = useRef(pledge.tranches.length);
  const [rows, setRows] = useState<Row[]>(() =>
    pledge.tranches.map((tr, i) => ({
      key: i,
      plannedOn: tr.plannedOn,
      quantity: String(tr.quantity),
      note: tr.note ?? '',
    })),
  );
  const { errors, problems } = useFormErrors(save.error, ['tranches', 'version'], { form });

  const change = (key: number, patch: Partial<Row>) =>
    setRows((all) => all.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      {
        version: pledge.version,
        tranches: rows.map((r) => ({
          plannedOn: r.plannedOn,
          quantity: wholeNumber(r.quantity),
          note: r.note.trim() || undefined,
        })),
      },
      { onSuccess: onDone },
    );
  };

  return (
    <form ref={form} onSubmit={submit} noValidate aria-label={t('ledger.schedule.editTitle')}>
      <Stack gap="sm">
        <ConflictAlert
          error={save.error}
          schema={pledgeDetailSchema}
          onReload={(current) => {
            client.setQueryData(['ledger', 'pledge', current.id], current);
            onDone();
          }}
        />
        <FormProblems problems={problems} />
        {errors.tranches ? (
          <Text c="red.9" size="sm" role="alert">
            {errors.tranches}
          </Text>
        ) : null}
        {rows.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('ledger.schedule.noTranches')}
          </Text>
        ) : null}
        {rows.map((row, index) => (
          <Group key={row.key} align="flex-start" gap="sm" wrap="wrap">
            <TextInput
              type="date"
              label={t('ledger.schedule.trancheDate', { n: index + 1 })}
              required
              value={row.plannedOn}
              onChange={(event) => change(row.key, { plannedOn: event.currentTarget.value })}
              error={errors[`tranches.${index}.plannedOn`]}
            />
            <TextInput
              label={t('ledger.schedule.trancheQuantity', { n: index + 1 })}
              required
              inputMode="numeric"
              value={row.quantity}
              onChange={(event) => change(row.key, { quantity: event.currentTarget.value })}
              error={errors[`tranches.${index}.quantity`]}
              w={160}
            />
            <TextInput
              label={t('ledger.schedule.trancheNote', { n: index + 1 })}
              value={row.note}
              onChange={(event) => change(row.key, { note: event.currentTarget.value })}
              error={errors[`tranches.${index}.note`]}
              style={{ flex: 1, minWidth: 180 }}
            />
            <ActionIcon
              mt={26}
              size="lg"
              variant="subtle"
              color="red.9"
              aria-label={t('ledger.schedule.removeTranche', { n: index + 1 })}
              onClick={() => setRows((all) => all.filter((r) => r.key !== row.key))}
            >
              <span aria-hidden>✕</span>
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button
            variant="default"
            onClick={() => {
              nextKey.current += 1;
              setRows((all) => [
                ...all,
                { key: nextKey.current, plannedOn: '', quantity: '', note: '' },
              ]);
            }}
          >
            {t('ledger.schedule.addTranche')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('ledger.schedule.save')}
          </Button>
          <Button variant="subtle" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
