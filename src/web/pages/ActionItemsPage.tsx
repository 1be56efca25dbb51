import { Anchor, NativeSelect, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  type ActionItemListQuery,
  actionItemListQuerySchema,
} from '../../core/meetings/meeting-record.schema';
import { useGroupActionItems } from '../api/meetings-record';
import { DEFAULT_GROUP, useNations } from '../api/queries';
import { useSession } from '../api/session';
import { FilterBar } from '../components/FilterBar';
import { ActionItemTable } from '../components/meetings/ActionItemsSection';
import { NotFound } from '../components/NotFound';
import { PageHeader } from '../components/PageTitle';
import { QueryState } from '../components/QueryState';
import { useNationOptions } from '../components/use-nation-names';
import { useUrlParams, writeFilter } from '../components/use-url-params';

type Status = ActionItemListQuery['status'];
const STATUSES = actionItemListQuerySchema.shape.status.unwrap().options;

/** Open items unless the address asks for all: what the group still has to do comes first. */
function readStatus(value: string | null): Status {
  return STATUSES.find((s) => s === value) ?? 'open';
}

/** The owner filter of the address: a nation code, or '' (any owner) for anything else. */
function readOwner(value: string | null): string {
  const code = (value ?? '').toUpperCase();
  return /^[A-Z]{3}$/.test(code) ? code : '';
}

/**
 * `/groups/:slug/action-items`: every action item of the group's meetings the viewer may read, with
 * the meeting it came from; the secretariat and each owner's coordinators update them here as on the
 * meeting page. Filters live in the URL so a filtered list can be bookmarked and shared.
 */
export function ActionItemsPage() {
  const { t } = useTranslation();
  const { slug = DEFAULT_GROUP } = useParams();
  const session = useSession();
  const nationOptions = useNationOptions();
  const participants = useNations({ group: slug, limit: 500 });
  const [params, updateParams] = useUrlParams();
  const status = readStatus(params.get('status'));
  const owner = readOwner(params.get('owner'));
  const items = useGroupActionItems(slug, { status, ...(owner === '' ? {} : { owner }) });

  return (
    <Stack>
      <div>
        <Anchor component={Link} to={`/groups/${encodeURIComponent(slug)}`} size="sm">
          ← {t('actionItems.backToGroup')}
        </Anchor>
        <PageHeader title={t('actionItems.title')} />
      </div>
      <Text maw={760} mt={-8}>
        {t('actionItems.intro')}
      </Text>
      <FilterBar label={t('actionItems.filters')}>
        <NativeSelect
          label={t('actionItems.statusFilter')}
          value={status}
          onChange={(event) => {
            // "open" is the default, so it leaves the address clean.
            const value = readStatus(event.currentTarget.value);
            updateParams((next) => writeFilter(next, 'status', value === 'open' ? '' : value));
          }}
          data={STATUSES.map((s) => ({ value: s, label: t(`actionItems.status.${s}`) }))}
        />
        <NativeSelect
          label={t('actionItems.ownerFilter')}
          value={owner}
          onChange={(event) => {
            const value = event.currentTarget.value;
            updateParams((next) => writeFilter(next, 'owner', value));
          }}
          data={[
            { value: '', label: t('actionItems.anyOwner') },
            ...nationOptions(participants.data?.items ?? [], { withCode: false }),
          ]}
        />
      </FilterBar>
      <QueryState
        query={items}
        notFound={
          <NotFound title={t('group.notFoundTitle')} message={t('group.notFound', { slug })} />
        }
      >
        {(shown) => (
          <Stack gap="sm">
            <Text aria-live="polite" data-testid="action-items-total">
              {t(`actionItems.total.${status}`, { count: shown.length })}
            </Text>
            <ActionItemTable
              items={shown}
              session={session.data}
              slug={slug}
              testId="group-action-items"
              empty={t(`actionItems.empty.${status}`)}
            />
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
