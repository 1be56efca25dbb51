import { NativeSelect, SimpleGrid, TextInput, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { Group as ContactGroup } from '../../core/groups/group.schema';
import {
  type Requirement,
  type RequirementStatus,
  requirementSchema,
  requirementStatusSchema,
} from '../../core/requirements/requirement.schema';
import {
  useCapabilityAreas,
  useCreateRequirement,
  useRequirement,
  useUpdateRequirement,
} from '../api/ledger';
import { DEFAULT_GROUP, useGroup } from '../api/queries';
import { FormActions, FormPage } from '../components/FormCard';
import { MarkingPicker, type MarkingValue, markingErrors } from '../components/MarkingPicker';
import { NotFound } from '../components/NotFound';
import { QueryState } from '../components/QueryState';
import { Forbidden, RequireSession } from '../components/RequireSession';
import { isRecipientPlanner } from '../components/ledger/access';
import { wholeNumber } from '../components/ledger/format';
import { ConflictAlert, FormProblems, useFormErrors } from '../components/ledger/FormErrors';
import type { RequirementLocationState } from './RequirementPage';

/** `/requirements/new`: the recipient's planner publishes a requirement. */
export function NewRequirementPage() {
  const group = useGroup(DEFAULT_GROUP);
  return (
    <RequireSession>
      {(session) => (
        <QueryState query={group}>
          {(g) => (isRecipientPlanner(session, g) ? <RequirementForm group={g} /> : <Forbidden />)}
        </QueryState>
      )}
    </RequireSession>
  );
}

/** `/requirements/:id/edit`: the same form over a published requirement. */
export function EditRequirementPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const group = useGroup(DEFAULT_GROUP);
  const requirement = useRequirement(id);
  // Bumped when the user loads a newer version after a conflict: the form starts afresh from it. The
  // state lives beside the record's query on purpose: the re-render it causes reads the query cache
  // (just updated with the newer version) at once, whereas a wrapper component holding it would
  // remount the form from its stale props before TanStack Query notifies the parent.
  const [generation, setGeneration] = useState(0);
  return (
    <RequireSession>
      {(session) => (
        <QueryState
          query={requirement}
          notFound={
            <NotFound
              title={t('ledger.requirement.notFoundTitle')}
              message={t('ledger.requirement.notFound')}
              back={{ to: '/requirements', label: t('ledger.requirement.backToList') }}
            />
          }
        >
          {(r) => (
            <QueryState query={group}>
              {(g) =>
                isRecipientPlanner(session, g) ? (
                  <RequirementForm
                    key={generation}
                    group={g}
                    requirement={r}
                    onReloaded={() => setGeneration((n) => n + 1)}
                  />
                ) : (
                  <Forbidden />
                )
              }
            </QueryState>
          )}
        </QueryState>
      )}
    </RequireSession>
  );
}

const FIELDS = [
  'capabilityArea',
  'item',
  'specification',
  'quantity',
  'unit',
  'neededBy',
  'priority',
  'status',
  'note',
  'externalId',
  'marking',
] as const;

