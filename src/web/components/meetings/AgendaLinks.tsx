import { Anchor, List, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AgendaLink } from '../../../core/meetings/agenda.schema';
import { useInitiative, useInitiatives } from '../../api/initiatives';
import { useCapabilityAreas, useRequirement, useRequirements } from '../../api/ledger';
import {
  type AgendaLinkKind,
  areaCoverageHref,
  initiativeHref,
  kindsOf,
  LIST_LIMIT,
  type LinkTarget,
  linkKey,
  requirementHref,
  type ShownTarget,
  targetAlone,
  targetInPage,
} from './agenda-links';
import { itemName } from '../ledger/format';

/**
 * What an agenda item's links point at, read from the group's lists (one request per kind, however
 * many links and items) and shown only as far as the viewer may read the record.
 */

/** The group's lists the links of `kinds` need; a kind with no link costs no request. */
export function useLinkTargets(group: string, kinds: ReadonlySet<AgendaLinkKind>) {
  const requirements = useRequirements(group, { limit: LIST_LIMIT }, kinds.has('requirement'));
  const areas = useCapabilityAreas(group, kinds.has('capability_area'));
  const initiatives = useInitiatives(group, { limit: LIST_LIMIT }, kinds.has('initiative'));

  const resolve = (link: AgendaLink): LinkTarget => {
    switch (link.kind) {
      case 'requirement':
        return targetInPage(requirements, link.ref, (r) => ({
          name: itemName(r),
          href: requirementHref(r.id),
        }));
      case 'initiative':
        return targetInPage(initiatives, link.ref, (i) => ({
          name: i.title,
          href: initiativeHref(i.id),
        }));
      case 'capability_area': {
        // Capability areas carry no marking: every one of the group is listed to everyone.
        if (areas.data === undefined)
          return areas.isError ? { state: 'failed' } : { state: 'pending' };
        const area = areas.data.find((a) => a.slug === link.ref);
        return area
          ? { state: 'found', name: area.name, href: areaCoverageHref(area.slug) }
          : { state: 'found', name: link.ref, href: null };
      }
    }
  };
  return { requirements, areas, initiatives, resolve };
}

function UnlistedRequirement({ id, children }: { id: string; children: RenderTarget }) {
  const requirement = useRequirement(id);
  return children(
    targetAlone(requirement, (r) => ({ name: itemName(r), href: requirementHref(r.id) })),
  );
}

function UnlistedInitiative({ id, children }: { id: string; children: RenderTarget }) {
  const initiative = useInitiative(id);
  return children(targetAlone(initiative, (i) => ({ name: i.title, href: initiativeHref(i.id) })));
}

type RenderTarget = (target: ShownTarget) => ReactNode;

/**
 * Renders a link's target once known: from the lists, or, for a record past the end of a list cut
 * short, from a request for that record alone (only then: never one request per link).
 */
export function WithLinkTarget({
  link,
  target,
  children,
}: {
  link: AgendaLink;
  target: LinkTarget;
  children: RenderTarget;
}) {
  if (target.state !== 'unlisted') return children(target);
  switch (link.kind) {
    case 'requirement':
      return <UnlistedRequirement id={link.ref}>{children}</UnlistedRequirement>;
    case 'initiative':
      return <UnlistedInitiative id={link.ref}>{children}</UnlistedInitiative>;
    case 'capability_area':
      // Areas come in one complete list: never unlisted.
      return children({ state: 'found', name: link.ref, href: null });
  }
}

/**
 * How a link reads: its kind and the record's name, a link to the record's page when `navigable`.
 * A record the viewer may not read is named by its kind alone, so nothing of it leaks.
 */
export function AgendaLinkText({
  link,
  target,
  navigable,
  id,
}: {
  link: AgendaLink;
  target: ShownTarget;
  navigable: boolean;
  id?: string;
}) {
  const { t } = useTranslation();
  const kind = t(`meetingCycle.agendaLinks.kind.${link.kind}`);
  switch (target.state) {
    case 'unreadable':
      return (
        <Text span size="sm" fs="italic" id={id}>
          {t(`meetingCycle.agendaLinks.unreadable.${link.kind}`)}
        </Text>
      );
    case 'failed':
      return (
        <Text span size="sm" fs="italic" id={id}>
          {t('meetingCycle.agendaLinks.failed', { kind })}
        </Text>
      );
    case 'pending':
      return (
        <Text span size="sm" id={id}>
          {t('meetingCycle.agendaLinks.pending', { kind })}
        </Text>
      );
    case 'found':
      return (
        <Text span size="sm" id={id}>
          {t('meetingCycle.agendaLinks.kindPrefix', { kind })}{' '}
          {navigable && target.href ? (
            <Anchor component={Link} to={target.href} size="sm">
              {target.name}
            </Anchor>
          ) : (
            target.name
          )}
        </Text>
      );
  }
}

/** An agenda item's links as the meeting page lists them under the item. */
export function AgendaLinkList({
  group,
  title,
  links,
}: {
  group: string;
  /** The item's title, naming the list for assistive technology. */
  title: string;
  links: readonly AgendaLink[];
}) {
  const { t } = useTranslation();
  const { resolve } = useLinkTargets(group, kindsOf(links));
  if (links.length === 0) return null;
  return (
    <List
      size="sm"
      mt={4}
      data-testid="agenda-links"
      aria-label={t('meetingCycle.agendaLinks.listOf', { title })}
    >
      {links.map((link) => (
        <List.Item key={linkKey(link)}>
          <WithLinkTarget link={link} target={resolve(link)}>
            {(target) => <AgendaLinkText link={link} target={target} navigable />}
          </WithLinkTarget>
        </List.Item>
      ))}
    </List>
  );
}
