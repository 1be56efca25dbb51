/**
 * Spending targets as rules, with no I/O: what kind a target is, what its level measures, which targets
 * supersede or make up others, and which targets apply to a nation.
 */

export const targetKinds = ['alliance', 'national', 'call'] as const;
export type TargetKind = (typeof targetKinds)[number];

/**
 * The kind, from the published scope and nation: a NATO target with no nation is the alliance's; a
 * national target is its nation's pledge; a NATO target with a nation is that nation's public call on
 * the alliance (the US call for 5 %, Poland's proposal of 3 %).
 */
export function targetKindOf(scope: 'NATO' | 'national', nation: string | null): TargetKind {
  if (scope === 'national') return 'national';
  return nation === null ? 'alliance' : 'call';
}

export const targetMeasures = [
  'defence',
  'core_and_related',
  'related',
  'equipment_share',
  'wider_defence',
  'support_to_ukraine',
  'fiscal_rule',
] as const;
export type TargetMeasure = (typeof targetMeasures)[number];

/** What each measure is, as the API and docs/spending.md say it. */
export const measureDescriptions: Readonly<Record<TargetMeasure, string>> = {
  defence: 'defence expenditure as NATO defines it, as % of GDP: comparable with the figures',
  core_and_related:
    'core defence plus defence- and security-related spending, as % of GDP: the figures cover the core part only',
  related:
    'defence- and security-related spending (infrastructure, resilience, industrial base), as % of GDP: not in the figures',
  equipment_share: '% of defence expenditure spent on major equipment, not a share of GDP',
  wider_defence:
    "a national definition wider than NATO's (e.g. with intelligence services), as % of GDP: not comparable",
  support_to_ukraine: 'military support to Ukraine as % of GDP, not defence expenditure',
  fiscal_rule: 'a budget rule, not a level of spending',
};

/** Only a target on NATO's own definition can be held against NATO's figures. */
export const isComparable = (measure: TargetMeasure): boolean => measure === 'defence';

/**
 * Targets whose level does not measure NATO-defined defence expenditure. Every other target measures
 * `defence`. Keyed by the published target id (data/reference/spending_targets.csv), with the reason.
 */
export const targetMeasureOf: Readonly<Record<string, TargetMeasure>> = {
  // "5% of GDP annually by 2035 (core defence plus defence/security-related)".
  NATO_HAGUE_5PCT_2035: 'core_and_related',
  // "Up to 1.5% of GDP annually on defence- and security-related spending".
  NATO_HAGUE_RELATED_1_5: 'related',
  // "20% of defence expenditure on major equipment": a share of spending, not of GDP.
  NATO_WALES_EQUIP_20PCT: 'equipment_share',
  // "2.6% of GDP ... when intelligence/security services contribution is included".
  GBR_2_6_INTEL: 'wider_defence',
  // "0.25% of GDP per year to military aid to Ukraine".
  EST_UKR_0_25: 'support_to_ukraine',
  // "defence spending above 1% of GDP exempted from the debt brake": a rule, no level to reach.
  DEU_DEBT_BRAKE_1PCT: 'fiscal_rule',
};

/**
 * Which target replaces which (newer id → the id it supersedes). The source file has no such column;
 * each link is read off the targets' own descriptions and docs/spending.md gives the reasons.
 */
export const targetSupersedes: Readonly<Record<string, string>> = {
  // The 2006 guideline became a pledge with a deadline at Wales.
  NATO_WALES_DIP_2014: 'NATO_2PCT_2006',
  // Vilnius made 2 % an annual floor as the Wales decade ran out.
  NATO_VILNIUS_2023: 'NATO_WALES_DIP_2014',
  // Labour's 2.5 % had no date; from April 2027 gave it one.
  GBR_2_5_APR2027: 'GBR_LABOUR_2_5',
};

/** Components (id → the target it is part of): the Hague 5 % is 3.5 % core plus 1.5 % related. */
export const targetPartOf: Readonly<Record<string, string>> = {
  NATO_HAGUE_CORE_3_5: 'NATO_HAGUE_5PCT_2035',
  NATO_HAGUE_RELATED_1_5: 'NATO_HAGUE_5PCT_2035',
  NATO_WALES_EQUIP_20PCT: 'NATO_WALES_DIP_2014',
};

/** The deadline year when the published deadline is a year ('2027'); null otherwise ('next parliament ...'). */
export function deadlineYearOf(deadline: string | null): number | null {
  if (deadline === null || !/^\d{4}$/.test(deadline)) return null;
  return Number(deadline);
}

/** A deadline before the year the target was announced is a mistake in the data. */
export function deadlineProblem(announcedOn: string, deadlineYear: number | null): string | null {
  const announced = Number(announcedOn.slice(0, 4));
  return deadlineYear !== null && deadlineYear < announced
    ? `the deadline ${deadlineYear} is before the announcement (${announcedOn})`
    : null;
}

/** Alliance targets and calls on the alliance apply to every ally; a national target to its nation. */
export function appliesTo(
  target: { kind: TargetKind; nationCode: string | null },
  nation: { code: string; natoMember: boolean },
): boolean {
  return target.kind === 'national' ? target.nationCode === nation.code : nation.natoMember;
}

/**
 * Problems with the links between the given targets (id → announced on): a link whose two ends are
 * both present must not point back in time (a target cannot supersede a later one) nor form a cycle.
 * Links to a target that is not present are ignored, so a subset of the file still loads.
 */
export function linkProblems(
  announced: ReadonlyMap<string, string>,
  supersedes: Readonly<Record<string, string>> = targetSupersedes,
  partOf: Readonly<Record<string, string>> = targetPartOf,
): { id: string; message: string }[] {
  const problems: { id: string; message: string }[] = [];
  for (const [id, old] of Object.entries(supersedes)) {
    const newer = announced.get(id);
    const older = announced.get(old);
    if (newer === undefined || older === undefined) continue;
    // Dates are published to a year, month or day: compare them to the precision both have.
    const precision = Math.min(newer.length, older.length);
    if (newer.slice(0, precision) < older.slice(0, precision))
      problems.push({ id, message: `supersedes ${old}, announced later (${older})` });
  }
  for (const links of [supersedes, partOf]) {
    for (const start of Object.keys(links)) {
      const seen = new Set<string>([start]);
      for (let next = links[start]; next !== undefined; next = links[next]) {
        if (seen.has(next)) {
          problems.push({ id: start, message: `its links form a cycle through ${next}` });
          break;
        }
        seen.add(next);
      }
    }
  }
  return problems;
}
