import { ActionIcon, Button, Group, Popover, Stack, Text, TextInput } from '@mantine/core';
import { useLocalStorage } from '@mantine/hooks';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface SavedView {
  name: string;
  /** The address's query: filters, sort and columns, exactly as they were when saved. */
  search: string;
}

const STORAGE_KEY = 'ramstein.ledger.views';

/**
 * Named sets of filters and columns, kept in this browser's storage: "GBR air defence, by value".
 * A view is the query of the address, so applying one is the same as following a bookmark.
 */
export function SavedViews({
  current,
  onApply,
}: {
  current: string;
  onApply: (search: string) => void;
}) {
  const { t } = useTranslation();
  const [views, setViews] = useLocalStorage<SavedView[]>({
    key: STORAGE_KEY,
    defaultValue: [],
    getInitialValueInEffect: false,
  });
  const [name, setName] = useState('');
  const [opened, setOpened] = useState(false);
  const nameInput = useRef<HTMLInputElement>(null);

  const save = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return;
    // Saving under an existing name replaces that view.
    setViews([...views.filter((v) => v.name !== trimmed), { name: trimmed, search: current }]);
    setName('');
    // The Save button is disabled again: keep the focus inside the dialog, where Escape closes it.
    nameInput.current?.focus();
  };

  return (
    <Popover
      position="bottom-end"
      shadow="md"
      trapFocus
      withinPortal
      opened={opened}
      onChange={setOpened}
    >
      <Popover.Target>
        <Button variant="default" onClick={() => setOpened((o) => !o)}>
          {t('ledger.views.button', { count: views.length })}
        </Button>
      </Popover.Target>
      <Popover.Dropdown aria-label={t('ledger.views.label')} w={340}>
        <Stack gap="sm">
          {views.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('ledger.views.none')}
            </Text>
          ) : (
            <Stack gap={4} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
              {views.map((view) => (
                <Group key={view.name} component="li" justify="space-between" wrap="nowrap">
                  <Button
                    variant="subtle"
                    size="compact-sm"
                    onClick={() => {
                      onApply(view.search);
                      setOpened(false);
                    }}
                    aria-label={t('ledger.views.apply', { name: view.name })}
                  >
                    {view.name}
                  </Button>
                  <ActionIcon
                    variant="subtle"
                    color="red.9"
                    onClick={() => setViews(views.filter((v) => v.name !== view.name))}
                    aria-label={t('ledger.views.delete', { name: view.name })}
                  >
                    <span aria-hidden>✕</span>
                  </ActionIcon>
                </Group>
              ))}
            </Stack>
          )}
          <form onSubmit={save}>
            <Group align="flex-end" gap="xs" wrap="nowrap">
              <TextInput
                ref={nameInput}
                label={t('ledger.views.name')}
                value={name}
                onChange={(event) => setName(event.currentTarget.value)}
                maxLength={80}
                style={{ flex: 1 }}
              />
              <Button type="submit" disabled={name.trim() === ''}>
                {t('ledger.views.save')}
              </Button>
            </Group>
          </form>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
