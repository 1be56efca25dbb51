import { Anchor, List, NativeSelect, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DEFAULT_GROUP } from '../../api/queries';
import { useBurdenSharing } from '../../api/spending';
import { PageTitle } from '../../components/PageTitle';
import { QueryState } from '../../components/QueryState';
import { useLocale } from '../../components/use-locale';
import { useUrlParams } from '../../components/use-url-params';
import { formatMoney } from '../../components/ledger/format';
import {
  BurdenSharingFigure,
  BurdenSharingTable,
} from '../../components/spending/BurdenSharingFigure';

const FIRST_YEAR = 2014;

/** Burden sharing: each nation's support to the recipient next to its own defence spending. */
export function BurdenSharingPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [params, update] = useUrlParams();
  const yearParam = Number(params.get('year'));
  const year = Number.isInteger(yearParam) && yearParam >= FIRST_YEAR ? yearParam : undefined;
  const burden = useBurdenSharing(DEFAULT_GROUP, year);
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: thisYear - FIRST_YEAR + 1 }, (_, i) => String(thisYear - i));
  return (
    <Stack>
      <Anchor component={Link} to="/spending" size="sm">
        ← {t('spending.backToLeague')}
      </Anchor>
      <PageTitle text={t('spending.burden.title')} />
      <Text c="dimmed" size="sm" mt={-8}>
        {t('spending.burden.intro')}
      </Text>
      <NativeSelect
        label={t('spending.burden.year')}
        value={year === undefined ? '' : String(year)}
        data={[{ value: '', label: t('spending.burden.latest') }, ...years]}
        onChange={(e) => {
          const value = e.currentTarget.value;
          update((p) => (value ? p.set('year', value) : p.delete('year')));
        }}
        w={220}
      />
      <QueryState query={burden}>
        {(data) => (
          <Stack>
            <Text fw={700} data-testid="burden-total">
              {t('spending.burden.total', {
                pledged: formatMoney(
                  { amount: data.total.pledged, currency: data.currency },
                  locale,
                ),
                delivered: formatMoney(
                  { amount: data.total.delivered, currency: data.currency },
                  locale,
                ),
              })}
            </Text>
            <BurdenSharingFigure burden={data} />
            <BurdenSharingTable burden={data} />
            <List size="sm" c="dimmed">
              {data.notes.map((note) => (
                <List.Item key={note}>{note}</List.Item>
              ))}
            </List>
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
