import {
  Button,
  Fieldset,
  Group,
  List,
  NativeSelect,
  Select,
  SimpleGrid,
  Stack,
  Text,
} from '@mantine/core';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaLink } from '../../../core/meetings/agenda.schema';
import type { Requirement } from '../../../core/requirements/requirement.schema';
import {
  AGENDA_LINK_KINDS,
  type AgendaLinkKind,
  kindsOf,
  linkKey,
  MAX_AGENDA_LINKS,
  type Refusals,
  refusalsOf,
} from './agenda-links';
import { itemName } from '../ledger/format';
import { useRequirementSearch } from '../ledger/use-requirement-search';
import { AgendaLinkText, useLinkTargets, WithLinkTarget } from './AgendaLinks';

/**
 * A write's refusals of links, read once per failure against the links as they were then (what was
 * sent): removing a link afterwards never moves a message onto its neighbour.
 */
function useRefusals(error: unknown, links: readonly AgendaLink[]): Refusals {
  const [read, setRead] = useState(() => refusalsOf(error, links));
  if (read.error !== error) {
    // Derived during render, React's pattern for state that follows a prop.
    const next = refusalsOf(error, links);
    setRead(next);
    return next;
  }
  return read;
}

interface AgendaLinksFieldProps {
  /** The meeting's group: its requirements, capability areas and initiatives are offered. */
  group: string;
  value: readonly AgendaLink[];
  onChange: (links: AgendaLink[]) => void;
  /** The last write's failure: its messages on `links` and `links.<n>...` are shown here. */
  error: unknown;
}

/** A requirement as the picker offers it: by priority and name. */
const requirementLabel = (r: Requirement) => `${r.priority}. ${itemName(r)}`;
const requirementOption = (r: Requirement) => ({ value: r.id, label: requirementLabel(r) });

