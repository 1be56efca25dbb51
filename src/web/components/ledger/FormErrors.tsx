import { Alert, Button, List, Stack, Text } from '@mantine/core';
import { type RefObject, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ApiError, fieldErrors } from '../../api/client';

interface ConflictAlertProps<S extends z.ZodType> {
  error: unknown;
  /** The record's schema, to read the current version the server sends with its 409. */
  schema: S;
  /** Replaces what the form shows with the record as it now is. */
  onReload: (current: z.infer<S>) => void;
}

/**
 * Someone saved the record since it was opened (409). Says so and offers the latest version; the
 * user's own edits are dropped only when they ask for it.
 */
export function ConflictAlert<S extends z.ZodType>({
  error,
  schema,
  onReload,
}: ConflictAlertProps<S>) {
  const { t } = useTranslation();
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  const current = schema.safeParse(error.body.current);
  return (
    <Alert color="red" role="alert" title={t('ledger.conflict.title')}>
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{error.body.message}</Text>
        {current.success ? (
          <Button size="xs" variant="white" color="red.9" onClick={() => onReload(current.data)}>
            {t('ledger.conflict.reload')}
          </Button>
        ) : (
          <Text size="sm">{t('ledger.conflict.reloadPage')}</Text>
        )}
      </Stack>
    </Alert>
  );
}

/**
 * What to say above a form about a failed write: the problems with no field of the form to show them
 * at (an issue on a field the form lacks, or a refusal such as 403), never the conflict (see above).
 */
export function formProblems(error: unknown, shown: readonly string[], fallback: string): string[] {
  if (!error) return [];
  if (!(error instanceof ApiError)) return [fallback];
  if (error.status === 409) return [];
  const fields = fieldErrors(error);
  if (Object.keys(fields).length === 0) return [error.body.message];
  return Object.entries(fields)
    .filter(([key]) => !shown.some((s) => key === s || key.startsWith(`${s}.`)))
    .map(([key, message]) => `${key}: ${message}`);
}

/** What to say above a form about a failed write: `formProblems`, or a feature's own reading. */
type Explain = (error: unknown, shown: readonly string[], fallback: string) => string[];

/**
 * A failed write as a form shows it: the message for each field, and the problems none of the
 * `shown` fields can show. With a `form`, a refusal takes keyboard focus to its first invalid field.
 */
export function useFormErrors(
  error: unknown,
  shown: readonly string[],
  {
    form,
    explain = formProblems,
  }: { form?: RefObject<HTMLElement | null>; explain?: Explain } = {},
): { errors: Record<string, string>; problems: string[] } {
  const { t } = useTranslation();
  useEffect(() => {
    if (!error) return;
    form?.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [form, error]);
  return { errors: fieldErrors(error), problems: explain(error, shown, t('errors.unexpected')) };
}

export function FormProblems({ problems }: { problems: readonly string[] }) {
  if (problems.length === 0) return null;
  return (
    <Alert color="red" role="alert">
      {problems.length === 1 ? (
        problems[0]
      ) : (
        <List size="sm">
          {problems.map((p) => (
            <List.Item key={p}>{p}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
