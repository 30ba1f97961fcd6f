/**
 * The headline indicators of the cockpit's month against their targets (HEADLINE_KPIS), each the
 * KPI dashboard's card, a click opening the dashboard at that indicator. Empty states say what to do.
 */
import { Button, Card, Col, Empty, Row, Space, Typography } from 'antd';
import { DashboardOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { HEADLINE_KPIS, useKpis, type KpiItem, type KpiScopeRef } from '../../api/kpis';
import { KpiCard } from '../kpis';
import QueryState from '../QueryState';

/** The dashboard's address for a scope, period and (optionally) one indicator. */
export function dashboardLink(scope: KpiScopeRef, period: string, key?: string): string {
  const q = new URLSearchParams({ period, scope: scope.scope });
  if (scope.scope !== 'park' && scope.code) q.set('code', scope.code);
  if (key) q.set('key', key);
  return `/kpis?${q}`;
}

export default function KpiTiles({ scope, period, hasFlows }: { scope: KpiScopeRef | undefined; period: string; hasFlows: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const kpis = useKpis(hasFlows ? scope : undefined, period);
  const link = scope ? dashboardLink(scope, period) : '/kpis';
  return (
    <Card
      size="small"
      title={<Space><DashboardOutlined />{t('cockpit.kpis.title', { period })}</Space>}
      extra={<Link to={link} data-testid="cockpit-kpis-link">{t('cockpit.kpis.open')}</Link>}
      data-testid="cockpit-kpis"
    >
      {!hasFlows ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          data-testid="cockpit-kpis-empty"
          description={<Typography.Text type="secondary">{t('cockpit.kpis.noFlows')}</Typography.Text>}
        >
          <Link to="/flows/ledger"><Button type="primary">{t('cockpit.toLedger')}</Button></Link>
        </Empty>
      ) : (
        <QueryState query={kpis} loading={<Row gutter={[12, 12]}>{HEADLINE_KPIS.map((k) => <Col key={k} xs={24} sm={12} xl={8} xxl={4}><Card size="small" loading /></Col>)}</Row>}>
          {(answer) => {
            const byKey = new Map<string, KpiItem>(answer.items.map((i) => [i.key, i]));
            const items = HEADLINE_KPIS.map((k) => byKey.get(k)).filter((i): i is KpiItem => !!i);
            const missingInputs = items.some((i) => i.value === null && i.missing.some((m) => m.startsWith('valueAdded10kCny')));
            return (
              <>
                <Row gutter={[12, 12]}>
                  {items.map((item) => (
                    <Col key={item.key} xs={24} sm={12} xl={8} xxl={4} data-testid="cockpit-kpi" data-key={item.key}>
                      <KpiCard item={item} compact onOpen={() => scope && navigate(dashboardLink(scope, period, item.key))} />
                    </Col>
                  ))}
                </Row>
                {missingInputs && (
                  <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }} data-testid="cockpit-kpis-inputs-hint">
                    {t('cockpit.kpis.noInputs')} <Link to="/kpis/inputs">{t('cockpit.kpis.toInputs')}</Link>
                  </Typography.Paragraph>
                )}
              </>
            );
          }}
        </QueryState>
      )}
    </Card>
  );
}
