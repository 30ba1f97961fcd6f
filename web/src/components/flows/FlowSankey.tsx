/**
 * The Sankey of one view: drawn by ECharts, a click on an enterprise node drills into it, a click on
 * a unit opens its balance. The element says how many nodes and links it drew (`data-nodes`,
 * `data-links`), for tests and tools.
 */
import { useMemo } from 'react';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Sankey, SankeyNode } from '../../api/flows';
import { useNameOf } from '../../api/hooks';
import EChart from '../EChart';
import { sankeyOption, type SankeyDatum } from './sankeyOption';

interface Props {
  data: Sankey;
  materialName(code: string): string;
  onNodeClick(node: SankeyNode): void;
}

export default function FlowSankey({ data, materialName, onNodeClick }: Props) {
  const { t, i18n } = useTranslation();
  const nameOf = useNameOf();
  const option = useMemo(
    () => sankeyOption(data, { t, lang: i18n.language, materialName, nodeLabel: (n) => (n.kind === 'boundary' && n.boundaryKind ? nameOf(n) || t(`flows.boundary.${n.boundaryKind}`) : nameOf(n) || n.code) }),
    [data, t, i18n.language, materialName, nameOf],
  );
  const height = Math.max(420, data.nodes.length * 26);
  return (
    <div data-testid="flow-sankey" data-nodes={data.nodes.length} data-links={data.links.length}>
      <Typography.Text type="secondary">{t('flows.sankey.unit', { unit: data.unit })}</Typography.Text>
      <EChart
        option={option}
        style={{ height }}
        data-testid="flow-sankey-chart"
        onEvents={{
          click: (params) => {
            const p = params as { dataType?: string; data?: SankeyDatum };
            if (p.dataType === 'node' && p.data?.node) onNodeClick(p.data.node);
          },
        }}
      />
    </div>
  );
}
