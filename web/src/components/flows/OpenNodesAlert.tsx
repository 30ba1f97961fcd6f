/**
 * The element layer's open nodes: where a material has no known composition, the element entering
 * or leaving with it is unknown, so the node's element balance is not judged (no imbalance, no
 * test). Naming them says which compositions to record in the materials catalogue.
 */
import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OpenNode } from '../../api/flows';
import { useNameOf } from '../../api/hooks';

interface Props {
  nodes: readonly OpenNode[];
  materialName(code: string): string;
}

export default function OpenNodesAlert({ nodes, materialName }: Props) {
  const { t } = useTranslation();
  const nameOf = useNameOf();
  if (nodes.length === 0) return null;
  const separator = t('flows.openNodes.separator');
  return (
    <Alert
      type="info"
      showIcon
      data-testid="open-nodes-alert"
      title={t('flows.openNodes.title', { count: nodes.length })}
      description={
        <>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
            {t('flows.openNodes.help')}
          </Typography.Paragraph>
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {nodes.map((n) => (
              <li key={n.nodeId} data-testid="open-node" data-code={n.code}>
                {t('flows.openNodes.node', {
                  node: nameOf(n) || n.code,
                  materials: n.materials.map((m) => `${materialName(m)} (${m})`).join(separator),
                })}
              </li>
            ))}
          </ul>
        </>
      }
    />
  );
}
