/**
 * The capability taxonomy every group's support ledger is sorted by, in display order, and the mapping
 * from the `capability_area` vocabulary of data/reference/capability_coalitions.csv to it. The mapping
 * is an explicit table: a value nobody mapped is reported, never guessed.
 */
export const capabilityAreas = [
  { slug: 'air-defence', name: 'Air defence', note: 'Integrated air and missile defence' },
  { slug: 'artillery-ammunition', name: 'Artillery and ammunition', note: null },
  { slug: 'armour', name: 'Armour', note: 'Tanks and armoured vehicles' },
  { slug: 'air-force', name: 'Air force', note: 'Fighter aircraft, their training and support' },
  { slug: 'drones-ew', name: 'Drones and electronic warfare', note: null },
  { slug: 'maritime', name: 'Maritime', note: null },
  { slug: 'demining', name: 'Demining', note: null },
  { slug: 'it-cyber-comms', name: 'IT, cyber and communications', note: null },
  { slug: 'logistics', name: 'Logistics', note: null },
  { slug: 'medical', name: 'Medical', note: null },
  { slug: 'training', name: 'Training', note: null },
  { slug: 'other', name: 'Other', note: null },
] as const;

export type CapabilityAreaSlug = (typeof capabilityAreas)[number]['slug'];

/** `capability_area` as written in the reference CSV → the area's slug. */
const csvAreaSlugs: Readonly<Record<string, CapabilityAreaSlug>> = {
  air_defence: 'air-defence', // Integrated Air and Missile Defence (Ground-Based Air Defence)
  artillery: 'artillery-ammunition',
  ammunition: 'artillery-ammunition',
  armour: 'armour',
  air_force: 'air-force',
  drones_ew: 'drones-ew',
  maritime: 'maritime',
  demining: 'demining',
  it_cyber_comms: 'it-cyber-comms',
  logistics: 'logistics',
  medical: 'medical',
  training: 'training',
  other: 'other',
};

/** The area slug for a CSV `capability_area` value, or undefined if the table does not map it. */
export function capabilityAreaSlugFor(csvValue: string): CapabilityAreaSlug | undefined {
  return Object.hasOwn(csvAreaSlugs, csvValue) ? csvAreaSlugs[csvValue] : undefined;
}

export const mappedCapabilityAreaValues = (): string[] => Object.keys(csvAreaSlugs);
