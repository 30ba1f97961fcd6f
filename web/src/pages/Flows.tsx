/**
 * The park's flow map (物质流图): a Sankey of the material or energy flows of a period — total mass,
 * one material, one element or energy — at park level (enterprises and the boundary) or inside one
 * enterprise (its units and whom they exchange with). A click on an enterprise drills in, the
 * breadcrumb goes back, a click on a unit opens its balance.
 */
import { Breadcrumb, Card, Space, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useSankey, type SankeyNode } from '../api/flows';
import { useNameOf } from '../api/hooks';
import { EnterpriseSelect } from '../components/fields';
import FlowSankey from '../components/flows/FlowSankey';
import FlowsEmpty from '../components/flows/FlowsEmpty';
import FlowViewControls from '../components/flows/FlowViewControls';
import { useFlowNames } from '../components/flows/useFlowNames';
import { useFlowView } from '../components/flows/useFlowView';
import { paramsOfView } from '../components/flows/view';
import QueryState from '../components/QueryState';

export default function FlowsPage() {
  const { t } = useTranslation();
  const nameOf = useNameOf();
  const navigate = useNavigate();
  const { view: raw, setView, periods } = useFlowView('park');
  // The map has two levels: the park, or one enterprise (which needs its id).
  const view = raw && (raw.level === 'enterprise' && raw.enterpriseId !== undefined ? raw : { ...raw, level: 'park' as const, enterpriseId: undefined });
  const sankey = useSankey(view);
  const names = useFlowNames();
  const enterpriseNode = view?.enterpriseId !== undefined ? names.nodes.find((n) => n.kind === 'enterprise' && n.enterpriseId === view.enterpriseId) : undefined;

  const drillInto = (enterpriseId: number | undefined) => {
    if (!view) return;
    setView(enterpriseId === undefined ? { ...view, level: 'park', enterpriseId: undefined } : { ...view, level: 'enterprise', enterpriseId });
  };
  const onNodeClick = (node: SankeyNode) => {
    if (!view) return;
    if (node.kind === 'enterprise' && node.enterpriseId !== null && view.level === 'park') drillInto(node.enterpriseId);
    else if (node.kind === 'unit') {
      const q = new URLSearchParams({ ...paramsOfView({ ...view, level: 'unit', enterpriseId: node.enterpriseId ?? undefined }), node: node.code });
      navigate(`/flows/balances?${q}`);
    }
  };

  return (
    <Card title={t('flows.title.sankey')} data-testid="flows-page">
      <QueryState query={periods}>
        {(list) =>
          !view || list.length === 0 ? (
            <FlowsEmpty title={t('flows.empty.noPeriods')} />
          ) : (
            <>
              <Space wrap style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }}>
                <FlowViewControls view={view} periods={list} materials={names.materials} onChange={setView} levels={[]} />
                <EnterpriseSelect
                  placeholder={t('flows.field.enterprise')}
                  value={view.enterpriseId}
                  onChange={(id) => drillInto(id ?? undefined)}
                  style={{ width: 240 }}
                  data-testid="flow-drill-enterprise"
                />
              </Space>
              <Breadcrumb
                style={{ marginBottom: 8 }}
                data-testid="flow-breadcrumb"
                items={[
                  {
                    title: view.level === 'park' ? t('flows.sankey.park') : <a onClick={() => drillInto(undefined)} data-testid="flow-breadcrumb-park">{t('flows.sankey.park')}</a>,
                  },
                  ...(view.level === 'enterprise' ? [{ title: <span data-testid="flow-breadcrumb-enterprise">{enterpriseNode ? nameOf(enterpriseNode) : `#${view.enterpriseId}`}</span> }] : []),
                ]}
              />
              <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
                {t('flows.sankey.drillHint')}
              </Typography.Paragraph>
              <QueryState query={sankey}>
                {(data) => (data.links.length === 0 ? <FlowsEmpty /> : <FlowSankey data={data} materialName={names.materialName} onNodeClick={onNodeClick} />)}
              </QueryState>
            </>
          )
        }
      </QueryState>
    </Card>
  );
}
