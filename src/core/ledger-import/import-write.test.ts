import { describe, expect, it } from 'vitest';
import { auditMarking } from './import-write';

describe('the audit entry of an import', () => {
  const gbr = { nationCode: 'GBR' };

  it('is PUBLIC only when every row is, GROUP when the narrowest row is GROUP', () => {
    expect(auditMarking([{ marking: 'PUBLIC', rel_to: null }], 'g', gbr)).toEqual({
      marking: 'PUBLIC',
      rel_to: null,
      group_id: 'g',
    });
    expect(
      auditMarking(
        [
          { marking: 'PUBLIC', rel_to: null },
          { marking: 'GROUP', rel_to: null },
        ],
        'g',
        gbr,
      ),
    ).toEqual({ marking: 'GROUP', rel_to: null, group_id: 'g' });
  });

  it('is RESTRICTED to the nations every restricted row is released to, and always to the importer', () => {
    const rows = [
      { marking: 'GROUP', rel_to: null },
      { marking: 'RESTRICTED', rel_to: ',GBR,POL,UKR,' },
      { marking: 'RESTRICTED', rel_to: ',DEU,GBR,UKR,' },
    ];
    expect(auditMarking(rows, 'g', gbr)).toEqual({
      marking: 'RESTRICTED',
      rel_to: ',GBR,UKR,',
      group_id: 'g',
    });
    expect(auditMarking([{ marking: 'RESTRICTED', rel_to: ',POL,' }], 'g', gbr).rel_to).toBe(
      ',GBR,POL,',
    );
  });
});
