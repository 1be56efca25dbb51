import { Stack, Tabs, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../../core/accounts/account.schema';
import type { Meeting } from '../../../core/meetings/meeting.schema';
import { useUrlParams } from '../use-url-params';
import { delegationOf } from './access';
import { ActionItemsSection } from './ActionItemsSection';
import { AgendaSection } from './AgendaSection';
import { AttendanceSection } from './AttendanceSection';
import { InvitationsSection } from './InvitationsSection';
import { MeetingTextSection } from './MeetingTextSection';
import { OutcomesSection } from './OutcomesSection';

const TABS = ['agenda', 'invitations', 'attendance', 'record', 'minutes', 'summary'] as const;
type Tab = (typeof TABS)[number];

interface MeetingTabsProps {
  meeting: Meeting;
  session: SessionInfo | null | undefined;
  secretariat: boolean;
}

/** The meeting's cycle, one part per tab; the tab lives in the URL so a link can open it. */
export function MeetingTabs({ meeting, session, secretariat }: MeetingTabsProps) {
  const { t } = useTranslation();
  const [params, updateParams] = useUrlParams();
  const tab: Tab = TABS.find((name) => name === params.get('tab')) ?? 'agenda';
  const delegation = delegationOf(session);
  const running = meeting.phase === 'open';

  return (
    <section aria-labelledby="cycle-heading">
      <Title order={2} size="h4" id="cycle-heading" mb="sm">
        {t('meetingCycle.tabs.heading')}
      </Title>
      <Tabs
        value={tab}
        onChange={(next) => {
          const chosen = TABS.find((name) => name === next);
          if (chosen)
            updateParams(
              (p) => (chosen === 'agenda' ? p.delete('tab') : p.set('tab', chosen)),
              true,
            );
        }}
        keepMounted={false}
      >
        <Tabs.List>
          {TABS.map((name) => (
            <Tabs.Tab key={name} value={name}>
              {t(`meetingCycle.tabs.${name}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="agenda" pt="md">
          <AgendaSection
            meeting={meeting}
            canEdit={secretariat && (meeting.phase === 'planned' || running)}
          />
        </Tabs.Panel>
        <Tabs.Panel value="invitations" pt="md">
          <InvitationsSection meeting={meeting} secretariat={secretariat} delegation={delegation} />
        </Tabs.Panel>
        <Tabs.Panel value="attendance" pt="md">
          <AttendanceSection meeting={meeting} secretariat={secretariat} delegation={delegation} />
        </Tabs.Panel>
        <Tabs.Panel value="record" pt="md">
          <Stack gap="xl">
            <section aria-labelledby="outcomes-heading">
              <Title order={3} size="h5" id="outcomes-heading" mb="xs">
                {t('meetingCycle.outcomes.title')}
              </Title>
              <OutcomesSection meeting={meeting} canRecord={secretariat && running} />
            </section>
            <section aria-labelledby="action-items-heading">
              <Title order={3} size="h5" id="action-items-heading" mb="xs">
                {t('meetingCycle.actionItems.heading')}
              </Title>
              <ActionItemsSection
                meeting={meeting}
                session={session}
                canRaise={secretariat && running}
              />
            </section>
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="minutes" pt="md">
          <MeetingTextSection meeting={meeting} kind="minutes" secretariat={secretariat} />
        </Tabs.Panel>
        <Tabs.Panel value="summary" pt="md">
          <MeetingTextSection meeting={meeting} kind="summary" secretariat={secretariat} />
        </Tabs.Panel>
      </Tabs>
    </section>
  );
}
