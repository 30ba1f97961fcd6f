/**
 * The graph series of ECharts, registered on the same ECharts core as ./echarts; loaded on demand
 * by the trace explorer before its chart is drawn (so ECharts stays out of the first chunk).
 */
import * as echarts from 'echarts/core';
import { GraphChart } from 'echarts/charts';

echarts.use([GraphChart]);

export const GRAPH_READY = true;
