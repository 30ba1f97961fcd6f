/**
 * Targets per indicator (指标目标), the park's and each enterprise's, written as Five-Year Plan
 * targets are: an absolute bound by a year (≥ 73 % by 2025), or a reduction of x % from a base
 * year's value by a target year (−15 % from 2015 by 2020). The base value may be stated or left to
 * the ledger's base year.
 */
import { Form, Input, InputNumber, Radio, Select, Space, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { KPI_DIRECTION, KPI_KEYS, TARGET_KINDS, type KpiTargetRecord } from '../api/kpiShapes';
import { EnterpriseSelect } from '../components/fields';
import { formatNumber } from '../components/flows/format';
import ResourcePage, { type FormSpec } from '../components/ResourcePage';
import { LinkedName, required, useLookups, useSeesAllEnterprises } from './common';

/** The indicators a target may be set on: those where lower or higher is better. */
const TARGET_KEYS = KPI_KEYS.filter((k) => k in KPI_DIRECTION);

export default function KpiTargetsPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const all = useSeesAllEnterprises();
  const { enterprises } = useLookups({ enterprises: true });
  const keyName = (k: string) => t(`kpis.key.${k}`, { defaultValue: k });

  const columns: ColumnsType<KpiTargetRecord> = [
    { title: t('kpis.field.indicator'), key: 'key', render: (_: unknown, r) => <span title={r.key} data-testid="kpi-target-key" data-key={r.key}>{keyName(r.key)}</span> },
    {
      title: t('kpis.field.owner'),
      key: 'owner',
      render: (_: unknown, r) => (r.enterpriseId === null ? <Tag color="blue">{t('kpis.targets.park')}</Tag> : <LinkedName to={`/enterprises/${r.enterpriseId}`} row={enterprises.get(r.enterpriseId)} missing={r.enterpriseId} />),
    },
    {
      title: t('kpis.field.target'),
      key: 'target',
      render: (_: unknown, r) =>
        r.kind === 'absolute'
          ? t('kpis.targets.absoluteText', { value: formatNumber(r.value, lang), year: r.targetYear, direction: t(`kpis.direction.${KPI_DIRECTION[r.key] ?? 'lower_is_better'}`) })
          : t('kpis.targets.reductionText', { percent: formatNumber(r.percent, lang), baseYear: r.baseYear, year: r.targetYear }),
    },
    { title: t('kpis.field.baseYear'), dataIndex: 'baseYear', key: 'baseYear' },
    { title: t('kpis.field.baseValue'), key: 'baseValue', align: 'right', render: (_: unknown, r) => (r.baseValue === null ? t('kpis.targets.fromLedger') : formatNumber(r.baseValue, lang)) },
    { title: t('kpis.field.targetYear'), dataIndex: 'targetYear', key: 'targetYear' },
    { title: t('kpis.field.note'), dataIndex: 'note', key: 'note', ellipsis: true, width: 200 },
  ];

  const form: FormSpec<KpiTargetRecord> = {
    width: 560,
    defaults: { kind: 'reduction', baseYear: new Date().getFullYear() - 1, targetYear: new Date().getFullYear() + 4 },
    render: (f, editing) => (
      <>
        {all && (
          <Form.Item name="enterpriseId" label={t('kpis.field.owner')} extra={t('kpis.targets.ownerHelp')}>
            <EnterpriseSelect disabled={!!editing} placeholder={t('kpis.targets.park')} data-testid="field-enterprise" />
          </Form.Item>
        )}
        <Form.Item name="key" label={t('kpis.field.indicator')} rules={[required(t)]}>
          <Select disabled={!!editing} options={TARGET_KEYS.map((k) => ({ value: k, label: keyName(k) }))} showSearch={{ optionFilterProp: 'label' }} data-testid="field-key" />
        </Form.Item>
        <Form.Item name="kind" label={t('kpis.field.kind')} rules={[required(t)]}>
          <Radio.Group
            data-testid="field-kind"
            // The other kind's figure goes: the API takes a bound or a percent, never both.
            onChange={(e) => f.setFieldValue(e.target.value === 'absolute' ? 'percent' : 'value', null)}
          >
            {TARGET_KINDS.map((k) => (
              <Radio key={k} value={k} data-testid={`kind-${k}`}>
                {t(`kpis.targetKind.${k}`)}
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item noStyle shouldUpdate={(a, b) => a.kind !== b.kind}>
          {() =>
            f.getFieldValue('kind') === 'absolute' ? (
              <Form.Item name="value" label={t('kpis.field.value')} extra={t('kpis.targets.valueHelp')} rules={[required(t)]}>
                <InputNumber style={{ width: '100%' }} data-testid="field-value" />
              </Form.Item>
            ) : (
              <Form.Item name="percent" label={t('kpis.field.percent')} rules={[required(t)]}>
                <InputNumber min={0.01} max={99.99} suffix="%" style={{ width: '100%' }} data-testid="field-percent" />
              </Form.Item>
            )
          }
        </Form.Item>
        <Space size="middle" style={{ width: '100%' }} styles={{ item: { flex: 1 } }}>
          <Form.Item name="baseYear" label={t('kpis.field.baseYear')} rules={[required(t)]}>
            <InputNumber min={1900} max={2200} precision={0} style={{ width: '100%' }} data-testid="field-base-year" />
          </Form.Item>
          <Form.Item name="targetYear" label={t('kpis.field.targetYear')} rules={[required(t)]}>
            <InputNumber min={1900} max={2200} precision={0} style={{ width: '100%' }} data-testid="field-target-year" />
          </Form.Item>
        </Space>
        <Form.Item name="baseValue" label={t('kpis.field.baseValue')} extra={t('kpis.targets.baseValueHelp')}>
          <InputNumber style={{ width: '100%' }} data-testid="field-base-value" />
        </Form.Item>
        <Form.Item name="note" label={t('kpis.field.note')}>
          <Input.TextArea rows={2} data-testid="field-note" />
        </Form.Item>
      </>
    ),
  };

  return (
    <ResourcePage<KpiTargetRecord>
      collection="kpi-targets"
      resource={'kpi_target'}
      testId="kpi-targets"
      title={t('kpis.title.targets')}
      entityLabel={t('kpis.targets.entity')}
      columns={columns}
      form={form}
      noSearch
      toolbar={(filters, setFilter) => (
        <Select
          allowClear
          placeholder={t('kpis.field.indicator')}
          value={filters.key as string | undefined}
          onChange={(v: string | undefined) => setFilter('key', v)}
          options={TARGET_KEYS.map((k) => ({ value: k, label: keyName(k) }))}
          style={{ width: 280 }}
          data-testid="filter-key"
        />
      )}
    />
  );
}
