/**
 * Balances and reconciliation (平衡核算): for a period, level and layer, the balance of every node,
 * the flows measured and reconciled side by side, the global test and the suspects explained in
 * words, and the what-if drawer that re-runs the reconciliation with edited measurements.
 */
import { useMemo, useState } from 'react';
import { Alert, Button, Card, Col, Row, Space, Typography } from 'antd';
import { ExperimentOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useBalances } from '../api/flows';
import { EnterpriseSelect } from '../components/fields';
import BalanceFlowTable from '../components/flows/BalanceFlowTable';
import { balanceName } from '../components/flows/explain';
import FlowsEmpty from '../components/flows/FlowsEmpty';
import FlowViewControls from '../components/flows/FlowViewControls';
import NodeBalanceTable from '../components/flows/NodeBalanceTable';
import OpenNodesAlert from '../components/flows/OpenNodesAlert';
import ReconciliationSummary from '../components/flows/ReconciliationSummary';
import { useFlowNames } from '../components/flows/useFlowNames';
import { useFlowView } from '../components/flows/useFlowView';
import WhatIfDrawer from '../components/flows/WhatIfDrawer';
import QueryState from '../components/QueryState';

export default function FlowBalancesPage() {
  const { t, i18n } = useTranslation();
  const [params] = useSearchParams();
  const { view, setView, periods } = useFlowView('unit');
  const balances = useBalances(view);
  const names = useFlowNames();
  const [whatIf, setWhatIf] = useState(false);
  const suspectFlows = useMemo(() => new Set((balances.data?.suspects ?? []).filter((s) => s.kind === 'flow').map((s) => s.flowKey ?? s.key)), [balances.data]);

  return (
    <Card
      title={t('flows.title.balances')}
      data-testid="flow-balances-page"
      extra={
        <Button icon={<ExperimentOutlined />} disabled={!balances.data || balances.data.flows.length === 0} onClick={() => setWhatIf(true)} data-testid="whatif-open">
          {t('flows.whatIf.open')}
        </Button>
      }
    >
      <QueryState query={periods}>
        {(list) =>
          !view || list.length === 0 ? (
            <FlowsEmpty title={t('flows.empty.noPeriods')} />
          ) : (
            <>
              <Space wrap style={{ marginBottom: 16 }}>
                <FlowViewControls view={view} periods={list} materials={names.materials} onChange={setView} />
                <EnterpriseSelect
                  placeholder={t('flows.field.enterprise')}
                  value={view.enterpriseId}
                  onChange={(id) => setView({ ...view, enterpriseId: id ?? undefined })}
                  style={{ width: 240 }}
                  data-testid="flow-enterprise"
                />
              </Space>
              <QueryState query={balances}>
                {(b) =>
                  b.flows.length === 0 ? (
                    <FlowsEmpty />
                  ) : (
                    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
                      <Typography.Text type="secondary" data-testid="balance-name">
                        {balanceName(b, { t, lang: i18n.language, ...names })} · {t('flows.balances.unit', { unit: b.unit })}
                      </Typography.Text>
                      <OpenNodesAlert nodes={b.openNodes} materialName={names.materialName} />
                      {b.claimsLeftOut > 0 && <Alert type="info" showIcon data-testid="claims-left-out" title={t('flows.balances.claimsLeftOut', { count: b.claimsLeftOut })} />}
                      <ReconciliationSummary balances={b} names={names} />
                      <Row gutter={[16, 16]}>
                        <Col span={24}>
                          <Typography.Title level={5}>{t('flows.balances.nodesTitle')}</Typography.Title>
                          <NodeBalanceTable nodes={b.nodes} unit={b.unit} highlight={params.get('node')} />
                        </Col>
                        <Col span={24}>
                          <Typography.Title level={5}>{t('flows.balances.flowsTitle')}</Typography.Title>
                          <BalanceFlowTable flows={b.flows} unit={b.unit} nodeName={names.nodeName} materialName={names.materialName} suspects={suspectFlows} />
                        </Col>
                      </Row>
                      <WhatIfDrawer open={whatIf} onClose={() => setWhatIf(false)} balances={b} nodeName={names.nodeName} materialName={names.materialName} />
                    </Space>
                  )
                }
              </QueryState>
            </>
          )
        }
      </QueryState>
    </Card>
  );
}