function RequirementForm({
  group,
  requirement: r,
  onReloaded,
}: {
  group: ContactGroup;
  requirement?: Requirement;
  onReloaded?: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const areas = useCapabilityAreas(group.slug);
  const create = useCreateRequirement(group.slug);
  const update = useUpdateRequirement(r?.id ?? '');
  const mutation = r ? update : create;
  const form = useRef<HTMLFormElement>(null);

  const [area, setArea] = useState(r?.capabilityArea.slug ?? '');
  const [item, setItem] = useState(r?.item ?? '');
  const [specification, setSpecification] = useState(r?.specification ?? '');
  const [quantity, setQuantity] = useState(r ? String(r.quantity) : '');
  const [unit, setUnit] = useState(r?.unit ?? '');
  const [neededBy, setNeededBy] = useState(r?.neededBy ?? '');
  const [priority, setPriority] = useState('');
  const [status, setStatus] = useState<RequirementStatus>(r?.status ?? 'open');
  const [note, setNote] = useState(r?.note ?? '');
  const [externalId, setExternalId] = useState('');
  const [marking, setMarking] = useState<MarkingValue>(() => ({
    classification: r?.marking.classification ?? 'GROUP',
    relTo: r ? r.marking.relTo.filter((c) => c !== r.originNation) : [],
  }));

  // The one check made here: a capability area not chosen yet would come back as a slug error.
  const [areaMissing, setAreaMissing] = useState(false);
  const { errors, problems } = useFormErrors(mutation.error, FIELDS, { form });
  if (areaMissing) errors.capabilityArea = t('forms.required');

  const done = (id: string, saved: RequirementLocationState['saved']) =>
    void navigate(`/requirements/${id}`, { state: { saved } satisfies RequirementLocationState });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (area === '') {
      setAreaMissing(true);
      form.current?.querySelector<HTMLElement>('select')?.focus();
      return;
    }
    const common = {
      item,
      specification,
      quantity: wholeNumber(quantity),
      unit,
      note: note.trim() === '' ? undefined : note,
      marking,
    };
    if (r) {
      update.mutate(
        {
          ...common,
          version: r.version,
          capabilityArea: area,
          neededBy: neededBy === '' ? null : neededBy,
          note: note.trim() === '' ? null : note,
          status,
        },
        { onSuccess: (saved) => done(saved.id, 'updated') },
      );
    } else {
      create.mutate(
        {
          ...common,
          capabilityArea: area,
          neededBy: neededBy || undefined,
          priority: priority.trim() === '' ? undefined : wholeNumber(priority),
          externalId: externalId.trim() || undefined,
        },
        { onSuccess: (saved) => done(saved.id, 'created') },
      );
    }
  };

  const title = r
    ? t('ledger.requirementForm.editTitle', { item: r.item })
    : t('ledger.requirementForm.newTitle');
  return (
    <FormPage maw={860} title={title} formRef={form} onSubmit={submit}>
      <ConflictAlert
        error={mutation.error}
        schema={requirementSchema}
        onReload={(current) => {
          mutation.reset();
          client.setQueryData(['ledger', 'requirement', current.id], current);
          onReloaded?.();
        }}
      />
      <FormProblems problems={problems} />
      <NativeSelect
        label={t('ledger.requirementForm.area')}
        required
        value={area}
        onChange={(event) => {
          setArea(event.currentTarget.value);
          setAreaMissing(false);
        }}
        error={errors.capabilityArea}
        data={[
          { value: '', label: t('ledger.requirementForm.chooseArea') },
          ...(areas.data ?? []).map((a) => ({ value: a.slug, label: a.name })),
        ]}
      />
      <TextInput
        label={t('ledger.requirementForm.item')}
        description={t('ledger.requirementForm.itemHint')}
        required
        value={item}
        onChange={(event) => setItem(event.currentTarget.value)}
        error={errors.item}
      />
      <TextInput
        label={t('ledger.requirementForm.specification')}
        description={t('ledger.requirementForm.specificationHint')}
        value={specification}
        onChange={(event) => setSpecification(event.currentTarget.value)}
        error={errors.specification}
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput
          label={t('ledger.requirementForm.quantity')}
          description={t('ledger.requirementForm.quantityHint')}
          required
          inputMode="numeric"
          value={quantity}
          onChange={(event) => setQuantity(event.currentTarget.value)}
          error={errors.quantity}
        />
        <TextInput
          label={t('ledger.requirementForm.unit')}
          description={t('ledger.requirementForm.unitHint')}
          required
          value={unit}
          onChange={(event) => setUnit(event.currentTarget.value)}
          error={errors.unit}
        />
        <TextInput
          type="date"
          label={t('ledger.requirementForm.neededBy')}
          description={t('ledger.requirementForm.neededByHint')}
          value={neededBy}
          onChange={(event) => setNeededBy(event.currentTarget.value)}
          error={errors.neededBy}
        />
      </SimpleGrid>
      {r ? (
        <NativeSelect
          label={t('ledger.requirementForm.status')}
          value={status}
          onChange={(event) => {
            const parsed = requirementStatusSchema.safeParse(event.currentTarget.value);
            if (parsed.success) setStatus(parsed.data);
          }}
          error={errors.status}
          data={requirementStatusSchema.options.map((s) => ({
            value: s,
            label: t(`ledger.requirementStatus.${s}`),
          }))}
        />
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('ledger.requirementForm.priority')}
            description={t('ledger.requirementForm.priorityHint')}
            inputMode="numeric"
            value={priority}
            onChange={(event) => setPriority(event.currentTarget.value)}
            error={errors.priority}
          />
          <TextInput
            label={t('ledger.requirementForm.externalId')}
            description={t('ledger.requirementForm.externalIdHint')}
            value={externalId}
            onChange={(event) => setExternalId(event.currentTarget.value)}
            error={errors.externalId}
          />
        </SimpleGrid>
      )}
      <Textarea
        label={t('ledger.requirementForm.note')}
        autosize
        minRows={3}
        maxRows={12}
        value={note}
        onChange={(event) => setNote(event.currentTarget.value)}
        error={errors.note}
      />
      <MarkingPicker
        value={marking}
        onChange={setMarking}
        originNation={r?.originNation ?? group.recipient.code}
        group={group.slug}
        errors={markingErrors(errors)}
      />
      <FormActions
        submitLabel={r ? t('common.save') : t('ledger.requirementForm.create')}
        pending={mutation.isPending}
        onCancel={() => void navigate(r ? `/requirements/${r.id}` : '/requirements')}
      />
    </FormPage>
  );
}
