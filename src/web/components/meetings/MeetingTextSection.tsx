import { Alert, Badge, Button, Group, List, Stack, Text, Textarea, Title } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingText, MeetingTextKind } from '../../../core/meetings/meeting-text.schema';
import type { Meeting } from '../../../core/meetings/meeting.schema';
import { fieldErrors } from '../../api/client';
import {
  useFinalizeMeetingText,
  useGenerateSummary,
  useMeetingText,
  useWriteMeetingText,
} from '../../api/meetings-record';
import { formatDateTime } from '../../i18n/format';
import { ErrorAlert } from '../ErrorAlert';
import { QueryState } from '../QueryState';
import { useLocale } from '../use-locale';

interface MeetingTextSectionProps {
  meeting: Meeting;
  kind: MeetingTextKind;
  secretariat: boolean;
}

/**
 * The minutes or the summary: the text, its revisions, and for the secretariat the editor and the
 * final step (approve the minutes, publish the summary). Others see the text once it is final.
 */
export function MeetingTextSection({ meeting, kind, secretariat }: MeetingTextSectionProps) {
  const { t } = useTranslation();
  const text = useMeetingText(meeting.id, kind);
  // The minutes may be written once the meeting is open; the summary only once it is closed.
  const writable =
    secretariat &&
    (kind === 'minutes'
      ? meeting.phase === 'open' || meeting.phase === 'closed'
      : meeting.phase === 'closed');
  return (
    <QueryState query={text}>
      {(data) => (
        <Stack>
          {data ? <TextStatus text={data} /> : null}
          {writable && data?.status !== 'final' ? (
            <TextEditor key={data?.version ?? 0} meeting={meeting} kind={kind} text={data} />
          ) : data ? (
            <FormattedText body={data.body} />
          ) : (
            <Text>{t(`meetingCycle.text.${kind}.none`)}</Text>
          )}
          {data && data.revisions.length > 0 ? <Revisions text={data} /> : null}
        </Stack>
      )}
    </QueryState>
  );
}

function TextStatus({ text }: { text: MeetingText }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Group gap="sm">
      <Badge
        component="span"
        variant="filled"
        color={text.status === 'final' ? '#1e6b34' : 'gray.7'}
      >
        {t(`meetingCycle.text.${text.kind}.${text.status}`)}
      </Badge>
      <Text size="sm">
        {text.finalizedAt
          ? t('meetingCycle.text.finalizedBy', {
              who: text.finalizedBy ?? '',
              when: formatDateTime(text.finalizedAt, locale),
            })
          : t('meetingCycle.text.updatedBy', {
              who: text.updatedBy,
              when: formatDateTime(text.updatedAt, locale),
              version: text.version,
            })}
      </Text>
    </Group>
  );
}

function TextEditor({
  meeting,
  kind,
  text,
}: {
  meeting: Meeting;
  kind: MeetingTextKind;
  text: MeetingText | null;
}) {
  const { t } = useTranslation();
  const write = useWriteMeetingText(meeting.id, kind);
  const finalize = useFinalizeMeetingText(meeting.id, kind);
  const generate = useGenerateSummary(meeting.id);
  const [body, setBody] = useState(text?.body ?? '');
  const errors = fieldErrors(write.error);
  const failure = [write.error, finalize.error, generate.error].find(
    (e) => e && !(e === write.error && errors.body),
  );
  const dirty = body !== (text?.body ?? '');
  const canFinalize =
    text !== null && !dirty && (kind === 'minutes' ? meeting.phase === 'closed' : true);
  const label = t(`meetingCycle.text.${kind}.label`);

  return (
    <Stack gap="sm">
      <ErrorAlert error={failure} />
      {generate.data && generate.data.warnings.length > 0 ? (
        <Alert color="yellow" variant="light" role="status">
          {generate.data.warnings.join(' ')}
        </Alert>
      ) : null}
      <Textarea
        label={label}
        description={t('meetingCycle.text.formatHint')}
        autosize
        minRows={8}
        maxRows={30}
        value={body}
        onChange={(event) => setBody(event.currentTarget.value)}
        error={errors.body}
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
      />
      <Group>
        <Button
          loading={write.isPending}
          disabled={!dirty}
          onClick={() => write.mutate({ version: text?.version ?? 0, body })}
        >
          {t(`meetingCycle.text.${kind}.save`)}
        </Button>
        {kind === 'summary' ? (
          <Button
            variant="default"
            loading={generate.isPending}
            onClick={() => generate.mutate({ version: text?.version ?? 0 })}
          >
            {text ? t('meetingCycle.text.regenerate') : t('meetingCycle.text.generate')}
          </Button>
        ) : null}
        {text !== null && canFinalize ? (
          <Button
            color="#1e6b34"
            loading={finalize.isPending}
            onClick={() => finalize.mutate({ version: text.version })}
          >
            {t(`meetingCycle.text.${kind}.finalize`)}
          </Button>
        ) : null}
      </Group>
      {body.trim() ? (
        <details>
          <summary>{t('meetingCycle.text.preview')}</summary>
          <FormattedText body={body} />
        </details>
      ) : null}
    </Stack>
  );
}

function Revisions({ text }: { text: MeetingText }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <details data-testid={`${text.kind}-revisions`}>
      <summary>{t('meetingCycle.text.revisions', { count: text.revisions.length })}</summary>
      <List spacing="sm" mt="xs">
        {[...text.revisions].reverse().map((revision) => (
          <List.Item key={revision.version}>
            <Text size="sm" fw={600}>
              {t('meetingCycle.text.revision', {
                version: revision.version,
                action: t(`meetingCycle.text.action.${revision.action}`),
                who: revision.changedBy,
                when: formatDateTime(revision.changedAt, locale),
              })}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} lineClamp={6}>
              {revision.body}
            </Text>
          </List.Item>
        ))}
      </List>
    </details>
  );
}

/**
 * The texts' small format (meeting-text.ts): `# ` and `## ` headings, `- ` list items, paragraphs
 * split by blank lines. Rendered as elements, never as HTML, so nothing in a text can run.
 */
export function FormattedText({ body }: { body: string }) {
  const blocks: ReactNode[] = [];
  let list: string[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length > 0) {
      blocks.push(<Text key={blocks.length}>{paragraph.join(' ')}</Text>);
      paragraph = [];
    }
    if (list.length > 0) {
      blocks.push(
        <List key={blocks.length} size="sm">
          {list.map((item, i) => (
            <List.Item key={i}>{item}</List.Item>
          ))}
        </List>,
      );
      list = [];
    }
  };
  for (const line of body.split('\n')) {
    if (line.startsWith('# ') || line.startsWith('## ')) {
      flush();
      const level = line.startsWith('## ') ? 4 : 3;
      blocks.push(
        <Title key={blocks.length} order={level} size={level === 3 ? 'h4' : 'h5'}>
          {line.slice(level === 3 ? 2 : 3)}
        </Title>,
      );
    } else if (line.startsWith('- ')) {
      if (paragraph.length > 0) flush();
      list.push(line.slice(2));
    } else if (line.trim() === '') {
      flush();
    } else {
      if (list.length > 0) flush();
      paragraph.push(line.trim());
    }
  }
  flush();
  return (
    <Stack gap="xs" data-testid="formatted-text">
      {blocks}
    </Stack>
  );
}
