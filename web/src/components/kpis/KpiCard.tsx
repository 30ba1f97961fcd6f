/**
 * One indicator at a glance: its name, value and unit, its status against the target, the target
 * itself, and the change against the previous period and the same period last year (an arrow,
 * green when better for this indicator, red when worse). A value that could not be computed says
 * which inputs were missing. Used by the KPI dashboard and the cockpit.
 */
import { Card, Space, Tooltip, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, MinusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { KpiItem } from '../../api/kpiShapes';
import { formatKpi, formatNumber } from './format';
import KpiMissing from './KpiMissing';
import KpiStatusTag from './KpiStatusTag';
import { changeOf, type Trend } from './kpiView';
import { useKpiUnit } from './useKpiUnit';

const TREND_COLOR: Record<Trend, string> = { better: '#389e0d', worse: '#cf1322', same: '#8c8c8c', neutral: '#8c8c8c' };

/** The change of `value` against an earlier one, as an arrow and a percentage (or difference). */
export function KpiDelta({ itemKey, value, before, label, unit, unitLabel = unit, testId }: { itemKey: string; value: number | null; before: number | null; label: string; unit: string; unitLabel?: string; testId: string }) {
  const { t, i18n } = useTranslation();
  const change = changeOf(itemKey, value, before);
  if (!change) {
    return (
      <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid={testId} data-trend="none">
        {label}: {t('kpis.card.noComparison')}
      </Typography.Text>
    );
  }
  const Icon = change.diff > 0 ? ArrowUpOutlined : change.diff < 0 ? ArrowDownOutlined : MinusOutlined;
  // A rate's change is told in points; anything else relative to the earlier value.
  const amount = unit === '%' || change.percent === null ? `${change.diff > 0 ? '+' : ''}${formatKpi(change.diff, unit === '%' ? t('kpis.card.points') : unitLabel, i18n.language)}` : `${change.percent > 0 ? '+' : ''}${formatNumber(change.percent, i18n.language)} %`;
  return (
    <Tooltip title={`${label}: ${formatKpi(before, unitLabel, i18n.language)}`}>
      <Typography.Text style={{ fontSize: 12, color: TREND_COLOR[change.trend] }} data-testid={testId} data-trend={change.trend}>
        <Icon /> {amount} <Typography.Text type="secondary" style={{ fontSize: 12 }}>{label}</Typography.Text>
      </Typography.Text>
    </Tooltip>
  );
}

interface Props {
  item: KpiItem;
  onOpen?(item: KpiItem): void;
  /** Hide the comparisons (a compact card, e.g. on the cockpit). */
  compact?: boolean;
}

export default function KpiCard({ item, onOpen, compact }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const unit = useKpiUnit()(item.unit);
  return (
    <Card
      size="small"
      hoverable={!!onOpen}
      onClick={onOpen ? () => onOpen(item) : undefined}
      style={{ height: '100%' }}
      styles={{ body: { display: 'flex', flexDirection: 'column', gap: 6, height: '100%' } }}
      data-testid="kpi-card"
      data-key={item.key}
      data-value={item.value ?? ''}
      data-status={item.status}
    >
      <Space style={{ justifyContent: 'space-between', width: '100%' }} align="start">
        <Typography.Text strong style={{ fontSize: 13 }} data-testid="kpi-name">
          {t(`kpis.key.${item.key}`, { defaultValue: item.key })}
        </Typography.Text>
        <KpiStatusTag status={item.status} />
      </Space>
      {item.value === null ? (
        <>
          <Typography.Text type="secondary" style={{ fontSize: 22, lineHeight: 1.2 }} data-testid="kpi-value">
            {t('kpis.card.noValue')}
          </Typography.Text>
          <KpiMissing missing={item.missing} />
        </>
      ) : (
        <Typography.Text style={{ fontSize: 24, fontWeight: 600, lineHeight: 1.2 }} data-testid="kpi-value">
          {formatNumber(item.value, lang)} <span style={{ fontSize: 13, fontWeight: 400 }}>{unit}</span>
        </Typography.Text>
      )}
      {item.target !== null && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="kpi-target">
          {t('kpis.card.target', { value: formatKpi(item.target, unit, lang), year: item.targetYear ?? '' })}
          {item.trajectory !== null && ` · ${t('kpis.card.trajectory', { value: formatKpi(item.trajectory, unit, lang) })}`}
        </Typography.Text>
      )}
      {!compact && (
        <Space orientation="vertical" size={0} style={{ marginTop: 'auto' }}>
          <KpiDelta itemKey={item.key} value={item.value} before={item.previous} unit={item.unit} unitLabel={unit} label={t('kpis.card.vsPrevious', { period: item.previousPeriod })} testId="kpi-vs-previous" />
          <KpiDelta itemKey={item.key} value={item.value} before={item.lastYear} unit={item.unit} unitLabel={unit} label={t('kpis.card.vsLastYear', { period: item.lastYearPeriod })} testId="kpi-vs-last-year" />
        </Space>
      )}
    </Card>
  );
}
