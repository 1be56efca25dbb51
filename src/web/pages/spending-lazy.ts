import { BurdenSharingPage } from './spending/BurdenSharingPage';
import { SpendingNationPage } from './spending/SpendingNationPage';
import { SpendingProjectionPage } from './spending/SpendingProjectionPage';

/**
 * The spending pages that draw charts, in a chunk of their own so ECharts loads only with them (as
 * ledger-lazy.ts does for the ledger). The league and target pages are tables and load with the app.
 */
export const spendingNationRoute = { Component: SpendingNationPage };
export const spendingProjectionRoute = { Component: SpendingProjectionPage };
export const burdenSharingRoute = { Component: BurdenSharingPage };
