import { Alert, Button, Group, List, Modal, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import type { Document } from '../../core/documents/document.schema';
import { ApiError } from '../api/client';
import { useDeleteDocument, useDocument } from '../api/documents';
import { canEditDocument, useSession } from '../api/session';
import { MarkingBanner } from '../components/MarkingBanner';
import { NotFound } from '../components/NotFound';
import { PageTitle } from '../components/PageTitle';
import { QueryState } from '../components/QueryState';
import { useLocale } from '../components/use-locale';
import { useNationNames } from '../components/use-nation-names';
import { formatDateTime } from '../i18n/format';

/** What an edit page hands over: the server's warnings about the write just made. */
export interface DocumentLocationState {
  warnings?: string[];
  created?: boolean;
}

function readState(state: unknown): DocumentLocationState {
  if (typeof state !== 'object' || state === null) return {};
  const { warnings, created } = state as Record<string, unknown>;
  return {
    warnings: Array.isArray(warnings)
      ? warnings.filter((w): w is string => typeof w === 'string')
      : undefined,
    created: created === true,
  };
}

/** One document as a marked paper: the marking banner at its top and at its bottom. */
export function DocumentPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const document = useDocument(id);
  return (
    <QueryState
      query={document}
      notFound={
        <NotFound
          title={t('document.notFoundTitle')}
          message={t('document.notFound')}
          back={{ to: '/documents', label: t('document.backToList') }}
        />
      }
    >
      {(doc) => <DocumentView doc={doc} />}
    </QueryState>
  );
}

function DocumentView({ doc }: { doc: Document }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { nameOf } = useNationNames();
  const session = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const state = readState(location.state);
  const [confirming, setConfirming] = useState(false);
  const remove = useDeleteDocument();
  const mayEdit = canEditDocument(session.data, doc);
  const conflict = remove.error instanceof ApiError && remove.error.status === 409;

  const facts: [string, string][] = [
    [t('document.origin'), `${nameOf(doc.originNation)} (${doc.originNation})`],
    [t('document.scopeLabel'), t(`documents.scope.${doc.scope}`)],
    [t('document.createdBy'), doc.createdBy],
    [t('document.created'), formatDateTime(doc.createdAt, locale)],
    [t('document.updated'), formatDateTime(doc.updatedAt, locale)],
    [t('document.version'), String(doc.version)],
  ];

  return (
    <Stack gap="md">
      <MarkingBanner marking={doc.marking} position={t('marking.top')} />
      {state.warnings && state.warnings.length > 0 ? (
        <Alert color="#8a3b00" variant="filled" role="alert" title={t('document.warningsTitle')}>
          <List size="sm" c="white">
            {state.warnings.map((w) => (
              <List.Item key={w}>{w}</List.Item>
            ))}
          </List>
        </Alert>
      ) : state.created ? (
        <Alert color="green" role="status">
          {t('document.createdNotice')}
        </Alert>
      ) : null}
      <Group justify="space-between" align="flex-start">
        <PageTitle text={doc.title} />
        {mayEdit ? (
          <Group>
            <Button component={Link} to={`/documents/${doc.id}/edit`} variant="default">
              {t('document.edit')}
            </Button>
            <Button color="red.9" variant="outline" onClick={() => setConfirming(true)}>
              {t('document.delete')}
            </Button>
          </Group>
        ) : null}
      </Group>
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, sm: 3 }} component="dl" m={0} spacing="sm">
          {facts.map(([label, value]) => (
            <div key={label}>
              <Text component="dt" size="sm" c="dimmed">
                {label}
              </Text>
              <Text component="dd" m={0} fw={500}>
                {value}
              </Text>
            </div>
          ))}
        </SimpleGrid>
      </Paper>
      <Paper withBorder p="lg" component="article" aria-label={t('document.body')}>
        {doc.body.trim() === '' ? (
          <Text c="dimmed">{t('document.emptyBody')}</Text>
        ) : (
          <Text style={{ whiteSpace: 'pre-wrap' }}>{doc.body}</Text>
        )}
      </Paper>
      <MarkingBanner marking={doc.marking} position={t('marking.bottom')} />
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('document.deleteTitle')}
        centered
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Stack>
          <Text>{t('document.deleteConfirm', { title: doc.title })}</Text>
          {conflict ? (
            <Alert color="red" role="alert">
              {t('document.conflict')}
            </Alert>
          ) : remove.error ? (
            <Alert color="red" role="alert">
              {remove.error instanceof ApiError
                ? remove.error.body.message
                : t('errors.unexpected')}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red.9"
              loading={remove.isPending}
              onClick={() =>
                remove.mutate(
                  { id: doc.id, version: doc.version },
                  { onSuccess: () => void navigate('/documents', { replace: true }) },
                )
              }
            >
              {t('document.deleteAction')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
