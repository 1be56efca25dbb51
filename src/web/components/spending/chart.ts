import { MarkLineComponent, MarkPointComponent } from 'echarts/components';
import { use } from 'echarts/core';

// The spending charts draw targets as mark lines and pledges as mark points on top of the ledger's
// line and bar charts; registering them here keeps them out of the ledger pages' chunk.
use([MarkLineComponent, MarkPointComponent]);

export { CHART_COLORS, type ChartOption, EChart } from '../ledger/EChart';
export { ChartFigure } from '../ledger/ChartFigure';

/** Colours for the spending charts, each 3:1 against white and apart from the others. */
export const SPENDING_COLORS = {
  share: '#1864ab',
  alliance: '#c2255c',
  call: '#e8590c',
  national: '#6741d9',
  band: '#74c0fc',
  pledge: '#2b8a3e',
  delivered: '#0b7285',
} as const;
