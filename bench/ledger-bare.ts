import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import SQLite from 'better-sqlite3';
import { type BareServer, listenBare, send } from './bare';

/**
 * The baseline for the ledger endpoints: a bare node:http server on the same SQLite file, doing what
 * Ramstein does per request — resolve the bearer token, the viewer's groups, the marking filter, the
 * same queries — with hand-written SQL through better-sqlite3 and JSON.stringify. run.ts checks that
 * it answers exactly like Ramstein before either is loaded.
 */

interface Viewer {
  nation: string | null;
  groupIds: string[];
}

type Row = Record<string, unknown>;

/** A column's text: SQLite gives strings and numbers; anything else (null) reads as ''. */
const text = (value: unknown): string =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';

const exponents = new Map<string, number>();
/** Minor units as a decimal string with the currency's decimals: 123450 EUR → '1234.50'. */
function decimal(minor: number, currency: string): string {
  let exponent = exponents.get(currency);
  if (exponent === undefined) {
    exponent =
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
        .maximumFractionDigits ?? 2;
    exponents.set(currency, exponent);
  }
  const negative = minor < 0;
  const digits = String(Math.abs(minor)).padStart(exponent + 1, '0');
  const whole = digits.slice(0, digits.length - exponent);
  return `${negative ? '-' : ''}${whole}${exponent > 0 ? `.${digits.slice(-exponent)}` : ''}`;
}

function marking(row: Row) {
  const classification =
    row.marking === 'PUBLIC' || row.marking === 'GROUP' ? String(row.marking) : 'RESTRICTED';
  const relTo = classification === 'RESTRICTED' ? text(row.rel_to).split(',').filter(Boolean) : [];
  return {
    classification,
    relTo,
    label:
      classification === 'RESTRICTED' ? `RESTRICTED REL TO ${relTo.join(', ')}` : classification,
  };
}

const confidences = new Set(['high', 'medium', 'uncertain']);

function channelKey(row: Row): string {
  switch (row.channel_kind) {
    case 'nation':
      return `nation:${text(row.channel_nation)}`;
    case 'coalition':
      return `coalition:${text(row.channel_coalition_id)}`;
    case 'fund':
      return `fund:${text(row.channel_name)}`;
    default:
      return 'direct';
  }
}

