/** The balance of each node: inputs, outputs, stock change, the imbalance (absolute and %) and its test. */
import { Table, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { NodeBalance } from '../../api/flows';
import { useNameOf } from '../../api/hooks';
import { formatNumber, formatPercent, formatStat } from './format';

interface Props {
  nodes: NodeBalance[];
  unit: string;
  /** A node to show marked (opened from the Sankey). */
  highlight?: string | null;
}

export default function NodeBalanceTable({ nodes, unit, highlight }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const nameOf = useNameOf();
  const num = (v: number) => formatNumber(v, lang);
  return (
    <Table<NodeBalance>
      rowKey="nodeId"
      size="small"
      data-testid="balance-nodes"
      dataSource={nodes}
      pagination={nodes.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      scroll={{ x: 'max-content' }}
      onRow={(n) => ({ 'data-testid': 'balance-node-row', 'data-code': n.code, 'data-exception': n.exception ? '1' : '0', style: n.code === highlight ? { background: '#e6f4ff' } : undefined }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        { key: 'node', title: t('flows.field.node'), render: (_, n) => <span title={n.code}>{nameOf(n) || n.code}</span>, sorter: (a, b) => a.code.localeCompare(b.code) },
        { key: 'kind', title: t('flows.field.kind'), render: (_, n) => <Tag>{t(`flows.nodeKind.${n.kind}`)}</Tag> },
        { key: 'inputs', title: `${t('flows.balances.inputs')} (${unit})`, align: 'right', render: (_, n) => num(n.inputs) },
        { key: 'outputs', title: `${t('flows.balances.outputs')} (${unit})`, align: 'right', render: (_, n) => num(n.outputs) },
        { key: 'stock', title: `${t('flows.balances.stockChange')} (${unit})`, align: 'right', render: (_, n) => num(n.stockChange) },
        { key: 'imbalance', title: `${t('flows.balances.imbalance')} (${unit})`, align: 'right', render: (_, n) => num(n.imbalance), sorter: (a, b) => Math.abs(a.imbalance) - Math.abs(b.imbalance) },
        { key: 'percent', title: t('flows.balances.imbalancePercent'), align: 'right', render: (_, n) => formatPercent(n.imbalancePercent, lang), sorter: (a, b) => Math.abs(a.imbalancePercent ?? 0) - Math.abs(b.imbalancePercent ?? 0) },
        { key: 'z', title: t('flows.balances.z'), align: 'right', render: (_, n) => formatStat(n.z, lang), sorter: (a, b) => (a.z ?? 0) - (b.z ?? 0) },
        {
          key: 'exception',
          title: t('flows.balances.exception'),
          render: (_, n) =>
            n.exception ? (
              <Tooltip title={t('flows.balances.failedHelp')}>
                <Tag color="error" data-testid="balance-exception">{t('flows.balances.exception')}</Tag>
              </Tooltip>
            ) : (
              <Tag color="success">{t('flows.balances.closes')}</Tag>
            ),
          filters: [{ text: t('flows.balances.exceptionsOnly'), value: true }],
          onFilter: (v, n) => n.exception === v,
        },
      ]}
    />
  );
}
