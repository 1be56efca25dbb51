import { Card, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../core/accounts/account.schema';
import type { Handover } from '../../core/chair/chair-handover.schema';
import type { ChairTerm } from '../../core/chair/chair-term.schema';
import { useHandovers } from '../api/chair';
import { DEFAULT_GROUP, useChair } from '../api/queries';
import { useSession } from '../api/session';
import { isOpen, mayAccept, mayPropose, mayWithdraw } from '../components/chair/chair-access';
import { ChairTimeline } from '../components/chair/ChairTimeline';
import { HandoverActions } from '../components/chair/HandoverActions';
import {
  HandoverRecord,
  HandoverStatusBadge,
  HandoverTitle,
} from '../components/chair/HandoverRecord';
import { ProposeHandoverForm } from '../components/chair/ProposeHandoverForm';
import { NationLabel } from '../components/NationLabel';
import { PageTitle } from '../components/PageTitle';
import { QueryState } from '../components/QueryState';
import { useLocale } from '../components/use-locale';
import { formatDate } from '../i18n/format';

/**
 * `/chair`: who chairs the group and since when, the whole chair history with each handover's record,
 * and for the secretariats the handover itself: propose, accept, withdraw.
 */
export function ChairPage() {
  const { t } = useTranslation();
  const slug = DEFAULT_GROUP;
  const chair = useChair(slug);
  const handovers = useHandovers(slug);
  const session = useSession();
  return (
    <Stack gap="lg">
      <div>
        <PageTitle text={t('chair.title')} />
        <Text maw={760}>{t('chair.intro')}</Text>
      </div>
      <QueryState query={chair}>
        {({ current, history }) => (
          <QueryState query={handovers}>
            {({ items }) => (
              <ChairView
                slug={slug}
                current={current}
                terms={history}
                handovers={items}
                session={session.data ?? null}
              />
            )}
          </QueryState>
        )}
      </QueryState>
    </Stack>
  );
}

function ChairView({
  slug,
  current,
  terms,
  handovers,
  session,
}: {
  slug: string;
  current: ChairTerm | null;
  terms: readonly ChairTerm[];
  handovers: readonly Handover[];
  session: SessionInfo | null;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const open = handovers.find(isOpen);
  const proposer = mayPropose(session, current);
  return (
    <Stack gap="xl">
      <Card withBorder padding="md">
        {current ? (
          <Group gap="xl">
            <Fact label={t('chair.current')} testId="chair-current">
              <NationLabel nation={current.chair} />
            </Fact>
            <Fact label={t('chair.coChair')} testId="chair-co-chair">
              {current.coChair ? <NationLabel nation={current.coChair} /> : t('chair.noCoChair')}
            </Fact>
            <Fact label={t('chair.since')} testId="chair-since">
              {formatDate(current.startsOn, locale)}
            </Fact>
          </Group>
        ) : (
          <Text>{t('chair.none')}</Text>
        )}
      </Card>

      {open ? (
        <section aria-labelledby="open-handover-heading">
          <Title order={2} size="h3" id="open-handover-heading" mb="sm">
            {t('chair.openHandover')}
          </Title>
          <Card withBorder padding="md" data-testid="open-handover">
            <Stack>
              <Group gap="sm">
                <Text fw={700}>
                  <HandoverTitle handover={open} />
                </Text>
                <HandoverStatusBadge status={open.status} />
              </Group>
              <HandoverRecord handover={open} />
              <HandoverActions
                slug={slug}
                handover={open}
                canAccept={mayAccept(session, open)}
                canWithdraw={mayWithdraw(session, open)}
                declining={session?.user.nation.code === open.to.code}
              />
            </Stack>
          </Card>
        </section>
      ) : null}

      {proposer ? (
        <section aria-labelledby="propose-heading">
          <Title order={2} size="h3" id="propose-heading" mb="sm">
            {t('chair.propose.title')}
          </Title>
          {open ? (
            <Text>{t('chair.propose.blocked')}</Text>
          ) : (
            <ProposeHandoverForm slug={slug} current={current} />
          )}
        </section>
      ) : null}

      <section aria-labelledby="timeline-heading">
        <Title order={2} size="h3" id="timeline-heading" mb="sm">
          {t('chair.timeline')}
        </Title>
        <ChairTimeline terms={terms} handovers={handovers} />
      </section>

      <section aria-labelledby="handovers-heading">
        <Title order={2} size="h3" id="handovers-heading" mb="sm">
          {t('chair.handovers')}
        </Title>
        {handovers.length === 0 ? (
          <Text>{session ? t('chair.noHandovers') : t('chair.noHandoversSignedOut')}</Text>
        ) : (
          <Stack data-testid="handover-list">
            {handovers.map((h) => (
              <Card withBorder padding="md" key={h.id} data-testid="handover">
                <Group gap="sm" mb="xs">
                  <Title order={3} size="h5">
                    <HandoverTitle handover={h} />
                  </Title>
                  <HandoverStatusBadge status={h.status} />
                </Group>
                <HandoverRecord handover={h} />
              </Card>
            ))}
          </Stack>
        )}
      </section>
    </Stack>
  );
}

function Fact({ label, testId, children }: { label: string; testId: string; children: ReactNode }) {
  return (
    <div>
      <Text size="sm" c="gray.7" fw={600}>
        {label}
      </Text>
      <Text size="xl" fw={700} data-testid={testId}>
        {children}
      </Text>
    </div>
  );
}
