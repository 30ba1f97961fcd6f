/**
 * Open balance exceptions of the cockpit's month: the unit balances of every layer the periodic
 * balance check judges (total mass and the Cl, S, P, N element balances: CHECKED_LAYERS of
 * src/modules/flows/balance-check.ts), as the caller sees them; per layer whether the global test
 * passed, how many nodes and flows it flags, and a link to that balance.
 */
import { Badge, Card, Empty, List, Space, Statistic, Typography } from 'antd';
import { ExceptionOutlined } from '@ant-design/icons';
import { useQueries } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Balances, FlowView } from '../../api/flows';
import FlowsEmpty from '../flows/FlowsEmpty';
import { paramsOfView } from '../flows/view';
import { ErrorAlert } from '../errors';
import { balanceExceptions } from './counts';

/** The layers the balance check judges (balance-check.ts CHECKED_LAYERS), as flow views. */
const LAYERS: readonly ({ layer: 'mass' } | { layer: 'element'; element: string })[] = [
  { layer: 'mass' },
  { layer: 'element', element: 'Cl' },
  { layer: 'element', element: 'S' },
  { layer: 'element', element: 'P' },
  { layer: 'element', element: 'N' },
];

export default function BalanceTile({ period, enterpriseId, hasFlows }: { period: string; enterpriseId?: number; hasFlows: boolean }) {
  const { t } = useTranslation();
  const views: FlowView[] = LAYERS.map((l) => ({ period, level: 'unit', ...l, enterpriseId }));
  const answers = useQueries({
    queries: views.map((view) => ({
      queryKey: ['flows', 'balances', view],
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        api.get<Balances>('/flows/balances', { period: view.period, level: view.level, layer: view.layer, element: view.element, enterpriseId: view.enterpriseId }, signal),
      enabled: hasFlows,
      staleTime: 60_000,
    })),
  });
  const rows = views.map((view, i) => ({ view, answer: answers[i].data, error: answers[i].error, exceptions: answers[i].data ? balanceExceptions(answers[i].data) : null }));
  const loaded = rows.filter((r) => r.exceptions);
  const nodes = loaded.reduce((n, r) => n + r.exceptions!.nodes, 0);
  const flows = loaded.reduce((n, r) => n + r.exceptions!.flows, 0);
  const failed = loaded.filter((r) => r.exceptions!.passed === false).length;
  const link = (view: FlowView) => `/flows/balances?${new URLSearchParams(paramsOfView(view))}`;
  const layerName = (view: FlowView) =>
    view.layer === 'element' && view.element ? t('flows.layer.element', { symbol: view.element, element: t(`flows.element.${view.element}`) }) : t('flows.layer.totalMass');
  return (
    <Card
      size="small"
      title={<Space><ExceptionOutlined />{t('cockpit.balances.title', { period })}</Space>}
      extra={<Link to={link(views[0])} data-testid="cockpit-balances-link">{t('action.open')}</Link>}
      loading={hasFlows && answers.some((a) => a.isLoading)}
      data-testid="cockpit-balances"
      data-nodes={nodes}
      data-flows={flows}
      data-failed={failed}
      style={{ height: '100%' }}
    >
      {!hasFlows ? (
        <FlowsEmpty title={t('cockpit.balances.noFlows')} />
      ) : (
        <>
          {rows.map((r) => r.error && <ErrorAlert key={`${r.view.layer}${r.view.element ?? ''}`} error={r.error} />)}
          <Space size="large" wrap>
            <Statistic title={t('cockpit.balances.nodes')} value={nodes} styles={{ content: { color: nodes > 0 ? '#cf1322' : '#389e0d' } }} data-testid="cockpit-balances-nodes" />
            <Statistic title={t('cockpit.balances.flows')} value={flows} styles={{ content: { color: flows > 0 ? '#cf1322' : '#389e0d' } }} data-testid="cockpit-balances-flows" />
          </Space>
          {loaded.length > 0 && nodes + flows + failed === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cockpit.balances.none')} />
          ) : (
            <List
              size="small"
              dataSource={rows.filter((r) => r.exceptions)}
              renderItem={(r) => {
                const e = r.exceptions!;
                return (
                  <List.Item key={`${r.view.layer}${r.view.element ?? ''}`} data-testid="cockpit-balance-layer" data-passed={e.passed === null ? '' : e.passed ? '1' : '0'}>
                    <Space wrap>
                      <Badge status={e.passed === false ? 'error' : e.passed ? 'success' : 'default'} />
                      <Link to={link(r.view)}>{layerName(r.view)}</Link>
                      <Typography.Text type="secondary">
                        {e.passed === null ? t('flows.balances.notTested') : e.passed ? t('flows.balances.passed') : t('flows.balances.failed')}
                        {e.nodes + e.flows > 0 && ` · ${t('cockpit.balances.flagged', { nodes: e.nodes, flows: e.flows })}`}
                      </Typography.Text>
                    </Space>
                  </List.Item>
                );
              }}
            />
          )}
        </>
      )}
    </Card>
  );
}
