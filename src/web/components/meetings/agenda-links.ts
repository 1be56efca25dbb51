import { type AgendaLink, MAX_AGENDA_LINKS } from '../../../core/meetings/agenda.schema';
import { ApiError, fieldErrors } from '../../api/client';

/**
 * The rules of agenda item links the web app follows, apart from React: which record a link names,
 * what the viewer may be told of it, and which link a server refusal is about.
 */

export type AgendaLinkKind = AgendaLink['kind'];
export const AGENDA_LINK_KINDS: readonly AgendaLinkKind[] = [
  'requirement',
  'capability_area',
  'initiative',
];

/** As many links as the API takes on one item. */
export { MAX_AGENDA_LINKS };

/** As many records as a list answers at once (the API's page limit). */
export const LIST_LIMIT = 500;

/** One key per record: the server keeps a link once, whatever order it was sent in. */
export const linkKey = (link: AgendaLink) => `${link.kind}|${link.ref}`;

export const kindsOf = (links: readonly AgendaLink[]) => new Set(links.map((l) => l.kind));

/** The same records, in any order: the server sorts links, so order is no change worth sending. */
export function sameLinks(a: readonly AgendaLink[], b: readonly AgendaLink[]): boolean {
  const keys = new Set(a.map(linkKey));
  return a.length === b.length && b.every((link) => keys.has(linkKey(link)));
}

export const requirementHref = (id: string) => `/requirements/${encodeURIComponent(id)}`;
export const initiativeHref = (id: string) => `/initiatives/${encodeURIComponent(id)}`;
/** A capability area's own coverage page: its requirements with their coverage and gaps. */
export const areaCoverageHref = (slug: string) =>
  `/coverage/requirements?area=${encodeURIComponent(slug)}`;

/** What the app can say of a link's record. */
export type LinkTarget =
  | { state: 'pending' }
  | { state: 'failed' }
  /** `href` null: a record with no page of its own, named as plain text. */
  | { state: 'found'; name: string; href: string | null }
  /** Not in a list that was cut short at LIST_LIMIT: to be asked for alone. */
  | { state: 'unlisted' }
  /** Not releasable to the viewer (or gone): the API answers alike, and so does the page. */
  | { state: 'unreadable' };

/** A target as it is shown: an unlisted record is first asked for alone. */
export type ShownTarget = Exclude<LinkTarget, { state: 'unlisted' }>;

/** What a query has said so far (a react-query result has these and more). */
interface Answer<T> {
  data: T | undefined;
  isError: boolean;
  error: unknown;
}

type Described = { name: string; href: string };

/**
 * A link's record in a list of the group's records releasable to the viewer: missing from a complete
 * list, it is one the viewer may not read; missing from a list cut short, it may lie beyond.
 */
export function targetInPage<T extends { id: string }>(
  answer: Answer<{ items: T[]; total: number }>,
  ref: string,
  describe: (record: T) => Described,
): LinkTarget {
  if (answer.data === undefined) return answer.isError ? { state: 'failed' } : { state: 'pending' };
  const record = answer.data.items.find((r) => r.id === ref);
  if (record) return { state: 'found', ...describe(record) };
  return answer.data.total > answer.data.items.length
    ? { state: 'unlisted' }
    : { state: 'unreadable' };
}

/** A record asked for alone: a 404 (or a malformed id, 400) is a record the viewer may not read. */
export function targetAlone<T>(answer: Answer<T>, describe: (record: T) => Described): ShownTarget {
  if (answer.data !== undefined) return { state: 'found', ...describe(answer.data) };
  if (!answer.isError) return { state: 'pending' };
  const status = answer.error instanceof ApiError ? answer.error.status : 0;
  return status === 404 || status === 400 ? { state: 'unreadable' } : { state: 'failed' };
}

/** A write's refusals of links, as the links field shows them. */
export interface Refusals {
  /** The failure these were read from. */
  error: unknown;
  /** The server's message per refused link, by linkKey. */
  byLink: ReadonlyMap<string, string>;
  /** Messages on the links as a whole (`links`), or on a link the list sent did not have. */
  general: readonly string[];
}

/**
 * The server names a refused link by its index in the list sent (`links.3.ref`); each message is
 * tied to that link's key, read against `sent`, so it stays with its link when others are removed.
 */
export function refusalsOf(error: unknown, sent: readonly AgendaLink[]): Refusals {
  const byLink = new Map<string, string>();
  const general: string[] = [];
  for (const [path, message] of Object.entries(fieldErrors(error))) {
    const match = /^links(?:\.(\d+))?(?:\.|$)/.exec(path);
    if (!match) continue;
    const link = match[1] === undefined ? undefined : sent[Number(match[1])];
    if (link) byLink.set(linkKey(link), message);
    else general.push(message);
  }
  return { error, byLink, general };
}
