import {
  Alert,
  Badge,
  Button,
  Group,
  MultiSelect,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Invitation,
  type InvitationList,
  rsvpSchema,
} from '../../../core/meetings/invitation.schema';
import { meetingLevelSchema, type Meeting } from '../../../core/meetings/meeting.schema';
import { useInvitations, useInviteNations, useRsvp } from '../../api/meetings';
import { useNations } from '../../api/queries';
import { formatDateTime } from '../../i18n/format';
import { FormActions, SectionForm } from '../FormCard';
import { FormProblems, useFormErrors } from '../ledger/FormErrors';
import { QueryState } from '../QueryState';
import { useLocale } from '../use-locale';
import { useNationNames, useNationOptions } from '../use-nation-names';

type Answer = (typeof rsvpSchema.shape.response.options)[number];
type Level = (typeof meetingLevelSchema.options)[number];

interface InvitationsSectionProps {
  meeting: Meeting;
  secretariat: boolean;
  /** The viewer's own nation when it may answer for it (a delegation), else null. */
  delegation: string | null;
}

/** Who is invited and what each answered; the delegation answers, the secretariat chases. */
export function InvitationsSection({ meeting, secretariat, delegation }: InvitationsSectionProps) {
  const { t } = useTranslation();
  const invitations = useInvitations(meeting.id);
  const answering = meeting.phase === 'planned' || meeting.phase === 'open';
  return (
    <QueryState query={invitations}>
      {(list) => {
        const own = list.items.find((i) => i.nation.code === delegation);
        return (
          <Stack>
            <Text data-testid="rsvp-counts">
              {t('meetingCycle.invitations.counts', {
                invited: list.counts.invited,
                attending: list.counts.attending,
                virtual: list.counts.virtual,
                declined: list.counts.declined,
                noAnswer: list.counts.noAnswer,
              })}
            </Text>
            {answering && (secretariat || own) ? (
              <RsvpForm
                key={secretariat ? 'secretariat' : 'own'}
                meeting={meeting}
                list={list}
                fixedNation={secretariat ? null : (own ?? null)}
              />
            ) : null}
            {secretariat && list.notAnswered.length > 0 ? (
              <NotAnswered codes={list.notAnswered} />
            ) : null}
            {secretariat && answering ? <InviteMore meeting={meeting} list={list} /> : null}
            <InvitationTable items={list.items} />
          </Stack>
        );
      }}
    </QueryState>
  );
}

function NotAnswered({ codes }: { codes: readonly string[] }) {
  const { t } = useTranslation();
  const { nameOf } = useNationNames();
  return (
    <Alert color="orange">
      <Text size="sm" fw={700}>
        {t('meetingCycle.invitations.notAnswered', { count: codes.length })}
      </Text>
      <Text size="sm" data-testid="not-answered">
        {codes.map((code) => nameOf(code)).join(', ')}
      </Text>
    </Alert>
  );
}

const RESPONSE_COLORS: Record<Invitation['response'], string> = {
  no_answer: 'gray.7',
  attending: '#1e6b34',
  virtual: 'blue.8',
  declined: 'red.9',
};

