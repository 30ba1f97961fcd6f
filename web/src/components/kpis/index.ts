/** The KPI pieces other pages use (the cockpit): one indicator's card, its status tag. */
export { default as KpiCard, KpiDelta } from './KpiCard';
export { default as KpiStatusTag } from './KpiStatusTag';
export { default as KpiMissing } from './KpiMissing';
export { formatKpi } from './format';
export { groupItems, KPI_GROUPS, type KpiGroup } from './kpiView';
