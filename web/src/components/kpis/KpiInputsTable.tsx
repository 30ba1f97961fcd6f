/** The figures an indicator was computed from (its `inputs`), each named in words and by its API name. */
import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatNumber } from './format';
import { readMissing, translatableName } from './kpiView';

export default function KpiInputsTable({ inputs }: { inputs: Record<string, number | string | boolean> }) {
  const { t, i18n } = useTranslation();
  const rows = Object.entries(inputs).map(([name, value]) => ({ name, value }));
  const words = (name: string) => {
    const m = readMissing(name);
    const w = translatableName(m.name) ? t(`kpis.input.${m.name}`, { defaultValue: '' }) : '';
    return w ? (m.of ? `${m.of} · ${w}` : w) : '';
  };
  const show = (v: number | string | boolean) => (typeof v === 'number' ? formatNumber(v, i18n.language) : typeof v === 'boolean' ? t(v ? 'kpis.drawer.yes' : 'kpis.drawer.no') : v);
  return (
    <Table
      rowKey="name"
      size="small"
      pagination={rows.length > 12 ? { pageSize: 12, size: 'small' } : false}
      dataSource={rows}
      data-testid="kpi-inputs"
      locale={{ emptyText: t('kpis.drawer.noInputs') }}
      columns={[
        {
          key: 'name',
          title: t('kpis.drawer.input'),
          render: (_, r) => (
            <span>
              {words(r.name) || r.name}
              {words(r.name) && (
                <Typography.Text type="secondary" code style={{ marginInlineStart: 6, fontSize: 11 }}>
                  {r.name}
                </Typography.Text>
              )}
            </span>
          ),
        },
        { key: 'value', title: t('kpis.drawer.inputValue'), align: 'right', render: (_, r) => <span data-testid="kpi-input-value">{show(r.value)}</span> },
      ]}
    />
  );
}
