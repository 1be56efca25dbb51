import { Button, Group, type MantineSpacing, Paper, Stack, Title } from '@mantine/core';
import type { FormEvent, ReactNode, RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { PageTitle } from './PageTitle';

interface FormCardProps {
  /** Names the form for assistive technology (and the page or section, where shown). */
  title: string;
  onSubmit: (event: FormEvent) => void;
  formRef?: RefObject<HTMLFormElement | null>;
  p?: MantineSpacing;
  gap?: MantineSpacing;
  children: ReactNode;
}

/** A bordered form named by its title; the server's checks, shown at each field, replace the browser's. */
export function FormCard({ title, onSubmit, formRef, p = 'lg', gap, children }: FormCardProps) {
  return (
    <Paper
      withBorder
      p={p}
      component="form"
      ref={formRef}
      onSubmit={onSubmit}
      noValidate
      aria-label={title}
    >
      <Stack gap={gap}>{children}</Stack>
    </Paper>
  );
}

/** A page that is one form: the title as the page's h1, then the form it names. */
export function FormPage({
  maw = 900,
  ...card
}: Omit<FormCardProps, 'p' | 'gap'> & { maw?: number }) {
  return (
    <Stack maw={maw}>
      <PageTitle text={card.title} />
      <FormCard {...card} />
    </Stack>
  );
}

/** A small form inside a page section, headed by its title. */
export function SectionForm({ title, children, ...card }: Omit<FormCardProps, 'p' | 'gap'>) {
  return (
    <FormCard title={title} p="md" gap="sm" {...card}>
      <Title order={3} size="h5">
        {title}
      </Title>
      {children}
    </FormCard>
  );
}

/** The submit button, then Cancel when the form can be left without saving, then any aside. */
export function FormActions({
  submitLabel,
  pending,
  color,
  disabled,
  onCancel,
  children,
}: {
  submitLabel: string;
  pending: boolean;
  color?: string;
  disabled?: boolean;
  onCancel?: () => void;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Group>
      <Button type="submit" color={color} loading={pending} disabled={disabled}>
        {submitLabel}
      </Button>
      {onCancel ? (
        <Button variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      ) : null}
      {children}
    </Group>
  );
}
