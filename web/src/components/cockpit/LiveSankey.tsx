/**
 * The park's loops as a live Sankey: the flows of the cockpit's month (the park's enterprises, or
 * an enterprise's own units), asked again every minute so that flows recorded meanwhile appear. It
 * is the flow map's own chart (components/flows/FlowSankey); a click on a node opens the flow map
 * or the unit's balance.
 */
import { Card, Space, Typography } from 'antd';
import { NodeIndexOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { FlowView, Sankey, SankeyNode } from '../../api/flows';
import { useFormatTime } from '../../api/hooks';
import FlowSankey from '../flows/FlowSankey';
import FlowsEmpty from '../flows/FlowsEmpty';
import { useFlowNames } from '../flows/useFlowNames';
import { paramsOfView } from '../flows/view';
import QueryState from '../QueryState';

/** How often the Sankey is asked again. */
export const SANKEY_REFRESH_MS = 60_000;

export default function LiveSankey({ period, enterpriseId, hasFlows }: { period: string; enterpriseId?: number; hasFlows: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const fmtTime = useFormatTime();
  const names = useFlowNames();
  const view: FlowView = enterpriseId === undefined ? { period, level: 'park', layer: 'mass' } : { period, level: 'enterprise', layer: 'mass', enterpriseId };
  const sankey = useQuery({
    queryKey: ['flows', 'sankey', view, 'live'],
    queryFn: ({ signal }) =>
      api.get<Sankey>('/flows/sankey', { period: view.period, level: view.level, layer: view.layer, enterpriseId: view.enterpriseId }, signal),
    enabled: hasFlows,
    refetchInterval: SANKEY_REFRESH_MS,
    placeholderData: (prev) => prev,
  });
  const mapLink = `/flows?${new URLSearchParams(paramsOfView(view))}`;
  const onNodeClick = (node: SankeyNode) => {
    if (node.kind === 'enterprise' && node.enterpriseId !== null) navigate(`/flows?${new URLSearchParams(paramsOfView({ ...view, level: 'enterprise', enterpriseId: node.enterpriseId }))}`);
    else if (node.kind === 'unit') navigate(`/flows/balances?${new URLSearchParams({ ...paramsOfView({ ...view, level: 'unit', enterpriseId: node.enterpriseId ?? undefined }), node: node.code })}`);
  };
  return (
    <Card
      size="small"
      title={<Space><NodeIndexOutlined />{t(enterpriseId === undefined ? 'cockpit.sankey.titlePark' : 'cockpit.sankey.titleEnterprise', { period })}</Space>}
      extra={<Link to={mapLink} data-testid="cockpit-sankey-link">{t('cockpit.sankey.open')}</Link>}
      data-testid="cockpit-sankey"
    >
      {!hasFlows ? (
        <FlowsEmpty title={t('cockpit.sankey.noFlows')} />
      ) : (
        <QueryState query={sankey}>
          {(data) =>
            data.links.length === 0 ? (
              <FlowsEmpty />
            ) : (
              <>
                <FlowSankey data={data} materialName={names.materialName} onNodeClick={onNodeClick} />
                <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="cockpit-sankey-updated">
                  {t('cockpit.sankey.updated', { time: fmtTime(sankey.dataUpdatedAt), seconds: SANKEY_REFRESH_MS / 1000 })}
                </Typography.Text>
              </>
            )
          }
        </QueryState>
      )}
    </Card>
  );
}
