import {
  BarChart,
  type BarSeriesOption,
  LineChart,
  type LineSeriesOption,
  PieChart,
  type PieSeriesOption,
} from 'echarts/charts';
import {
  GridComponent,
  type GridComponentOption,
  LegendComponent,
  type LegendComponentOption,
  TooltipComponent,
  type TooltipComponentOption,
} from 'echarts/components';
import { type ComposeOption, type EChartsType, init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only the parts the ledger draws: three chart types, their axes, legend and tooltip, as SVG.
use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | PieSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
>;

/** Series colours that hold 3:1 against white and apart from each other. */
export const CHART_COLORS = {
  needed: '#495057',
  pledged: '#1864ab',
  contracted: '#6741d9',
  delivered: '#2b8a3e',
  line: '#c2255c',
} as const;

export const PIE_COLORS = [
  '#1864ab',
  '#2b8a3e',
  '#c2255c',
  '#e8590c',
  '#6741d9',
  '#0b7285',
  '#5c940d',
  '#862e9c',
  '#a61e4d',
  '#364fc7',
  '#495057',
];

interface EChartProps {
  option: ChartOption;
  /** What the chart shows, in one sentence: the chart itself is an image to assistive technology. */
  label: string;
  height?: number;
  /** Called with the index of the category (or slice) clicked. */
  onSelect?: (index: number) => void;
}

/** One ECharts chart in SVG, sized to its container and redrawn when its option changes. */
export function EChart({ option, label, height = 320, onSelect }: EChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const select = useRef(onSelect);
  select.current = onSelect;

  useEffect(() => {
    const node = container.current;
    if (!node) return;
    const instance = init(node, undefined, { renderer: 'svg' });
    chart.current = instance;
    instance.on('click', (params) => {
      if (typeof params.dataIndex === 'number') select.current?.(params.dataIndex);
    });
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(node);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption({ animationDuration: 300, ...option }, true);
  }, [option]);

  return (
    <div
      ref={container}
      role="img"
      aria-label={label}
      style={{ height, width: '100%', cursor: onSelect ? 'pointer' : undefined }}
    />
  );
}
