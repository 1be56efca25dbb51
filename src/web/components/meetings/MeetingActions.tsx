import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Meeting } from '../../../core/meetings/meeting.schema';
import { ApiError, fieldErrors } from '../../api/client';
import { useCancelMeeting, useMeetingPhase } from '../../api/meetings';
import { meetingDownloads } from '../../api/meetings-record';
import { ErrorAlert } from '../ErrorAlert';

/**
 * The chair secretariat's controls for the meeting's phase: edit or reschedule and cancel while it is
 * planned, open it on its day, close it once recorded. Each names the version read.
 */
export function MeetingActions({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const open = useMeetingPhase(meeting.id, 'open');
  const close = useMeetingPhase(meeting.id, 'close');
  const [cancelling, setCancelling] = useState(false);
  const [confirmClose, setConfirmClose] = useState(false);
  const error = open.error ?? close.error;

  return (
    <Stack gap="xs">
      <Group>
        {meeting.phase === 'planned' ? (
          <>
            <Button
              component={Link}
              to={`/meetings/${meeting.number ?? ''}/edit`}
              variant="default"
            >
              {t('meetingCycle.actions.edit')}
            </Button>
            <Button
              loading={open.isPending}
              onClick={() => open.mutate({ version: meeting.version })}
            >
              {t('meetingCycle.actions.open')}
            </Button>
            <Button variant="outline" color="red.9" onClick={() => setCancelling(true)}>
              {t('meetingCycle.actions.cancel')}
            </Button>
          </>
        ) : null}
        {meeting.phase === 'open' ? (
          <Button onClick={() => setConfirmClose(true)}>{t('meetingCycle.actions.close')}</Button>
        ) : null}
      </Group>
      <ErrorAlert error={error} />
      <CancelDialog meeting={meeting} opened={cancelling} onClose={() => setCancelling(false)} />
      <Modal
        opened={confirmClose}
        onClose={() => setConfirmClose(false)}
        title={t('meetingCycle.actions.closeTitle', { code: meeting.code })}
        centered
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Stack>
          <Text>{t('meetingCycle.actions.closeConfirm')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirmClose(false)}>
              {t('common.cancel')}
            </Button>
            <Button
              loading={close.isPending}
              onClick={() =>
                close.mutate(
                  { version: meeting.version },
                  { onSettled: () => setConfirmClose(false) },
                )
              }
            >
              {t('meetingCycle.actions.close')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

function CancelDialog({
  meeting,
  opened,
  onClose,
}: {
  meeting: Meeting;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const cancel = useCancelMeeting(meeting.id);
  const [reason, setReason] = useState('');
  const errors = fieldErrors(cancel.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    cancel.mutate({ version: meeting.version, reason }, { onSuccess: onClose });
  };
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('meetingCycle.actions.cancelTitle', { code: meeting.code })}
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">{t('meetingCycle.actions.cancelHint')}</Text>
          <Textarea
            label={t('meetingCycle.actions.cancelReason')}
            required
            autosize
            minRows={2}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            error={errors.reason}
            data-autofocus
          />
          {cancel.error && !errors.reason ? (
            <Alert color="red" role="alert">
              {cancel.error instanceof ApiError
                ? cancel.error.body.message
                : t('errors.unexpected')}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('meetingCycle.actions.keep')}
            </Button>
            <Button type="submit" color="red.9" loading={cancel.isPending}>
              {t('meetingCycle.actions.cancelConfirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Links to the documents the API serves for the meeting; the summary once the meeting is closed. */
export function MeetingDownloads({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const paths = meetingDownloads(meeting.id);
  const links = [
    { href: paths.preReadHtml, label: t('meetingCycle.downloads.preRead') },
    { href: paths.attendanceCsv, label: t('meetingCycle.downloads.attendance') },
    ...(meeting.phase === 'closed'
      ? [
          { href: paths.summaryHtml, label: t('meetingCycle.downloads.summaryHtml') },
          { href: paths.summaryPdf, label: t('meetingCycle.downloads.summaryPdf') },
        ]
      : []),
  ];
  return (
    <nav aria-label={t('meetingCycle.downloads.title')}>
      <Group gap="sm">
        <Text size="sm" fw={600}>
          {t('meetingCycle.downloads.title')}:
        </Text>
        {links.map((link) => (
          <Button
            key={link.href}
            component="a"
            href={link.href}
            target="_blank"
            rel="noopener"
            size="xs"
            variant="light"
          >
            {link.label}
          </Button>
        ))}
      </Group>
    </nav>
  );
}
