/** The flows of a balance, measured and reconciled side by side, with the adjustment in σ and how each came out. */
import { Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BalanceFlow, FlowStatus } from '../../api/flows';
import { formatNumber, formatStat } from './format';

const STATUS_COLOR: Record<FlowStatus, string> = { reconciled: 'blue', nonredundant: 'default', computed: 'purple', exact: 'green' };

interface Props {
  flows: BalanceFlow[];
  unit: string;
  nodeName(code: string): string;
  materialName(code: string): string;
  /** Keys of the flows the reconciliation suspects. */
  suspects: ReadonlySet<string>;
}

export default function BalanceFlowTable({ flows, unit, nodeName, materialName, suspects }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const pm = (v: number | null, sd: number | null) => (v === null ? '–' : `${formatNumber(v, lang)} ± ${formatNumber(sd, lang)}`);
  return (
    <Table<BalanceFlow>
      rowKey="key"
      size="small"
      data-testid="balance-flows"
      dataSource={flows}
      pagination={flows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      scroll={{ x: 'max-content' }}
      onRow={(f) => ({ 'data-testid': 'balance-flow-row', 'data-key': f.key, 'data-suspect': suspects.has(f.key) ? '1' : '0', style: suspects.has(f.key) ? { background: '#fff1f0' } : undefined }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        { key: 'flow', title: t('flows.balances.flow'), render: (_, f) => `${nodeName(f.fromCode)} → ${nodeName(f.toCode)}` },
        { key: 'material', title: t('flows.field.material'), render: (_, f) => materialName(f.materialCode) },
        { key: 'basis', title: t('flows.field.basis'), render: (_, f) => t(`flows.basis.${f.basis}`) },
        {
          key: 'measured',
          title: `${t('flows.balances.measured')} (${unit})`,
          align: 'right',
          render: (_, f) => (f.measured === null ? <Typography.Text type="secondary">{t('flows.balances.unmeasured')}</Typography.Text> : pm(f.measured, f.sd)),
        },
        { key: 'reconciled', title: `${t('flows.balances.reconciled')} (${unit})`, align: 'right', render: (_, f) => pm(f.reconciled, f.reconciledSd) },
        { key: 'adjustment', title: `${t('flows.balances.adjustment')} (${unit})`, align: 'right', render: (_, f) => formatNumber(f.adjustment, lang) },
        {
          key: 'sigma',
          title: t('flows.balances.adjustmentSigma'),
          align: 'right',
          render: (_, f) => (f.adjustmentSigma === null ? '–' : <span style={Math.abs(f.adjustmentSigma) >= 2 ? { color: '#cf1322', fontWeight: 600 } : undefined}>{formatStat(f.adjustmentSigma, lang)} σ</span>),
          sorter: (a, b) => Math.abs(a.adjustmentSigma ?? 0) - Math.abs(b.adjustmentSigma ?? 0),
        },
        { key: 'z', title: t('flows.balances.z'), align: 'right', render: (_, f) => formatStat(f.z, lang), sorter: (a, b) => (a.z ?? 0) - (b.z ?? 0) },
        { key: 'status', title: t('flows.field.status'), render: (_, f) => (f.status === null ? '–' : <Tag color={STATUS_COLOR[f.status]}>{t(`flows.status.${f.status}`)}</Tag>) },
      ]}
    />
  );
}