function toPledge(row: Row) {
  const money = (minor: unknown, currency: unknown) =>
    minor === null || currency === null
      ? null
      : { amount: decimal(Number(minor), text(currency)), currency };
  return {
    id: row.id,
    group: row.group_slug,
    donor: row.donor_nation,
    channel: {
      kind: row.channel_kind,
      nation: row.channel_nation,
      coalitionId: row.channel_coalition_id,
      name: row.channel_name ?? row.channel_nation,
      key: channelKey(row),
    },
    requirementId: row.requirement_id,
    capabilityArea: { id: row.capability_area_id, slug: row.area_slug, name: row.area_name },
    item: row.item,
    specification: row.specification,
    quantity: row.quantity,
    unit: row.unit,
    kind: row.kind,
    value: money(row.value_minor, row.currency),
    valuationDate: row.valuation_date,
    valuationMethod: row.valuation_method,
    isEstimate: row.valuation_method === 'price_list' || row.valuation_method === 'estimated',
    reportingValue: money(row.reporting_value_minor, row.reporting_currency),
    rateUsed:
      row.reporting_rate === null || row.reporting_rate_date === null
        ? null
        : { rate: row.reporting_rate, date: row.reporting_rate_date },
    announcedOn: row.announced_on,
    meetingId: row.meeting_id,
    eventId: row.event_id,
    status: row.status,
    statusOn: row.status_on,
    deliveredQuantity: row.delivered_quantity,
    externalRef: row.external_ref,
    externalId: row.external_id,
    note: row.note,
    marking: marking(row),
    source: {
      url: row.source_url,
      title: row.source_title,
      confidence:
        typeof row.confidence === 'string' && confidences.has(row.confidence)
          ? row.confidence
          : null,
    },
    createdBy: row.created_by_username,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

/** Half to even, on safe integers. */
function halfEven(numerator: number, denominator: number): number {
  const quotient = Math.floor(numerator / denominator);
  const twice = 2 * (numerator - quotient * denominator);
  return twice > denominator || (twice === denominator && quotient % 2 === 1)
    ? quotient + 1
    : quotient;
}

function percentOf(part: number, whole: number): number {
  if (whole <= 0) return part > 0 ? 100 : 0;
  return halfEven(Math.min(part, whole) * 1000, whole) / 10;
}

interface Sums {
  pledged: number;
  contracted: number;
  delivered: number;
}

const quantityFigures = (needed: number, s: Sums) => ({
  needed,
  pledged: s.pledged,
  contracted: s.contracted,
  delivered: s.delivered,
  gap: Math.max(0, needed - s.pledged),
  coveragePercent: percentOf(s.pledged, needed),
  deliveredPercent: percentOf(s.delivered, needed),
});

/** Starts the ledger baseline on 127.0.0.1 and a free port, on the SQLite file Ramstein uses. */
export async function startLedgerBareServer(file: string): Promise<BareServer> {
  const db = new SQLite(file, { fileMustExist: true });
  db.pragma('busy_timeout = 5000');

  const tokenByHash = db.prepare<[string], Row>('SELECT * FROM api_tokens WHERE token_hash = ?');
  const userById = db.prepare<[string], Row>(
    `SELECT users.*, nations.name AS nation_name, nations.alpha2 AS nation_alpha2
       FROM users JOIN nations ON nations.code = users.nation_code WHERE users.id = ?`,
  );
  const touchToken = db.prepare<[string, string]>(
    'UPDATE api_tokens SET last_used_at = ? WHERE id = ?',
  );
  const memberOf = db.prepare<[string, string, string], { group_id: string }>(
    `SELECT group_id FROM memberships
      WHERE nation_code = ? AND role IN ('member', 'recipient')
        AND (valid_from IS NULL OR valid_from <= ?) AND (valid_to IS NULL OR valid_to > ?)`,
  );
  const chairOf = db.prepare<[string, string, string, string], Row>(
    `SELECT chair_terms.group_id, groups.slug FROM chair_terms
       JOIN groups ON groups.id = chair_terms.group_id
      WHERE (chair_terms.nation_code = ? OR chair_terms.co_chair_code = ?)
        AND chair_terms.starts_on <= ? AND (chair_terms.ends_on IS NULL OR chair_terms.ends_on > ?)`,
  );
  const groupBySlug = db.prepare<[string], Row>(
    `SELECT groups.*, nations.name AS recipient_name, nations.alpha2 AS recipient_alpha2
       FROM groups JOIN nations ON nations.code = groups.recipient_code WHERE groups.slug = ?`,
  );
  const areasOf = db.prepare<[string], Row>(
    `SELECT id, slug, name, sort_order, note FROM capability_areas WHERE group_id = ?
      ORDER BY sort_order, slug`,
  );
  const coalitionsOf = db.prepare<[string], Row>(
    `SELECT coalitions.id, coalitions.name, coalitions.capability_area_id FROM coalitions
       JOIN capability_areas ON capability_areas.id = coalitions.capability_area_id
       JOIN groups ON groups.id = coalitions.group_id
      WHERE coalitions.group_id = ? ORDER BY capability_areas.sort_order, coalitions.name`,
  );

  // Statements that filter by marking depend on how many groups the viewer has: prepared per shape.
  const statements = new Map<string, SQLite.Statement<unknown[], Row>>();
  const releasable = (table: string, viewer: Viewer) => {
    const rules = [`${table}.marking = 'PUBLIC'`];
    if (viewer.groupIds.length > 0) {
      rules.push(
        `(${table}.marking = 'GROUP' AND (${table}.group_id IN (${viewer.groupIds.map(() => '?').join(', ')}) OR ${table}.group_id IS NULL))`,
      );
    }
    if (viewer.nation !== null) {
      rules.push(`(${table}.marking = 'RESTRICTED' AND ${table}.rel_to LIKE ?)`);
    }
    return `(${rules.join(' OR ')})`;
  };
  const viewerValues = (viewer: Viewer) => [
    ...viewer.groupIds,
    ...(viewer.nation === null ? [] : [`%,${viewer.nation},%`]),
  ];
  const statement = (name: string, viewer: Viewer, text: (viewer: Viewer) => string) => {
    const key = `${name}|${viewer.groupIds.length}|${viewer.nation === null ? 0 : 1}`;
    let found = statements.get(key);
    if (!found) {
      found = db.prepare<unknown[], Row>(text(viewer));
      statements.set(key, found);
    }
    return found;
  };

  function authenticate(req: IncomingMessage): Viewer | null {
    const token = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (token === undefined || !token.startsWith('rst_')) return null;
    const now = new Date();
    const at = now.toISOString();
    const row = tokenByHash.get(createHash('sha256').update(token).digest('hex'));
    if (!row || row.revoked_at !== null || String(row.expires_at) <= at) return null;
    const user = userById.get(String(row.user_id));
    if (!user || user.disabled_at !== null) return null;
    if (row.last_used_at === null || now.getTime() - Date.parse(text(row.last_used_at)) > 60_000) {
      touchToken.run(at, String(row.id));
    }
    const nation = String(user.nation_code);
    const day = at.slice(0, 10);
    const groupIds = [...new Set(memberOf.all(nation, day, day).map((g) => g.group_id))];
    chairOf.all(nation, nation, day, day);
    return { nation, groupIds };
  }

  function pledges(group: Row, viewer: Viewer, url: URL) {
    const limit = Number(url.searchParams.get('limit') ?? 50);
    const offset = Number(url.searchParams.get('offset') ?? 0);
    // As listPledgeRows: the page's ids from the pledges alone (the list index holds the marking), then
    // those rows with their joins; the count from the pledges alone.
    const matching = (v: Viewer) =>
      `FROM pledges WHERE ${releasable('pledges', v)} AND pledges.group_id = ?`;
    const order = 'ORDER BY pledges.created_at DESC, pledges.id DESC';
    const page = statement(
      'pledge page',
      viewer,
      (v) => `SELECT pledges.*, groups.slug AS group_slug, capability_areas.slug AS area_slug,
                     capability_areas.name AS area_name, users.username AS created_by_username
                FROM pledges
                JOIN groups ON groups.id = pledges.group_id
                JOIN capability_areas ON capability_areas.id = pledges.capability_area_id
                JOIN users ON users.id = pledges.created_by
               WHERE pledges.id IN (SELECT pledges.id ${matching(v)} ${order} LIMIT ? OFFSET ?)
               ${order}`,
    );
    const count = statement('pledge count', viewer, (v) => `SELECT count(*) AS n ${matching(v)}`);
    const values = [...viewerValues(viewer), group.id];
    const rows = page.all(...values, limit, offset);
    const total = Number(count.get(...values)?.n ?? 0);
    return { items: rows.map(toPledge), total, limit, offset };
  }

  function areaCoverage(group: Row, viewer: Viewer) {
    const groupId = String(group.id);
    const currency = String(group.reporting_currency);
    const today = new Date().toISOString().slice(0, 10);
    // Per area, unit and status, summed in SQL, as areaRequirementSums does.
    const requirementSums = statement(
      'area requirements',
      viewer,
      (
        v,
      ) => `SELECT requirements.capability_area_id AS area, requirements.unit, requirements.status,
                     count(*) AS requirements,
                     sum(CASE WHEN requirements.status <> 'withdrawn' AND requirements.needed_by IS NOT NULL
                               AND requirements.needed_by < ? AND coalesce(s.delivered, 0) < requirements.quantity
                              THEN 1 ELSE 0 END) AS overdue,
                     sum(requirements.quantity) AS needed, sum(coalesce(s.pledged, 0)) AS pledged,
                     sum(coalesce(s.contracted, 0)) AS contracted,
                     sum(coalesce(s.delivered, 0)) AS delivered
                FROM requirements
                JOIN groups ON groups.id = requirements.group_id
                JOIN capability_areas ON capability_areas.id = requirements.capability_area_id
                JOIN users ON users.id = requirements.created_by
                LEFT JOIN (SELECT requirement_id, sum(pledge_count) AS pledge_count,
                                  sum(pledged_quantity) AS pledged,
                                  sum(contracted_quantity) AS contracted,
                                  sum(delivered_quantity) AS delivered
                             FROM requirement_totals
                            WHERE group_id = ? AND ${releasable('requirement_totals', v)}
                            GROUP BY requirement_id) AS s ON s.requirement_id = requirements.id
               WHERE ${releasable('requirements', v)} AND requirements.group_id = ?
               GROUP BY requirements.capability_area_id, requirements.unit, requirements.status`,
    ).all(today, groupId, ...viewerValues(viewer), ...viewerValues(viewer), groupId);
    const valueSums = statement(
      'area values',
      viewer,
      (v) => `SELECT capability_area_id, sum(pledge_count) AS pledge_count,
                     sum(unvalued_count) AS unvalued, sum(pledged_value_minor) AS pledged,
                     sum(estimated_value_minor) AS estimated,
                     sum(contracted_value_minor) AS contracted,
                     sum(delivered_value_minor) AS delivered
                FROM donor_totals
               WHERE group_id = ? AND ${releasable('donor_totals', v)}
               GROUP BY capability_area_id`,
    ).all(groupId, ...viewerValues(viewer));

    const coalitions = coalitionsOf.all(groupId);
    const money = (minor: unknown) => decimal(Number(minor ?? 0), currency);
    const items = areasOf.all(groupId).map((area) => {
      const own = requirementSums.filter((c) => c.area === area.id);
      const count = (status?: string) =>
        own
          .filter((c) => status === undefined || c.status === status)
          .reduce((sum, c) => sum + Number(c.requirements), 0);
      const units = new Map<string, Sums & { needed: number }>();
      for (const c of own) {
        if (c.status === 'withdrawn') continue;
        const unit = String(c.unit);
        const u = units.get(unit) ?? { needed: 0, pledged: 0, contracted: 0, delivered: 0 };
        u.needed += Number(c.needed);
        u.pledged += Number(c.pledged);
        u.contracted += Number(c.contracted);
        u.delivered += Number(c.delivered);
        units.set(unit, u);
      }
      const v = valueSums.find((s) => s.capability_area_id === area.id);
      return {
        capabilityArea: { id: area.id, slug: area.slug, name: area.name },
        coalitions: coalitions
          .filter((c) => c.capability_area_id === area.id)
          .map((c) => ({ id: c.id, name: c.name })),
        requirements: {
          count: count(),
          open: count('open'),
          partlyMet: count('partly_met'),
          met: count('met'),
          overdue: own.reduce((sum, c) => sum + Number(c.overdue), 0),
        },
        byUnit: [...units]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([unit, u]) => ({ unit, ...quantityFigures(u.needed, u) })),
        value: {
          pledged: money(v?.pledged),
          contracted: money(v?.contracted),
          delivered: money(v?.delivered),
          estimated: money(v?.estimated),
          unvaluedPledges: Number(v?.unvalued ?? 0),
        },
        pledgeCount: Number(v?.pledge_count ?? 0),
      };
    });
    return { currency, asOf: today, items };
  }

  function handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const match = /^\/api\/v1\/groups\/([a-z0-9-]+)\/(pledges|coverage\/areas)$/.exec(url.pathname);
    if (req.method !== 'GET' || !match) {
      return send(res, 404, { error: 'not_found', message: 'not found', issues: [] });
    }
    const viewer = authenticate(req);
    if (viewer === null) {
      return send(res, 401, { error: 'unauthenticated', message: 'bad token', issues: [] });
    }
    const group = groupBySlug.get(match[1] ?? '');
    if (!group) return send(res, 404, { error: 'not_found', message: 'no group', issues: [] });
    return send(
      res,
      200,
      match[2] === 'pledges' ? pledges(group, viewer, url) : areaCoverage(group, viewer),
    );
  }

  return listenBare(handle, () => db.close());
}
