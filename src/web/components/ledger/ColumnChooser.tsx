import { Button, Checkbox, Popover, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { COLUMN_IDS, type ColumnId, DEFAULT_COLUMNS, isColumnId } from './pledge-columns';

/** Which columns the ledger shows; the item column always, as the one that names each row. */
export function ColumnChooser({
  columns,
  onChange,
}: {
  columns: readonly ColumnId[];
  onChange: (columns: ColumnId[]) => void;
}) {
  const { t } = useTranslation();
  return (
    <Popover position="bottom-end" shadow="md" trapFocus withinPortal>
      <Popover.Target>
        <Button variant="default">{t('ledger.columns.button', { count: columns.length })}</Button>
      </Popover.Target>
      <Popover.Dropdown aria-label={t('ledger.columns.label')}>
        <Stack gap="xs">
          <Checkbox.Group
            label={t('ledger.columns.label')}
            value={[...columns]}
            onChange={(value) =>
              // Keep the table's own order whatever order the boxes were ticked in.
              onChange(COLUMN_IDS.filter((id) => id === 'item' || value.includes(id)))
            }
          >
            <Stack gap={6} mt={6}>
              {COLUMN_IDS.map((id) => (
                <Checkbox
                  key={id}
                  value={id}
                  disabled={id === 'item'}
                  label={t(`ledger.pledges.col.${id}`)}
                />
              ))}
            </Stack>
          </Checkbox.Group>
          <Button size="xs" variant="subtle" onClick={() => onChange([...DEFAULT_COLUMNS])}>
            {t('ledger.columns.reset')}
          </Button>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}

/** The columns named in the address (?cols=item,donor), or the default set. */
export function readColumns(value: string | null): ColumnId[] {
  if (!value) return [...DEFAULT_COLUMNS];
  const chosen = value.split(',').filter(isColumnId);
  return COLUMN_IDS.filter((id) => id === 'item' || chosen.includes(id));
}

export function writeColumns(params: URLSearchParams, columns: readonly ColumnId[]): void {
  const same =
    columns.length === DEFAULT_COLUMNS.length && columns.every((c) => DEFAULT_COLUMNS.includes(c));
  if (same) params.delete('cols');
  else params.set('cols', columns.join(','));
}