function InvitationTable({ items }: { items: readonly Invitation[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { nameOf } = useNationNames();
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table striped verticalSpacing="xs" data-testid="invitations">
        <caption className="visually-hidden">{t('meetingCycle.invitations.caption')}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('meetingCycle.invitations.nation')}</Table.Th>
            <Table.Th scope="col">{t('meetingCycle.invitations.invitedAs')}</Table.Th>
            <Table.Th scope="col">{t('meetingCycle.invitations.answer')}</Table.Th>
            <Table.Th scope="col">{t('meetingCycle.invitations.head')}</Table.Th>
            <Table.Th scope="col">{t('meetingCycle.form.level')}</Table.Th>
            <Table.Th scope="col">{t('meetingCycle.invitations.answeredBy')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((invitation) => (
            <Table.Tr
              key={invitation.nation.code}
              data-testid={`invitation-${invitation.nation.code}`}
            >
              <Table.Th scope="row" fw={500}>
                {nameOf(invitation.nation.code)} ({invitation.nation.code})
              </Table.Th>
              <Table.Td>{t(`meetingCycle.invitedAs.${invitation.invitedAs}`)}</Table.Td>
              <Table.Td>
                <Badge
                  component="span"
                  variant="filled"
                  color={RESPONSE_COLORS[invitation.response]}
                >
                  {t(`meetingCycle.response.${invitation.response}`)}
                </Badge>
              </Table.Td>
              <Table.Td>{invitation.headOfDelegation ?? '—'}</Table.Td>
              <Table.Td>
                {invitation.level ? t(`meetingCycle.level.${invitation.level}`) : '—'}
              </Table.Td>
              <Table.Td>
                {invitation.respondedAt
                  ? `${invitation.respondedBy ?? ''}, ${formatDateTime(invitation.respondedAt, locale)}`
                  : '—'}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

const RSVP_FIELDS = ['response', 'headOfDelegation', 'level', 'nation'] as const;

/** The answer to the invitation: for the delegation's own nation, or any nation by the secretariat. */
function RsvpForm({
  meeting,
  list,
  fixedNation,
}: {
  meeting: Meeting;
  list: InvitationList;
  fixedNation: Invitation | null;
}) {
  const { t } = useTranslation();
  const { nameOf } = useNationNames();
  const rsvp = useRsvp(meeting.id);
  const [nation, setNation] = useState(fixedNation?.nation.code ?? list.notAnswered[0] ?? '');
  const current = list.items.find((i) => i.nation.code === nation);
  const answerOf = (invitation: Invitation | undefined): Answer =>
    invitation && invitation.response !== 'no_answer' ? invitation.response : 'attending';
  const [response, setResponse] = useState<Answer>(answerOf(current));
  const [head, setHead] = useState(current?.headOfDelegation ?? '');
  const [level, setLevel] = useState<Level>(current?.level ?? meeting.level ?? 'ministers');

  // Choosing another nation shows what that nation answered so far, not the previous one's answer.
  const choose = (code: string) => {
    const next = list.items.find((i) => i.nation.code === code);
    setNation(code);
    setResponse(answerOf(next));
    setHead(next?.headOfDelegation ?? '');
    setLevel(next?.level ?? meeting.level ?? 'ministers');
    setSaved(false);
  };
  const [saved, setSaved] = useState(false);
  const { errors, problems } = useFormErrors(rsvp.error, RSVP_FIELDS);
  const title = fixedNation
    ? t('meetingCycle.rsvp.titleOwn', { nation: nameOf(fixedNation.nation.code) })
    : t('meetingCycle.rsvp.titleFor');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!current) return;
    setSaved(false);
    rsvp.mutate(
      {
        nation,
        version: current.version,
        response,
        headOfDelegation: head.trim() || undefined,
        level: response === 'declined' ? undefined : level,
      },
      { onSuccess: () => setSaved(true) },
    );
  };

  return (
    <SectionForm title={title} onSubmit={submit}>
      <FormProblems problems={problems} />
      <SimpleGrid cols={{ base: 1, sm: fixedNation ? 3 : 4 }}>
        {fixedNation ? null : (
          <NativeSelect
            label={t('meetingCycle.invitations.nation')}
            value={nation}
            onChange={(event) => choose(event.currentTarget.value)}
            error={errors.nation}
            data={list.items.map((i) => ({ value: i.nation.code, label: nameOf(i.nation.code) }))}
          />
        )}
        <NativeSelect
          label={t('meetingCycle.invitations.answer')}
          value={response}
          onChange={(event) => {
            const parsed = rsvpSchema.shape.response.safeParse(event.currentTarget.value);
            if (parsed.success) setResponse(parsed.data);
          }}
          error={errors.response}
          data={rsvpSchema.shape.response.options.map((r) => ({
            value: r,
            label: t(`meetingCycle.response.${r}`),
          }))}
        />
        <TextInput
          label={t('meetingCycle.invitations.head')}
          value={head}
          onChange={(event) => setHead(event.currentTarget.value)}
          error={errors.headOfDelegation}
        />
        <NativeSelect
          label={t('meetingCycle.form.level')}
          value={level}
          disabled={response === 'declined'}
          onChange={(event) => {
            const parsed = meetingLevelSchema.safeParse(event.currentTarget.value);
            if (parsed.success) setLevel(parsed.data);
          }}
          error={errors.level}
          data={meetingLevelSchema.options.map((l) => ({
            value: l,
            label: t(`meetingCycle.level.${l}`),
          }))}
        />
      </SimpleGrid>
      <FormActions
        submitLabel={t('meetingCycle.rsvp.submit')}
        pending={rsvp.isPending}
        disabled={!current}
      >
        <Text size="sm" role="status">
          {saved ? t('meetingCycle.rsvp.saved') : ''}
        </Text>
      </FormActions>
    </SectionForm>
  );
}

/** The secretariat invites more of the group's participants: observers, late joiners. */
function InviteMore({ meeting, list }: { meeting: Meeting; list: InvitationList }) {
  const { t } = useTranslation();
  const nationOptions = useNationOptions();
  const participants = useNations({ group: meeting.group.slug, limit: 500 });
  const invite = useInviteNations(meeting.id);
  const [nations, setNations] = useState<string[]>([]);
  const invited = new Set(list.items.map((i) => i.nation.code));
  const options = nationOptions(
    (participants.data?.items ?? []).filter((n) => !invited.has(n.code)),
  );
  const { errors, problems } = useFormErrors(invite.error, ['nations']);
  const title = t('meetingCycle.invitations.inviteTitle');
  if (options.length === 0) return null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    invite.mutate({ nations }, { onSuccess: () => setNations([]) });
  };

  return (
    <form onSubmit={submit} noValidate aria-label={title}>
      <Stack gap="xs">
        <FormProblems problems={problems} />
        <Group align="flex-end">
          <MultiSelect
            label={title}
            description={t('meetingCycle.invitations.inviteHint')}
            data={options}
            value={nations}
            onChange={setNations}
            searchable
            clearable
            error={
              errors.nations ?? Object.entries(errors).find(([k]) => k.startsWith('nations.'))?.[1]
            }
            nothingFoundMessage={t('marking.noNation')}
            comboboxProps={{ withinPortal: true }}
            miw={320}
          />
          <Button
            type="submit"
            variant="default"
            loading={invite.isPending}
            disabled={nations.length === 0}
          >
            {t('meetingCycle.invitations.invite')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
