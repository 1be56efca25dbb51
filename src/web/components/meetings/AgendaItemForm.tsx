import { NativeSelect, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaItem, AgendaLink } from '../../../core/meetings/agenda.schema';
import { useNations } from '../../api/queries';
import { FormActions, SectionForm } from '../FormCard';
import { FormProblems, useFormErrors } from '../ledger/FormErrors';
import { useNationOptions } from '../use-nation-names';
import { AgendaLinksField } from './AgendaLinksField';

/** What the agenda item form holds: the text of each control, read into numbers only on submit. */
export interface AgendaItemDraft {
  title: string;
  description: string;
  nation: string;
  person: string;
  minutes: string;
  links: readonly AgendaLink[];
}

/** The fields typed as text, each one control's value. */
type TextField = Exclude<keyof AgendaItemDraft, 'links'>;

export const EMPTY_AGENDA_ITEM: AgendaItemDraft = {
  title: '',
  description: '',
  nation: '',
  person: '',
  minutes: '',
  links: [],
};

/** The form's starting point for editing `item` as it now is. */
export const draftOf = (item: AgendaItem): AgendaItemDraft => ({
  title: item.title,
  description: item.description ?? '',
  nation: item.presenter.nation?.code ?? '',
  person: item.presenter.person ?? '',
  minutes: item.minutes === null ? '' : String(item.minutes),
  links: item.links,
});

/** The body fields the form shows at a control; any other refusal goes above it. */
const AGENDA_ITEM_FIELDS = [
  'title',
  'description',
  'presenterNation',
  'presenterPerson',
  'minutes',
  'links',
] as const;

/** A time box typed as text: null when left blank, NaN when not a whole number. */
export const minutesOf = (text: string): number | null =>
  text.trim() === '' ? null : /^\d+$/.test(text.trim()) ? Number(text) : Number.NaN;

interface AgendaItemFormProps {
  /** Names the form and heads it. */
  title: string;
  /** The meeting's group: its participants are offered as presenters, its records as links. */
  group: string;
  value: AgendaItemDraft;
  onChange: (value: AgendaItemDraft) => void;
  /** The last write's failure: shown at its field, or above the fields when none can show it. */
  error: unknown;
  /** Called only once the time box reads as a whole number or is blank. */
  onSubmit: () => void;
  submitLabel: string;
  pending: boolean;
  onCancel?: () => void;
  /** Puts the keyboard in the title when the form appears (a form opened on demand, not the page's). */
  focusOnOpen?: boolean;
  /** Above the fields, before the problems: a conflict, where the form has a version to go stale. */
  children?: ReactNode;
}

/** The fields of an agenda item, shared by the form that adds one and the one that edits one. */
export function AgendaItemForm({
  title,
  group,
  value,
  onChange,
  error,
  onSubmit,
  submitLabel,
  pending,
  onCancel,
  focusOnOpen = false,
  children,
}: AgendaItemFormProps) {
  const { t } = useTranslation();
  const nationOptions = useNationOptions();
  const participants = useNations({ group, limit: 500 });
  const form = useRef<HTMLFormElement>(null);
  const titleInput = useRef<HTMLInputElement>(null);
  const minutesInput = useRef<HTMLInputElement>(null);
  const { errors, problems } = useFormErrors(error, AGENDA_ITEM_FIELDS, { form });
  // JSON has no NaN: a time box that is not a number would reach the server as null (none), so the
  // form refuses it itself rather than clear the time box or drop it silently.
  const [minutesInvalid, setMinutesInvalid] = useState(false);

  useEffect(() => {
    if (focusOnOpen) titleInput.current?.focus();
  }, [focusOnOpen]);

  // The form's own refusal takes the keyboard to the field, as the server's does (useFormErrors).
  useEffect(() => {
    if (minutesInvalid) minutesInput.current?.focus();
  }, [minutesInvalid]);

  const set = (key: TextField) => (event: { currentTarget: { value: string } }) => {
    if (key === 'minutes') setMinutesInvalid(false);
    onChange({ ...value, [key]: event.currentTarget.value });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (Number.isNaN(minutesOf(value.minutes))) {
      setMinutesInvalid(true);
      return;
    }
    onSubmit();
  };

  const listed = participants.data?.items ?? [];
  // The presenter already chosen stays offered even when its nation no longer takes part.
  const nations =
    value.nation && !listed.some((n) => n.code === value.nation)
      ? [...listed, { code: value.nation }]
      : listed;

  return (
    <SectionForm title={title} onSubmit={submit} formRef={form}>
      {children}
      <FormProblems problems={problems} />
      <TextInput
        ref={titleInput}
        label={t('meetingCycle.agenda.title')}
        required
        value={value.title}
        onChange={set('title')}
        error={errors.title}
      />
      <Textarea
        label={t('meetingCycle.agenda.description')}
        autosize
        minRows={2}
        value={value.description}
        onChange={set('description')}
        error={errors.description}
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <NativeSelect
          label={t('meetingCycle.agenda.presenterNation')}
          value={value.nation}
          onChange={set('nation')}
          error={errors.presenterNation}
          data={[
            { value: '', label: t('meetingCycle.agenda.noPresenter') },
            ...nationOptions(nations, { withCode: false }),
          ]}
        />
        <TextInput
          label={t('meetingCycle.agenda.presenterPerson')}
          value={value.person}
          onChange={set('person')}
          error={errors.presenterPerson}
        />
        <TextInput
          ref={minutesInput}
          label={t('meetingCycle.agenda.minutes')}
          inputMode="numeric"
          value={value.minutes}
          onChange={set('minutes')}
          error={minutesInvalid ? t('meetingCycle.agenda.minutesInvalid') : errors.minutes}
        />
      </SimpleGrid>
      <AgendaLinksField
        group={group}
        value={value.links}
        onChange={(links) => onChange({ ...value, links })}
        error={error}
      />
      <FormActions submitLabel={submitLabel} pending={pending} onCancel={onCancel} />
    </SectionForm>
  );
}
