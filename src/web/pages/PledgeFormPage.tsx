import { NativeSelect, SimpleGrid, Text, TextInput, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import type { SessionInfo } from '../../core/accounts/account.schema';
import type { Group as ContactGroup } from '../../core/groups/group.schema';
import {
  type PledgeDetail,
  type PledgeKind,
  pledgeDetailSchema,
  pledgeKindSchema,
} from '../../core/pledges/pledge.schema';
import { useCapabilityAreas, useCreatePledge, usePledge, useUpdatePledge } from '../api/ledger';
import { DEFAULT_GROUP, useGroup, useMeetings, useNations } from '../api/queries';
import { FormActions, FormPage } from '../components/FormCard';
import { MarkingPicker, type MarkingValue, markingErrors } from '../components/MarkingPicker';
import { NotFound } from '../components/NotFound';
import { QueryState } from '../components/QueryState';
import { Forbidden, RequireSession } from '../components/RequireSession';
import { useLocale } from '../components/use-locale';
import { useNationNames, useNationOptions } from '../components/use-nation-names';
import { canCreatePledge, canWritePledge, mayChooseDonor } from '../components/ledger/access';
import {
  type ChannelValue,
  ChannelFields,
  toChannelInput,
} from '../components/ledger/ChannelFields';
import { ConflictAlert, FormProblems, useFormErrors } from '../components/ledger/FormErrors';
import { wholeNumber } from '../components/ledger/format';
import { RequirementPicker } from '../components/ledger/RequirementPicker';
import { ValueFields } from '../components/ledger/ValueFields';
import { formatDate, todayIso } from '../i18n/format';
import type { Requirement } from '../../core/requirements/requirement.schema';
import type { PledgeLocationState } from './PledgePage';

/** `/pledges/new`: a coordinator records a pledge of its nation (the secretariat, of any nation). */
export function NewPledgePage() {
  const group = useGroup(DEFAULT_GROUP);
  return (
    <RequireSession>
      {(session) => (
        <QueryState query={group}>
          {(g) =>
            canCreatePledge(session, g.slug) ? (
              <PledgeForm group={g} session={session} />
            ) : (
              <Forbidden />
            )
          }
        </QueryState>
      )}
    </RequireSession>
  );
}

/** `/pledges/:id/edit`: the same form over a recorded pledge. */
export function EditPledgePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const group = useGroup(DEFAULT_GROUP);
  const pledge = usePledge(id);
  // Bumped when the user loads a newer version after a conflict: the form starts afresh from it. The
  // state lives beside the record's query on purpose: the re-render it causes reads the query cache
  // (just updated with the newer version) at once, whereas a wrapper component holding it would
  // remount the form from its stale props before TanStack Query notifies the parent.
  const [generation, setGeneration] = useState(0);
  return (
    <RequireSession>
      {(session) => (
        <QueryState
          query={pledge}
          notFound={
            <NotFound
              title={t('ledger.pledge.notFoundTitle')}
              message={t('ledger.pledge.notFound')}
              back={{ to: '/pledges', label: t('ledger.pledge.backToList') }}
            />
          }
        >
          {(p) => (
            <QueryState query={group}>
              {(g) =>
                canWritePledge(session, p) ? (
                  <PledgeForm
                    key={generation}
                    group={g}
                    session={session}
                    pledge={p}
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
  'donor',
  'channel',
  'requirementId',
  'capabilityArea',
  'item',
  'specification',
  'quantity',
  'unit',
  'kind',
  'value',
  'valuationDate',
  'valuationMethod',
  'announcedOn',
  'meetingId',
  'status',
  'externalRef',
  'note',
  'marking',
] as const;

const blank = (text: string) => text.trim() === '';

function PledgeForm({
  group,
  session,
  pledge: p,
  onReloaded,
}: {
  group: ContactGroup;
  session: SessionInfo;
  pledge?: PledgeDetail;
  onReloaded?: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { nameOf } = useNationNames();
  const nationOptions = useNationOptions();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [search] = useSearchParams();
  const form = useRef<HTMLFormElement>(null);
  const areas = useCapabilityAreas(group.slug);
  const nations = useNations({ group: group.slug, limit: 500 });
  const meetings = useMeetings(group.slug, { sort: '-date', limit: 100 });
  const create = useCreatePledge(group.slug);
  const update = useUpdatePledge(p?.id ?? '');
  const mutation = p ? update : create;
  const chooseDonor = !p && mayChooseDonor(session, group.slug);

  const [donor, setDonor] = useState(p?.donor ?? session.user.nation.code);
  const [channel, setChannel] = useState<ChannelValue>({
    kind: p?.channel.kind ?? 'direct',
    nation: p?.channel.nation ?? '',
    coalitionId: p?.channel.coalitionId ?? '',
    name: p?.channel.kind === 'fund' ? (p.channel.name ?? '') : '',
  });
  const [requirementId, setRequirementId] = useState<string | null>(
    p ? p.requirementId : search.get('requirementId'),
  );
  const [area, setArea] = useState(p?.capabilityArea.slug ?? '');
  const [item, setItem] = useState(p?.item ?? '');
  const [specification, setSpecification] = useState(p?.specification ?? '');
  const [quantity, setQuantity] = useState(p?.quantity === null || !p ? '' : String(p.quantity));
  const [unit, setUnit] = useState(p?.unit ?? '');
  const [kind, setKind] = useState<PledgeKind>(p?.kind ?? 'donation');
  const [amount, setAmount] = useState(p?.value?.amount ?? '');
  const [currency, setCurrency] = useState(p?.value?.currency ?? group.reportingCurrency);
  const [method, setMethod] = useState<'reported' | 'estimated'>(
    p?.valuationMethod === 'estimated' ? 'estimated' : 'reported',
  );
  const [valuationDate, setValuationDate] = useState(p?.valuationDate ?? '');
  const [announcedOn, setAnnouncedOn] = useState(p?.announcedOn ?? todayIso());
  const [meetingId, setMeetingId] = useState(p?.meetingId ?? '');
  const [status, setStatus] = useState<'announced' | 'committed'>('announced');
  const [externalRef, setExternalRef] = useState(p?.externalRef ?? '');
  const [note, setNote] = useState(p?.note ?? '');
  const [marking, setMarking] = useState<MarkingValue>(() => ({
    classification: p?.marking.classification ?? 'GROUP',
    relTo: p ? p.marking.relTo.filter((c) => c !== p.donor) : [],
  }));

  const { errors, problems } = useFormErrors(mutation.error, FIELDS, { form });

  // Start from the requirement's words and unit; the donor may still name its own model.
  const startFrom = (requirement: Requirement) => {
    setArea(requirement.capabilityArea.slug);
    setItem((current) => (blank(current) ? requirement.item : current));
    setSpecification((current) => (blank(current) ? requirement.specification : current));
    setUnit((current) => (blank(current) ? requirement.unit : current));
  };

  const value = blank(amount)
    ? undefined
    : { amount: amount.replace(/[\s\u00a0\u202f]/g, ''), currency };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const common = {
      channel: toChannelInput(channel),
      item: blank(item) ? undefined : item,
      quantity: blank(quantity) ? undefined : wholeNumber(quantity),
      kind,
      announcedOn,
      marking,
    };
    const done = (saved: PledgeDetail, how: PledgeLocationState['saved']) =>
      void navigate(`/pledges/${saved.id}`, {
        state: { saved: how } satisfies PledgeLocationState,
      });
    if (p) {
      update.mutate(
        {
          ...common,
          version: p.version,
          requirementId,
          specification,
          // A requirement brings its own area; without one the pledge keeps the area chosen.
          capabilityArea: requirementId ? undefined : area || undefined,
          quantity: blank(quantity) ? null : wholeNumber(quantity),
          unit: blank(unit) ? null : unit,
          value: value ?? null,
          valuationMethod: value ? method : undefined,
          valuationDate: valuationDate || null,
          meetingId: meetingId || null,
          externalRef: blank(externalRef) ? null : externalRef,
          note: blank(note) ? null : note,
        },
        { onSuccess: (saved) => done(saved, 'updated') },
      );
    } else {
      create.mutate(
        {
          ...common,
          donor: chooseDonor ? donor : undefined,
          // Left out when empty, so the requirement's own specification applies.
          specification: blank(specification) ? undefined : specification,
          requirementId: requirementId ?? undefined,
          capabilityArea: requirementId ? undefined : area || undefined,
          unit: blank(unit) ? undefined : unit,
          value,
          valuationMethod: method,
          valuationDate: valuationDate || undefined,
          meetingId: meetingId || undefined,
          status,
          tranches: [],
          externalRef: blank(externalRef) ? undefined : externalRef,
          note: blank(note) ? undefined : note,
        },
        { onSuccess: (saved) => done(saved, 'created') },
      );
    }
  };

  const title = p
    ? t('ledger.pledgeForm.editTitle', { item: p.item })
    : t('ledger.pledgeForm.newTitle');
  return (
    <FormPage title={title} formRef={form} onSubmit={submit}>
      <ConflictAlert
        error={mutation.error}
        schema={pledgeDetailSchema}
        onReload={(current) => {
          mutation.reset();
          client.setQueryData(['ledger', 'pledge', current.id], current);
          onReloaded?.();
        }}
      />
      <FormProblems problems={problems} />
      {chooseDonor ? (
        <NativeSelect
          label={t('ledger.pledgeForm.donor')}
          description={t('ledger.pledgeForm.donorHint')}
          required
          value={donor}
          onChange={(event) => setDonor(event.currentTarget.value)}
          error={errors.donor}
          data={nationOptions(nations.data?.items ?? [])}
        />
      ) : (
        <Text size="sm">
          {t('ledger.pledgeForm.donor')}:{' '}
          <strong>
            {nameOf(donor)} ({donor})
          </strong>
        </Text>
      )}
      <ChannelFields group={group.slug} value={channel} onChange={setChannel} errors={errors} />
      <RequirementPicker
        group={group.slug}
        value={requirementId}
        error={errors.requirementId}
        onChange={(requirement) => {
          setRequirementId(requirement?.id ?? null);
          if (requirement) startFrom(requirement);
        }}
        onLoaded={p ? undefined : startFrom}
      />
      {requirementId ? null : (
        <NativeSelect
          label={t('ledger.pledgeForm.area')}
          description={t('ledger.pledgeForm.areaHint')}
          required
          value={area}
          onChange={(event) => setArea(event.currentTarget.value)}
          error={errors.capabilityArea}
          data={[
            { value: '', label: t('ledger.requirementForm.chooseArea') },
            ...(areas.data ?? []).map((a) => ({ value: a.slug, label: a.name })),
          ]}
        />
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('ledger.pledgeForm.item')}
          description={t('ledger.pledgeForm.itemHint')}
          value={item}
          onChange={(event) => setItem(event.currentTarget.value)}
          error={errors.item}
        />
        <TextInput
          label={t('ledger.pledgeForm.specification')}
          value={specification}
          onChange={(event) => setSpecification(event.currentTarget.value)}
          error={errors.specification}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <NativeSelect
          label={t('ledger.pledgeForm.kind')}
          required
          value={kind}
          onChange={(event) => {
            const parsed = pledgeKindSchema.safeParse(event.currentTarget.value);
            if (parsed.success) setKind(parsed.data);
          }}
          error={errors.kind}
          data={pledgeKindSchema.options.map((k) => ({
            value: k,
            label: t(`ledger.kind.${k}`),
          }))}
        />
        <TextInput
          label={t('ledger.pledgeForm.quantity')}
          inputMode="numeric"
          value={quantity}
          onChange={(event) => setQuantity(event.currentTarget.value)}
          error={errors.quantity}
        />
        <TextInput
          label={t('ledger.pledgeForm.unit')}
          value={unit}
          onChange={(event) => setUnit(event.currentTarget.value)}
          error={errors.unit}
        />
      </SimpleGrid>
      <ValueFields
        value={{ amount, currency, valuationDate, method }}
        onChange={(next) => {
          setAmount(next.amount);
          setCurrency(next.currency);
          setValuationDate(next.valuationDate);
          setMethod(next.method);
        }}
        errors={errors}
      />
      <SimpleGrid cols={{ base: 1, sm: p ? 2 : 3 }}>
        <TextInput
          type="date"
          label={t('ledger.pledgeForm.announcedOn')}
          required
          value={announcedOn}
          onChange={(event) => setAnnouncedOn(event.currentTarget.value)}
          error={errors.announcedOn}
        />
        <NativeSelect
          label={t('ledger.pledgeForm.meeting')}
          value={meetingId}
          onChange={(event) => setMeetingId(event.currentTarget.value)}
          error={errors.meetingId}
          data={[
            { value: '', label: t('ledger.pledgeForm.noMeeting') },
            ...(meetings.data?.items ?? []).map((m) => ({
              value: m.id,
              label: `${m.code} · ${formatDate(m.date, locale, 'medium')}`,
            })),
          ]}
        />
        {p ? null : (
          <NativeSelect
            label={t('ledger.pledgeForm.status')}
            value={status}
            onChange={(event) =>
              setStatus(event.currentTarget.value === 'committed' ? 'committed' : 'announced')
            }
            error={errors.status}
            data={(['announced', 'committed'] as const).map((s) => ({
              value: s,
              label: t(`ledger.pledgeStatus.${s}`),
            }))}
          />
        )}
      </SimpleGrid>
      <TextInput
        label={t('ledger.pledgeForm.externalRef')}
        description={t('ledger.pledgeForm.externalRefHint')}
        value={externalRef}
        onChange={(event) => setExternalRef(event.currentTarget.value)}
        error={errors.externalRef}
      />
      <Textarea
        label={t('ledger.pledgeForm.note')}
        autosize
        minRows={2}
        maxRows={10}
        value={note}
        onChange={(event) => setNote(event.currentTarget.value)}
        error={errors.note}
      />
      <MarkingPicker
        value={marking}
        onChange={setMarking}
        originNation={donor}
        group={group.slug}
        errors={markingErrors(errors)}
      />
      <FormActions
        submitLabel={p ? t('common.save') : t('ledger.pledgeForm.create')}
        pending={mutation.isPending}
        onCancel={() => void navigate(p ? `/pledges/${p.id}` : '/pledges')}
      />
    </FormPage>
  );
}
