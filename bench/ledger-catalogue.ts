/**
 * What the generated ledger is made of: items per capability area with the specification that tells
 * them apart (155 mm NATO against 152 mm shells), a unit, a plausible unit price in EUR and a range of
 * quantities one pledge holds. Prices are round public orders of magnitude, not any nation's figures.
 */

export interface CatalogueItem {
  item: string;
  specification: string;
  unit: string;
  /** EUR, whole euros per unit. */
  unitPriceEur: number;
  /** Quantity of one pledge: log-uniform between these. */
  min: number;
  max: number;
  /** Relative frequency within the area. */
  weight: number;
}

export interface CatalogueArea {
  slug: string;
  /** Relative share of requirements and pledges. */
  weight: number;
  items: CatalogueItem[];
}

const item = (
  name: string,
  specification: string,
  unit: string,
  unitPriceEur: number,
  [min, max]: [number, number],
  weight = 1,
): CatalogueItem => ({ item: name, specification, unit, unitPriceEur, min, max, weight });

/** Every area of the reference taxonomy (src/core/capabilities/capability-area.ts) has items. */
export const catalogue: readonly CatalogueArea[] = [
  {
    slug: 'air-defence',
    weight: 14,
    items: [
      item('Surface-to-air missile system', 'IRIS-T SLM', 'system', 140_000_000, [1, 4]),
      item('Surface-to-air missile system', 'Patriot PAC-3', 'battery', 1_000_000_000, [1, 2], 0.4),
      item('Surface-to-air missile system', 'NASAMS', 'system', 100_000_000, [1, 3]),
      item('Interceptor missile', 'IRIS-T SLM', 'missile', 400_000, [4, 120], 2),
      item('Interceptor missile', 'PAC-3 MSE', 'missile', 4_000_000, [2, 40], 1.5),
      item('Anti-aircraft gun ammunition', '35 mm (Gepard)', 'round', 150, [5_000, 300_000], 2),
      item('Man-portable air-defence system', 'Stinger', 'launcher', 400_000, [5, 300]),
    ],
  },
  {
    slug: 'artillery-ammunition',
    weight: 26,
    items: [
      item('Artillery shell', '155 mm NATO', 'shell', 3_500, [500, 100_000], 6),
      item('Artillery shell', '152 mm', 'shell', 3_000, [500, 60_000], 3),
      item('Artillery shell', '122 mm', 'shell', 2_000, [500, 50_000], 2),
      item('Rocket', '122 mm (Grad)', 'rocket', 1_500, [200, 20_000], 1.5),
      item('Guided rocket', 'GMLRS M31', 'rocket', 150_000, [10, 500]),
      item('Self-propelled howitzer', '155 mm (PzH 2000)', 'system', 17_000_000, [1, 18], 0.6),
      item('Towed howitzer', '155 mm (M777)', 'system', 4_000_000, [1, 36], 0.8),
      item('Mortar round', '120 mm', 'round', 1_500, [500, 50_000], 1.5),
    ],
  },
  {
    slug: 'armour',
    weight: 10,
    items: [
      item('Main battle tank', 'Leopard 2A6', 'vehicle', 15_000_000, [1, 20]),
      item('Main battle tank', 'Leopard 1A5', 'vehicle', 3_000_000, [1, 40]),
      item('Main battle tank', 'M1A1 Abrams', 'vehicle', 10_000_000, [1, 31], 0.5),
      item('Infantry fighting vehicle', 'CV90', 'vehicle', 8_000_000, [1, 50]),
      item('Infantry fighting vehicle', 'M2A2 Bradley', 'vehicle', 4_000_000, [1, 100]),
      item('Armoured personnel carrier', 'M113', 'vehicle', 800_000, [5, 200], 1.5),
      item('Tank ammunition', '120 mm', 'round', 8_000, [100, 10_000], 1.5),
    ],
  },
  {
    slug: 'air-force',
    weight: 5,
    items: [
      item('Fighter aircraft', 'F-16AM/BM', 'aircraft', 60_000_000, [1, 24], 0.6),
      item('Fighter aircraft', 'Mirage 2000-5F', 'aircraft', 40_000_000, [1, 6], 0.3),
      item('Air-to-ground munition', 'JDAM-ER', 'kit', 90_000, [10, 1_000], 2),
      item('Aircraft spare parts', 'F-16', 'lot', 2_000_000, [1, 10], 1.5),
    ],
  },
  {
    slug: 'drones-ew',
    weight: 12,
    items: [
      item('Loitering munition', 'Switchblade 600', 'unit', 100_000, [10, 500]),
      item('FPV drone', '7-inch', 'drone', 400, [1_000, 100_000], 3),
      item('Reconnaissance drone', 'fixed-wing, medium range', 'drone', 250_000, [2, 100], 1.5),
      item('Counter-drone jammer', 'portable', 'unit', 30_000, [10, 500], 1.5),
      item('Electronic warfare system', 'vehicle-mounted', 'system', 5_000_000, [1, 10]),
    ],
  },
  {
    slug: 'maritime',
    weight: 4,
    items: [
      item('Naval drone', 'uncrewed surface vessel', 'vessel', 250_000, [1, 50], 2),
      item('Minehunter', 'Sandown class', 'vessel', 40_000_000, [1, 2], 0.3),
      item('Patrol boat', 'riverine', 'boat', 1_000_000, [1, 20]),
      item('Anti-ship missile', 'Harpoon', 'missile', 1_500_000, [2, 40]),
    ],
  },
  {
    slug: 'demining',
    weight: 4,
    items: [
      item('Mine-clearing vehicle', 'armoured', 'vehicle', 2_000_000, [1, 15]),
      item('Mine detector', 'handheld', 'unit', 5_000, [50, 5_000], 2),
      item('Explosive ordnance disposal kit', 'EOD team set', 'kit', 60_000, [5, 200]),
    ],
  },
  {
    slug: 'it-cyber-comms',
    weight: 5,
    items: [
      item('Satellite terminal', 'Starlink', 'terminal', 2_500, [100, 5_000], 2),
      item('Tactical radio', 'HF/VHF', 'radio', 15_000, [50, 2_000], 2),
      item('Cyber defence service', 'managed SOC', 'contract', 3_000_000, [1, 3]),
    ],
  },
  {
    slug: 'logistics',
    weight: 7,
    items: [
      item('Truck', '8x8 heavy', 'vehicle', 300_000, [5, 200], 2),
      item('Fuel', 'diesel F-54', 'tonne', 1_200, [100, 20_000], 1.5),
      item('Field generator', '60 kVA', 'unit', 40_000, [5, 300]),
      item('Spare parts', 'vehicle fleet', 'lot', 500_000, [1, 20]),
    ],
  },
  {
    slug: 'medical',
    weight: 5,
    items: [
      item('Armoured ambulance', 'tracked', 'vehicle', 500_000, [1, 50]),
      item('Individual first aid kit', 'IFAK NATO', 'kit', 100, [1_000, 100_000], 2),
      item('Field hospital', 'role 2', 'facility', 10_000_000, [1, 3], 0.4),
      item('Tourniquet', 'CAT Gen 7', 'unit', 30, [1_000, 200_000], 1.5),
    ],
  },
  {
    slug: 'training',
    weight: 5,
    items: [
      item('Recruit training', 'basic infantry', 'trainee', 20_000, [50, 5_000], 2),
      item('Pilot training', 'F-16', 'pilot', 3_000_000, [1, 12], 0.5),
      item('Specialist training', 'Patriot crew', 'trainee', 50_000, [10, 300]),
    ],
  },
  {
    slug: 'other',
    weight: 3,
    items: [
      item('Winter equipment', 'cold-weather kit', 'kit', 500, [1_000, 50_000]),
      item('Body armour', 'NIJ IV plates', 'set', 800, [1_000, 50_000]),
      item('Small-arms ammunition', '5.56 mm NATO', 'round', 1, [100_000, 10_000_000]),
      item('Small-arms ammunition', '7.62x39 mm', 'round', 1, [100_000, 5_000_000]),
    ],
  },
];

