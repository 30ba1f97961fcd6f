/**
 * One indicator opened: its value and standing, its trend (the last 12 months, 8 quarters or 5
 * years, the target's trajectory dashed), the figures it was computed from, and the flows behind
 * it — which term of the formula each counts in — each linking to the ledger at its material and period.
 */
import { useMemo } from 'react';
import { Descriptions, Drawer, Space, Table, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useKpiContributions, useKpiTrend, type KpiScopeRef } from '../../api/kpis';
import type { KpiContributionRow, KpiItem } from '../../api/kpiShapes';
import EChart from '../EChart';
import { useFlowNames } from '../flows/useFlowNames';
import QueryState from '../QueryState';
import { formatKpi, formatNumber } from './format';
import KpiInputsTable from './KpiInputsTable';
import KpiMissing from './KpiMissing';
import KpiStatusTag from './KpiStatusTag';
import { trendRange } from './period';
import { trendOption } from './trendOption';
import { useKpiUnit } from './useKpiUnit';

interface Props {
  item: KpiItem | undefined;
  scope: KpiScopeRef;
  period: string | undefined;
  onClose(): void;
}

/** The ledger filtered to a flow's material and month (the query parameters FlowLedger reads). */
export const ledgerLink = (row: Pick<KpiContributionRow, 'material' | 'period'>) => `/flows/ledger?${new URLSearchParams({ material: row.material, period: row.period })}`;

export default function KpiDrawer({ item, scope, period, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const names = useFlowNames();
  const unitOf = useKpiUnit();
  const unit = item ? unitOf(item.unit) : '';
  const range = useMemo(() => (period ? trendRange(period) : null), [period]);
  const trend = useKpiTrend(item ? scope : undefined, range);
  const flows = useKpiContributions(item ? scope : undefined, period, item?.key);
  const title = item ? t(`kpis.key.${item.key}`, { defaultValue: item.key }) : '';
  const option = useMemo(
    () => (item && trend.data ? trendOption(trend.data, item.key, unit, { value: title, trajectory: t('kpis.drawer.trajectory'), target: t('kpis.drawer.targetLine') }) : null),
    [item, trend.data, title, t, unit],
  );

  return (
    <Drawer open={!!item} onClose={onClose} size={760} title={title} data-testid="kpi-drawer" destroyOnHidden>
      {item && (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('kpis.drawer.value')} span={2}>
              <Space>
                <Typography.Text strong data-testid="kpi-drawer-value">
                  {item.value === null ? t('kpis.card.noValue') : formatKpi(item.value, unit, lang)}
                </Typography.Text>
                <KpiStatusTag status={item.status} />
              </Space>
              {item.value === null && (
                <div>
                  <KpiMissing missing={item.missing} />
                </div>
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('kpis.drawer.previous', { period: item.previousPeriod })}>{formatKpi(item.previous, unit, lang)}</Descriptions.Item>
            <Descriptions.Item label={t('kpis.drawer.lastYear', { period: item.lastYearPeriod })}>{formatKpi(item.lastYear, unit, lang)}</Descriptions.Item>
            <Descriptions.Item label={t('kpis.drawer.target')}>
              {item.target === null
                ? t('kpis.status.no_target')
                : t(item.targetKind === 'reduction' ? 'kpis.drawer.targetReduction' : 'kpis.drawer.targetAbsolute', {
                    value: formatKpi(item.target, unit, lang),
                    year: item.targetYear ?? '',
                    baseYear: item.baseYear ?? '',
                    base: formatKpi(item.baseValue, unit, lang),
                  })}
            </Descriptions.Item>
            <Descriptions.Item label={t('kpis.drawer.trajectory')}>{formatKpi(item.trajectory, unit, lang)}</Descriptions.Item>
          </Descriptions>

          <div>
            <Typography.Title level={5}>{t('kpis.drawer.trendTitle')}</Typography.Title>
            <QueryState query={trend} errorTestId="kpi-trend-error">
              {() => option && <EChart option={option} style={{ height: 260 }} data-testid="kpi-trend-chart" />}
            </QueryState>
          </div>

          <div>
            <Typography.Title level={5}>{t('kpis.drawer.inputsTitle')}</Typography.Title>
            <KpiInputsTable inputs={item.inputs} />
          </div>

          <div>
            <Typography.Title level={5}>{t('kpis.drawer.flowsTitle')}</Typography.Title>
            <QueryState query={flows} errorTestId="kpi-flows-error">
              {(c) => (
                <Table<KpiContributionRow>
                  rowKey={(r) => `${r.flowId}:${r.term}`}
                  size="small"
                  data-testid="kpi-flows"
                  dataSource={c.items}
                  pagination={c.items.length > 10 ? { pageSize: 10, size: 'small', showTotal: (n) => t('common.total', { count: n }) } : false}
                  locale={{ emptyText: t('kpis.drawer.noFlows') }}
                  onRow={(r) => ({ 'data-testid': 'kpi-flow-row', 'data-flow-id': r.flowId }) as React.HTMLAttributes<HTMLElement>}
                  scroll={{ x: 'max-content' }}
                  columns={[
                    { key: 'term', title: t('kpis.drawer.term'), render: (_, r) => t(`kpis.term.${r.term.replace(/[^\w]/g, '_')}`, { defaultValue: r.term }) },
                    { key: 'period', title: t('flows.field.period'), dataIndex: 'period' },
                    {
                      key: 'ends',
                      title: t('kpis.drawer.fromTo'),
                      render: (_, r) => (
                        <span>
                          <span title={r.from}>{names.nodeName(r.from)}</span> → <span title={r.to}>{names.nodeName(r.to)}</span>
                        </span>
                      ),
                    },
                    {
                      key: 'material',
                      title: t('flows.field.material'),
                      render: (_, r) => (
                        <Link to={ledgerLink(r)} title={r.material} data-testid="kpi-flow-ledger-link">
                          {names.materialName(r.material)}
                        </Link>
                      ),
                    },
                    { key: 'quantity', title: t('flows.field.quantity'), align: 'right', render: (_, r) => `${formatNumber(r.quantity, lang)} ${r.unit}` },
                    { key: 'amount', title: t('kpis.drawer.amount'), align: 'right', render: (_, r) => formatNumber(r.amount, lang) },
                  ]}
                />
              )}
            </QueryState>
          </div>
        </Space>
      )}
    </Drawer>
  );
}
