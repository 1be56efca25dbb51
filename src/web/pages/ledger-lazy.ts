import { CoalitionPage } from './CoalitionPage';
import { CoalitionsPage } from './CoalitionsPage';
import { CoveragePage } from './CoveragePage';
import { RequirementCoveragePage } from './RequirementCoveragePage';

/**
 * The ledger's pages with charts, in a chunk of their own: ECharts is the largest library of the app,
 * and only these pages need it. The router loads this module when one of them is first opened.
 */
export const coverageRoute = { Component: CoveragePage };
export const requirementCoverageRoute = { Component: RequirementCoveragePage };
export const coalitionsRoute = { Component: CoalitionsPage };
export const coalitionRoute = { Component: CoalitionPage };