/**
 * Donors in a rough order of what they gave, so a Zipf weighting makes a few large donors and a long
 * tail; members of the group missing here follow in alphabetical order.
 */
export const donorRanking: readonly string[] = [
  'USA',
  'DEU',
  'GBR',
  'DNK',
  'NLD',
  'SWE',
  'POL',
  'CAN',
  'NOR',
  'FRA',
  'FIN',
  'ITA',
  'BEL',
  'CZE',
  'JPN',
  'ESP',
  'LTU',
  'EST',
  'LVA',
  'AUS',
  'PRT',
  'SVK',
  'ROU',
  'AUT',
  'CHE',
  'IRL',
  'GRC',
  'HRV',
  'SVN',
  'LUX',
  'ISL',
  'NZL',
  'KOR',
  'TUR',
  'BGR',
];

/** Currencies pledges are reported in, beside EUR. */
export const donorCurrency: Readonly<Record<string, string>> = { USA: 'USD', GBR: 'GBP' };

/**
 * EUR per unit of each currency: a fixed table the generator converts with, so the data do not depend on
 * which ECB fixings are loaded. Real pledges use the dated ECB rates (src/core/currency); the bench
 * writes these rates and the valuation date as the rate used, which is close enough for load.
 */
export const fixedEurRates: Readonly<Record<string, string>> = {
  EUR: '1',
  USD: '0.92',
  GBP: '1.17',
};

export const funds: readonly string[] = [
  'International Fund for Ukraine',
  'NATO Comprehensive Assistance Package',
  'Czech ammunition initiative',
  'European Peace Facility',
];

/** Nations that buy on others' behalf (channel kind nation). */
export const channelNations: readonly string[] = ['USA', 'DEU', 'CZE', 'GBR', 'POL'];

/** Partners added to a RESTRICTED marking's REL TO beside the donor and the recipient. */
export const relToPartners: readonly string[] = ['GBR', 'USA', 'POL', 'DEU', 'FRA'];

export const deliveryPlaces: readonly string[] = [
  'Rzeszów logistics hub',
  'Lublin',
  'Suceava',
  'Košice',
  'Kyiv',
  'Lviv',
];