/** What an agenda item is about: records of the group, chosen by kind and then by name. */
export function AgendaLinksField({ group, value, onChange, error }: AgendaLinksFieldProps) {
  const { t } = useTranslation();
  const ids = useId();
  const [kind, setKind] = useState<AgendaLinkKind>('requirement');
  const [choice, setChoice] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  // The picker's list is read once someone reaches for it, not on every visit to the meeting page.
  const [picking, setPicking] = useState(false);
  const needed = kindsOf(value);
  // Requirements are offered by search (there may be thousands); the other kinds as whole lists.
  if (picking && kind !== 'requirement') needed.add(kind);
  const targets = useLinkTargets(group, needed);
  const found = useRequirementSearch(
    group,
    search,
    kind === 'requirement' ? choice : null,
    requirementLabel,
    picking && kind === 'requirement',
  );
  const refusals = useRefusals(error, value);
  const list = useRef<HTMLUListElement>(null);
  const kindSelect = useRef<HTMLSelectElement>(null);
  // Where the keyboard goes once the links shown have changed: a removed link's button is gone.
  const focusNext = useRef<number | 'kind' | null>(null);

  useEffect(() => {
    const target = focusNext.current;
    if (target === null) return;
    focusNext.current = null;
    const buttons = list.current?.querySelectorAll<HTMLButtonElement>('button[data-remove]');
    const button = typeof target === 'number' ? buttons?.[target] : undefined;
    (button ?? kindSelect.current)?.focus();
  });

  // A refusal takes the keyboard to the refused link's Remove button; a field of the form that is
  // itself invalid takes it back afterwards (useFormErrors runs after this, in the form).
  useEffect(() => {
    if (refusals.byLink.size === 0) return;
    list.current?.querySelector<HTMLButtonElement>('button[data-refused]')?.focus();
  }, [refusals]);

  const full = value.length >= MAX_AGENDA_LINKS;
  const linked = new Set(value.map(linkKey));
  const options = (() => {
    switch (kind) {
      case 'requirement':
        return found.items.map(requirementOption);
      case 'capability_area':
        return (targets.areas.data ?? []).map((a) => ({ value: a.slug, label: a.name }));
      case 'initiative':
        return (targets.initiatives.data?.items ?? []).map((i) => ({
          value: i.id,
          label: i.title,
        }));
    }
  })().filter((option) => !linked.has(linkKey({ kind, ref: option.value })));
  const loading =
    kind === 'requirement'
      ? found.loading
      : { capability_area: targets.areas, initiative: targets.initiatives }[kind].isPending;

  const choose = (ref: string | null) => {
    setChoice(ref);
    if (kind === 'requirement') found.choose(ref);
  };

  /** Nothing chosen and nothing typed: after a link is added, or when the kind changes. */
  const resetPick = () => {
    choose(null);
    setSearch('');
  };

  const add = () => {
    if (!choice || full) return;
    onChange([...value, { kind, ref: choice }]);
    resetPick();
    focusNext.current = 'kind';
  };

  const remove = (index: number) => {
    onChange(value.filter((_, i) => i !== index));
    focusNext.current = index < value.length - 1 ? index : index > 0 ? index - 1 : 'kind';
  };

  return (
    <Fieldset legend={t('meetingCycle.agendaLinks.legend')} variant="unstyled">
      <Stack gap="xs">
        <Text size="sm" c="dimmed">
          {full
            ? t('meetingCycle.agendaLinks.full', { max: MAX_AGENDA_LINKS })
            : t('meetingCycle.agendaLinks.hint', { max: MAX_AGENDA_LINKS })}
        </Text>
        {value.length === 0 ? (
          <Text size="sm">{t('meetingCycle.agendaLinks.none')}</Text>
        ) : (
          <List ref={list} size="sm" spacing={4} data-testid="agenda-link-choices">
            {value.map((link, index) => {
              const message = refusals.byLink.get(linkKey(link));
              const labelId = `${ids}-label-${index}`;
              const buttonId = `${ids}-remove-${index}`;
              const messageId = `${ids}-message-${index}`;
              return (
                <List.Item key={linkKey(link)}>
                  <Group gap="xs" wrap="nowrap">
                    <WithLinkTarget link={link} target={targets.resolve(link)}>
                      {(target) => (
                        // Plain text here: following a link would leave the form and its edits.
                        <AgendaLinkText
                          link={link}
                          target={target}
                          navigable={false}
                          id={labelId}
                        />
                      )}
                    </WithLinkTarget>
                    <Button
                      id={buttonId}
                      size="compact-xs"
                      variant="outline"
                      color="red.9"
                      data-remove
                      data-refused={message === undefined ? undefined : true}
                      // Read as "Remove" and the link it removes.
                      aria-labelledby={`${buttonId} ${labelId}`}
                      aria-describedby={message === undefined ? undefined : messageId}
                      onClick={() => remove(index)}
                    >
                      {t('meetingCycle.agendaLinks.remove')}
                    </Button>
                  </Group>
                  {message === undefined ? null : (
                    <Text size="sm" c="var(--mantine-color-error)" id={messageId}>
                      {t('meetingCycle.agendaLinks.refused', { message })}
                    </Text>
                  )}
                </List.Item>
              );
            })}
          </List>
        )}
        <SimpleGrid
          cols={{ base: 1, sm: 3 }}
          style={{ alignItems: 'end' }}
          onFocus={() => setPicking(true)}
        >
          <NativeSelect
            ref={kindSelect}
            label={t('meetingCycle.agendaLinks.kindLabel')}
            value={kind}
            onChange={(event) => {
              const chosen = AGENDA_LINK_KINDS.find((k) => k === event.currentTarget.value);
              if (chosen === undefined) return;
              setKind(chosen);
              resetPick();
            }}
            data={AGENDA_LINK_KINDS.map((k) => ({
              value: k,
              label: t(`meetingCycle.agendaLinks.kind.${k}`),
            }))}
          />
          <Select
            label={t(`meetingCycle.agendaLinks.pick.${kind}`)}
            placeholder={t('meetingCycle.agendaLinks.search')}
            data={options}
            value={choice}
            onChange={choose}
            searchable
            searchValue={search}
            onSearchChange={setSearch}
            // Requirements come matched by the server (useRequirementSearch); the rest are matched here.
            filter={kind === 'requirement' ? ({ options: matched }) => matched : undefined}
            clearable
            disabled={full}
            nothingFoundMessage={
              loading
                ? t('meetingCycle.agendaLinks.loading')
                : t('meetingCycle.agendaLinks.noMatch')
            }
            maxDropdownHeight={320}
            comboboxProps={{ withinPortal: true }}
            clearButtonProps={{ 'aria-label': t('meetingCycle.agendaLinks.clear') }}
          />
          <Button variant="default" disabled={!choice || full} onClick={add}>
            {t('meetingCycle.agendaLinks.add')}
          </Button>
        </SimpleGrid>
        {refusals.general.map((message) => (
          <Text key={message} size="sm" c="var(--mantine-color-error)">
            {t('meetingCycle.agendaLinks.refused', { message })}
          </Text>
        ))}
      </Stack>
    </Fieldset>
  );
}
