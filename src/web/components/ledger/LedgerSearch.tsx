import { Anchor, Badge, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLedgerSearch } from '../../api/ledger-coverage';
import { MarkingBadge } from '../MarkingBanner';

/** Finds requirements and pledges by words of their item, among those the viewer may read. */
export function LedgerSearch({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 300);
  const search = useLedgerSearch(slug, q);
  const items = search.data?.items ?? [];
  return (
    <Paper
      withBorder
      p="md"
      component="form"
      role="search"
      aria-label={t('ledger.search.label')}
      onSubmit={(e) => e.preventDefault()}
    >
      <Stack gap="sm">
        <TextInput
          type="search"
          label={t('ledger.search.label')}
          description={t('ledger.search.hint')}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          maw={420}
        />
        {q.length >= 2 ? (
          <div aria-live="polite">
            {search.isPending ? null : items.length === 0 ? (
              <Text size="sm">{t('ledger.search.none')}</Text>
            ) : (
              <Stack gap={6} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
                {items.map((item) => (
                  <Group key={`${item.kind}-${item.id}`} component="li" gap="xs" wrap="nowrap">
                    <Badge component="span" variant="outline" color="gray.8" w={110}>
                      {t(`ledger.search.kind.${item.kind}`)}
                    </Badge>
                    <div style={{ minWidth: 0 }}>
                      <Anchor
                        component={Link}
                        to={`/${item.kind === 'pledge' ? 'pledges' : 'requirements'}/${item.id}`}
                        fw={600}
                      >
                        {item.title}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {item.detail}
                      </Text>
                    </div>
                    <MarkingBadge marking={item.marking} />
                  </Group>
                ))}
              </Stack>
            )}
          </div>
        ) : null}
      </Stack>
    </Paper>
  );
}
