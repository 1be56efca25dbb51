import { describe, expect, it } from 'vitest';
import {
  capabilityAreas,
  capabilityAreaSlugFor,
  mappedCapabilityAreaValues,
} from './capability-area';

describe('capabilityAreaSlugFor', () => {
  it('maps every capability_area of the coalitions file to its area', () => {
    expect(
      [
        'air_force',
        'air_defence',
        'it_cyber_comms',
        'demining',
        'maritime',
        'artillery',
        'drones_ew',
        'armour',
      ].map(capabilityAreaSlugFor),
    ).toEqual([
      'air-force',
      'air-defence',
      'it-cyber-comms',
      'demining',
      'maritime',
      'artillery-ammunition',
      'drones-ew',
      'armour',
    ]);
  });

  it('maps nothing it was not told about, not even by a near miss', () => {
    for (const value of ['', 'Air_Defence', 'air defence', 'cyber', 'toString', '__proto__']) {
      expect(capabilityAreaSlugFor(value)).toBeUndefined();
    }
  });

  it('maps only onto areas of the taxonomy, and reaches each of them', () => {
    const slugs = capabilityAreas.map((a) => a.slug);
    const targets = new Set(mappedCapabilityAreaValues().map(capabilityAreaSlugFor));
    expect([...targets].sort()).toEqual([...slugs].sort());
    expect(new Set(slugs).size).toBe(12);
  });
});
