/**
 * The green KPI dashboard (绿色指标看板): for the park, an enterprise or a unit and a month, quarter
 * or year, every indicator as a card — value, status against its target, the change against the
 * previous period and the same period last year, or the inputs it lacks — grouped into waste,
 * energy and water, carbon and circularity. A card opens its trend, its inputs and the flows behind it.
 */
import { Card, Col, Empty, Row, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNameOf } from '../api/hooks';
import { useKpis } from '../api/kpis';
import FlowsEmpty from '../components/flows/FlowsEmpty';
import KpiCard from '../components/kpis/KpiCard';
import KpiDrawer from '../components/kpis/KpiDrawer';
import KpiPeriodPicker from '../components/kpis/KpiPeriodPicker';
import KpiScopePicker from '../components/kpis/KpiScopePicker';
import { groupItems } from '../components/kpis/kpiView';
import { useKpiView } from '../components/kpis/useKpiView';
import QueryState from '../components/QueryState';

export default function KpisPage() {
  const { t } = useTranslation();
  const nameOf = useNameOf();
  const { view, setView, months, periods } = useKpiView();
  const kpis = useKpis(view.scope, view.period);
  const opened = kpis.data?.items.find((i) => i.key === view.open);

  return (
    <Card title={t('kpis.title.dashboard')} data-testid="kpis-page">
      <Space wrap style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }}>
        <KpiScopePicker value={view.scope} onChange={(scope) => setView({ scope, open: undefined })} />
        <KpiPeriodPicker value={view.period} months={months} onChange={(period) => setView({ period })} />
      </Space>
      <QueryState query={periods}>
        {() =>
          !view.period ? (
            <FlowsEmpty title={t('kpis.dashboard.noPeriods')} />
          ) : view.scope.scope !== 'park' && !view.scope.code ? (
            <Empty description={t('kpis.dashboard.chooseScope')} />
          ) : (
            <QueryState query={kpis} errorTestId="kpis-error">
              {(answer) => (
                <Space orientation="vertical" size="large" style={{ width: '100%' }} data-testid="kpi-answer" data-period={answer.period} data-scope={answer.scope} data-code={answer.code ?? ''}>
                  <Typography.Text type="secondary" data-testid="kpi-heading">
                    {t('kpis.dashboard.heading', { name: answer.scope === 'park' ? nameOf(answer) || t('kpis.scope.park') : `${nameOf(answer)} (${answer.code})`, period: answer.period })}
                  </Typography.Text>
                  {groupItems(answer.items).map(({ group, items }) => (
                    <div key={group} data-testid="kpi-group" data-group={group}>
                      <Typography.Title level={5} style={{ marginTop: 0 }}>
                        {t(`kpis.group.${group}`)}
                      </Typography.Title>
                      <Row gutter={[12, 12]}>
                        {items.map((item) => (
                          <Col key={item.key} xs={24} sm={12} lg={8} xxl={6}>
                            <KpiCard item={item} onOpen={(i) => setView({ open: i.key })} />
                          </Col>
                        ))}
                      </Row>
                    </div>
                  ))}
                </Space>
              )}
            </QueryState>
          )
        }
      </QueryState>
      <KpiDrawer item={opened} scope={view.scope} period={view.period} onClose={() => setView({ open: undefined })} />
    </Card>
  );
}
