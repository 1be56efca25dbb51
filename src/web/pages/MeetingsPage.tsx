import {
  Anchor,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../api/session';
import { meetingStatusSchema, type MeetingStatus } from '../../core/meetings/meeting.schema';
import { DEFAULT_GROUP, type MeetingSort, useMeetings } from '../api/queries';
import { PageTitle } from '../components/PageTitle';
import { QueryState } from '../components/QueryState';
import { SourceBadge } from '../components/SourceBadge';
import { StatusBadge } from '../components/StatusBadge';
import { useLocale } from '../components/use-locale';
import { Pager, pageFromParams } from '../components/Pager';
import { useUrlParams } from '../components/use-url-params';
import { formatDate, nationName } from '../i18n/format';
import { isChairSecretariat } from '../components/meetings/access';
import { currentMonth, MeetingCalendar, MONTH } from '../components/meetings/MeetingCalendar';

const PAGE_SIZE = 20;
const SORTS: readonly MeetingSort[] = ['date', '-date', 'number', '-number'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

type View = 'list' | 'calendar';

interface Filters {
  view: View;
  month: string;
  status: MeetingStatus[];
  from: string;
  to: string;
  sort: MeetingSort;
  page: number;
}

/** Filters live in the URL so a filtered list can be bookmarked, shared and navigated back to. */
function readFilters(params: URLSearchParams): Filters {
  const status = (params.get('status') ?? '')
    .split(',')
    .filter((s): s is MeetingStatus => meetingStatusSchema.safeParse(s).success);
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const sort = SORTS.find((s) => s === params.get('sort')) ?? '-date';
  const page = pageFromParams(params);
  const view = params.get('view') === 'calendar' ? 'calendar' : 'list';
  const month = MONTH.test(params.get('month') ?? '') ? (params.get('month') ?? '') : '';
  return {
    view,
    month,
    status,
    from: DATE.test(from) ? from : '',
    to: DATE.test(to) ? to : '',
    sort,
    page,
  };
}

function writeFilters(filters: Filters, params: URLSearchParams): void {
  for (const key of ['view', 'month', 'status', 'from', 'to', 'sort', 'page']) params.delete(key);
  if (filters.view === 'calendar') params.set('view', 'calendar');
  if (filters.view === 'calendar' && filters.month) params.set('month', filters.month);
  if (filters.status.length > 0) params.set('status', filters.status.join(','));
  if (filters.from) params.set('from', filters.from);
  if (filters.to) params.set('to', filters.to);
  if (filters.sort !== '-date') params.set('sort', filters.sort);
  if (filters.page > 1) params.set('page', String(filters.page));
}

export function MeetingsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [params, updateParams] = useUrlParams();
  const filters = readFilters(params);
  const session = useSession();
  const calendar = filters.view === 'calendar';
  // A reversed range would be refused by the API; show nothing rather than an error until it is fixed.
  const rangeInvalid = filters.from !== '' && filters.to !== '' && filters.from > filters.to;
  const meetings = useMeetings(
    DEFAULT_GROUP,
    {
      status: filters.status,
      from: filters.from || undefined,
      to: filters.to || undefined,
      sort: filters.sort,
      limit: PAGE_SIZE,
      offset: (filters.page - 1) * PAGE_SIZE,
    },
    !rangeInvalid && !calendar,
  );

  const update = (change: Partial<Filters>) => {
    // Any change of filter starts again at the first page. Merge into the latest URL, not this
    // render's, so quick successive changes all count.
    updateParams((next) => writeFilters({ ...readFilters(next), page: 1, ...change }, next));
  };

  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <PageTitle text={t('meetings.title')} />
        <Group>
          <div role="group" aria-label={t('meetingCycle.view.label')}>
            <Button.Group>
              {(['list', 'calendar'] as const).map((view) => (
                <Button
                  key={view}
                  variant={filters.view === view ? 'filled' : 'default'}
                  aria-pressed={filters.view === view}
                  onClick={() =>
                    updateParams((next) =>
                      writeFilters({ ...readFilters(next), view, month: '', page: 1 }, next),
                    )
                  }
                >
                  {t(`meetingCycle.view.${view}`)}
                </Button>
              ))}
            </Button.Group>
          </div>
          {isChairSecretariat(session.data, DEFAULT_GROUP) ? (
            <Button component={Link} to="/meetings/new">
              {t('meetingCycle.convene.action')}
            </Button>
          ) : null}
        </Group>
      </Group>
      <Paper withBorder p="md" component="form" role="search" aria-label={t('meetings.filters')}>
        <Group align="flex-end" gap="lg">
          <Checkbox.Group
            label={t('meetings.statusFilter')}
            value={filters.status}
            onChange={(value) =>
              update({
                status: value.filter(
                  (s): s is MeetingStatus => meetingStatusSchema.safeParse(s).success,
                ),
              })
            }
          >
            <Group gap="md" mt={8}>
              {meetingStatusSchema.options.map((status) => (
                <Checkbox key={status} value={status} label={t(`meeting.status.${status}`)} />
              ))}
            </Group>
          </Checkbox.Group>
          {calendar ? null : (
            <>
              <TextInput
                type="date"
                label={t('meetings.from')}
                value={filters.from}
                onChange={(event) => update({ from: event.currentTarget.value })}
              />
              <TextInput
                type="date"
                label={t('meetings.to')}
                value={filters.to}
                error={rangeInvalid ? t('meetings.rangeInvalid') : undefined}
                onChange={(event) => update({ to: event.currentTarget.value })}
              />
              <NativeSelect
                label={t('meetings.sort.label')}
                value={filters.sort}
                onChange={(event) => {
                  const sort = SORTS.find((s) => s === event.currentTarget.value);
                  if (sort) update({ sort });
                }}
                data={SORTS.map((s) => ({ value: s, label: t(`meetings.sort.${s}`) }))}
              />
            </>
          )}
          <Button
            variant="default"
            onClick={() =>
              updateParams((next) =>
                writeFilters(
                  {
                    ...readFilters(next),
                    status: [],
                    from: '',
                    to: '',
                    sort: '-date',
                    page: 1,
                  },
                  next,
                ),
              )
            }
            disabled={
              filters.status.length === 0 &&
              !filters.from &&
              !filters.to &&
              filters.sort === '-date'
            }
          >
            {t('common.clearFilters')}
          </Button>
        </Group>
      </Paper>
      {calendar ? (
        <MeetingCalendar
          month={filters.month || currentMonth()}
          status={filters.status}
          onMonthChange={(month) =>
            updateParams((next) => writeFilters({ ...readFilters(next), month }, next))
          }
        />
      ) : rangeInvalid ? null : (
        <QueryState query={meetings}>
          {(page) => (
            <Stack>
              <Text aria-live="polite" data-testid="meetings-total">
                {t('meetings.total', { count: page.total })}
              </Text>
              <Table.ScrollContainer minWidth={960}>
                <Table striped highlightOnHover verticalSpacing="sm">
                  <caption className="visually-hidden">{t('meetings.caption')}</caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('meetings.col.meeting')}</Table.Th>
                      <Table.Th scope="col">{t('meetings.col.date')}</Table.Th>
                      <Table.Th scope="col">{t('meetings.col.venue')}</Table.Th>
                      <Table.Th scope="col">{t('meetings.col.format')}</Table.Th>
                      <Table.Th scope="col">{t('meetings.col.chair')}</Table.Th>
                      <Table.Th scope="col">{t('meetings.col.status')}</Table.Th>
                      <Table.Th scope="col">{t('meetings.col.source')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {page.items.map((meeting) => (
                      <Table.Tr key={meeting.id}>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>
                          {meeting.number !== null ? (
                            <Anchor component={Link} to={`/meetings/${meeting.number}`} fw={600}>
                              {meeting.code}
                            </Anchor>
                          ) : (
                            <Text span fw={600}>
                              {meeting.code}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>
                          {formatDate(meeting.date, locale, 'medium')}
                        </Table.Td>
                        <Table.Td>{meeting.venue ?? t('meeting.venueUnknown')}</Table.Td>
                        <Table.Td>
                          {meeting.format ? t(`meeting.format.${meeting.format}`) : '—'}
                        </Table.Td>
                        <Table.Td>
                          {nationName(meeting.chair, locale)}
                          {meeting.coChair ? ` / ${nationName(meeting.coChair, locale)}` : ''}
                        </Table.Td>
                        <Table.Td>
                          <StatusBadge status={meeting.status} />
                        </Table.Td>
                        <Table.Td>
                          <SourceBadge source={meeting.source} compact />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              <Pager
                total={page.total}
                pageSize={PAGE_SIZE}
                page={filters.page}
                onChange={(p) =>
                  updateParams((next) => writeFilters({ ...readFilters(next), page: p }, next))
                }
              />
            </Stack>
          )}
        </QueryState>
      )}
    </Stack>
  );
}
