/**
 * The cockpit (issue 12): the headline green KPIs of the last complete month against their targets;
 * active alarms, devices online and offline, open balance exceptions; the loops as a live Sankey
 * — the park's for a park user, its own enterprise's for an enterprise user. Each tile links to its
 * page; what the registry holds is one small line at the bottom.
 */
import { useMemo } from 'react';
import { Col, Row, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFlowPeriods } from '../api/flows';
import { useNameOf } from '../api/hooks';
import { useSession } from '../auth/session';
import AlarmsTile from '../components/cockpit/AlarmsTile';
import BalanceTile from '../components/cockpit/BalanceTile';
import DevicesTile from '../components/cockpit/DevicesTile';
import KpiTiles from '../components/cockpit/KpiTiles';
import LiveSankey from '../components/cockpit/LiveSankey';
import { cockpitMonth } from '../components/cockpit/period';
import RegistryLine from '../components/cockpit/RegistryLine';
import { kpiScopeOf, useCockpitScope } from '../components/cockpit/useCockpitScope';
import { ErrorAlert } from '../components/errors';

export default function OverviewPage() {
  const { t } = useTranslation();
  const { park } = useSession();
  const nameOf = useNameOf();
  const scope = useCockpitScope();
  const periods = useFlowPeriods();
  const timeZone = park?.timezone || 'Asia/Shanghai';
  const month = useMemo(
    () => (periods.data ? cockpitMonth(periods.data.filter((p) => p.grain === 'month' && p.flows > 0).map((p) => p.period), new Date(), timeZone) : undefined),
    [periods.data, timeZone],
  );
  const enterpriseId = scope.kind === 'enterprise' ? scope.enterpriseId : undefined;
  const title = scope.kind === 'enterprise' ? nameOf(scope.enterprise) : park ? nameOf(park) : t('menu.overview');

  return (
    <div data-testid="overview-page" data-scope={scope.kind} data-period={month?.month ?? ''}>
      <Space align="baseline" wrap style={{ marginBottom: 12 }}>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="overview-title">
          {title}
        </Typography.Title>
        {month && (
          <Typography.Text type="secondary" data-testid="cockpit-period">
            {t(month.lastComplete ? 'cockpit.periodLastComplete' : 'cockpit.periodNewest', { period: month.month })}
          </Typography.Text>
        )}
      </Space>
      <ErrorAlert error={periods.error} />
      {month && scope.ready && (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <KpiTiles scope={kpiScopeOf(scope)} period={month.month} hasFlows={month.hasFlows} />
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={8}>
              <AlarmsTile />
            </Col>
            <Col xs={24} lg={8}>
              <DevicesTile />
            </Col>
            <Col xs={24} lg={8}>
              <BalanceTile period={month.month} enterpriseId={enterpriseId} hasFlows={month.hasFlows} />
            </Col>
          </Row>
          <LiveSankey period={month.month} enterpriseId={enterpriseId} hasFlows={month.hasFlows} />
          <RegistryLine />
        </Space>
      )}
    </div>
  );
}
