import { Alert, Text, TextInput, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { SessionInfo } from '../../core/accounts/account.schema';
import type { Document } from '../../core/documents/document.schema';
import { ApiError, fieldErrors } from '../api/client';
import { useCreateDocument, useDocument, useUpdateDocument } from '../api/documents';
import { DEFAULT_GROUP } from '../api/queries';
import { canEditDocument, canWriteForGroup, canWriteForNation } from '../api/session';
import { FormActions, FormPage } from '../components/FormCard';
import { MarkingPicker, type MarkingValue, markingErrors } from '../components/MarkingPicker';
import { NotFound } from '../components/NotFound';
import { RadioChoice } from '../components/RadioChoice';
import { QueryState } from '../components/QueryState';
import { Forbidden, RequireSession } from '../components/RequireSession';
import type { DocumentLocationState } from './DocumentPage';

type Scope = 'nation' | 'group';

/** `/documents/new`: records a document for the user's nation, or for the group it chairs. */
export function NewDocumentPage() {
  return (
    <RequireSession>
      {(session) =>
        canWriteForNation(session) || canWriteForGroup(session, DEFAULT_GROUP) ? (
          <DocumentForm session={session} />
        ) : (
          <Forbidden />
        )
      }
    </RequireSession>
  );
}

/** `/documents/:id/edit`: the same form over a document the user may edit. */
export function EditDocumentPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const document = useDocument(id);
  return (
    <RequireSession>
      {(session) => (
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
          {(doc) =>
            canEditDocument(session, doc) ? (
              <DocumentForm session={session} doc={doc} />
            ) : (
              <Forbidden />
            )
          }
        </QueryState>
      )}
    </RequireSession>
  );
}

function DocumentForm({ session, doc }: { session: SessionInfo; doc?: Document }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateDocument(DEFAULT_GROUP);
  const update = useUpdateDocument(doc?.id ?? '');
  const mutation = doc ? update : create;
  const scopes: Scope[] = [
    ...(canWriteForNation(session) ? (['nation'] as const) : []),
    ...(canWriteForGroup(session, DEFAULT_GROUP) ? (['group'] as const) : []),
  ];
  const [title, setTitle] = useState(doc?.title ?? '');
  const [body, setBody] = useState(doc?.body ?? '');
  const [scope, setScope] = useState<Scope>(doc?.scope ?? scopes[0] ?? 'nation');
  const [marking, setMarking] = useState<MarkingValue>(() => ({
    classification: doc?.marking.classification ?? 'GROUP',
    // The server keeps the originating nation in REL TO; the picker shows it apart.
    relTo: doc ? doc.marking.relTo.filter((c) => c !== doc.originNation) : [],
  }));
  const originNation = doc?.originNation ?? session.user.nation.code;
  const errors = fieldErrors(mutation.error);
  const conflict = mutation.error instanceof ApiError && mutation.error.status === 409;
  const other =
    mutation.error && !conflict && Object.keys(errors).length === 0
      ? mutation.error instanceof ApiError
        ? mutation.error.body.message
        : t('errors.unexpected')
      : null;

  const done = (id: string, state: DocumentLocationState) =>
    void navigate(`/documents/${id}`, { state });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (doc) {
      update.mutate(
        { version: doc.version, title, body, marking },
        { onSuccess: (result) => done(result.document.id, { warnings: result.warnings }) },
      );
    } else {
      create.mutate(
        { title, body, scope, marking },
        {
          onSuccess: (result) =>
            done(result.document.id, { warnings: result.warnings, created: true }),
        },
      );
    }
  };

  const pageTitle = doc
    ? t('documentForm.editTitle', { title: doc.title })
    : t('documentForm.newTitle');
  return (
    <FormPage maw={820} title={pageTitle} onSubmit={submit}>
      {conflict ? (
        <Alert color="red" role="alert" title={t('document.conflictTitle')}>
          {t('document.conflict')}
        </Alert>
      ) : null}
      {other ? (
        <Alert color="red" role="alert">
          {other}
        </Alert>
      ) : null}
      <TextInput
        label={t('documentForm.title')}
        required
        value={title}
        onChange={(event) => setTitle(event.currentTarget.value)}
        error={errors.title}
      />
      <Textarea
        label={t('documentForm.body')}
        autosize
        minRows={6}
        maxRows={20}
        value={body}
        onChange={(event) => setBody(event.currentTarget.value)}
        error={errors.body}
      />
      {!doc && scopes.length > 1 ? (
        <RadioChoice
          label={t('documentForm.scope')}
          value={scope}
          onChange={setScope}
          error={errors.scope}
          options={scopes.map((s) => ({
            value: s,
            label: t(`documents.scope.${s}`),
            description: t(`documentForm.scopeHint.${s}`),
          }))}
        />
      ) : (
        <Text size="sm">
          {t('documentForm.scope')}: <strong>{t(`documents.scope.${doc?.scope ?? scope}`)}</strong>
        </Text>
      )}
      <MarkingPicker
        value={marking}
        onChange={setMarking}
        originNation={originNation}
        group={DEFAULT_GROUP}
        errors={markingErrors(errors)}
      />
      {doc ? (
        <Text size="sm" c="dimmed">
          {t('documentForm.narrowingNote')}
        </Text>
      ) : null}
      <FormActions
        submitLabel={doc ? t('common.save') : t('documentForm.create')}
        pending={mutation.isPending}
        onCancel={() => void navigate(doc ? `/documents/${doc.id}` : '/documents')}
      />
    </FormPage>
  );
}
