import { Group, Title } from '@mantine/core';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The page's one h1, also written into the document title so tabs and screen readers name the page. */
export function PageTitle({ children, text }: { children?: ReactNode; text: string }) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${text} · ${t('app.name')}`;
  }, [text, t]);
  return (
    <Title order={1} mb="md">
      {children ?? text}
    </Title>
  );
}

/** The page's title with the page's actions (new, export, import) at the other end of the line. */
export function PageHeader({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <Group justify="space-between" align="flex-start">
      <PageTitle text={title} />
      {children}
    </Group>
  );
}
