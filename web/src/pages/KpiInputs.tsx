/**
 * What the enterprises state per period (增加值与产量): industrial value added in 10,000 CNY and the
 * production of the main product, for an enterprise as a whole or one of its units, by month or
 * year — the denominators of the intensities. Entered here one by one, or as a CSV file.
 */
import { useMemo } from 'react';
import { Card, Form, Input, InputNumber, Select, Space } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { useNameOf } from '../api/hooks';
import type { KpiInputRecord } from '../api/kpiShapes';
import { EnterpriseSelect } from '../components/fields';
import { formatNumber } from '../components/flows/format';
import { useFlowNames } from '../components/flows/useFlowNames';
import KpiInputsImport from '../components/kpis/KpiInputsImport';
import ResourcePage, { type FormSpec } from '../components/ResourcePage';
import { LinkedName, required, useLookups, useSeesAllEnterprises } from './common';

const PERIOD = /^\d{4}(-(0[1-9]|1[0-2]))?$/;

export default function KpiInputsPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const nameOf = useNameOf();
  const all = useSeesAllEnterprises();
  const { enterprises } = useLookups({ enterprises: all });
  const names = useFlowNames();
  const units = useMemo(() => names.nodes.filter((n) => n.kind === 'unit'), [names.nodes]);
  const products = useMemo(() => names.materials.filter((m) => m.category === 'product' || m.category === 'intermediate' || m.category === 'by_product'), [names.materials]);

  const columns: ColumnsType<KpiInputRecord> = [
    { title: t('kpis.field.period'), dataIndex: 'period', key: 'period' },
    ...(all ? [{ title: t('kpis.field.enterprise'), key: 'enterprise', render: (_: unknown, r: KpiInputRecord) => <LinkedName to={`/enterprises/${r.enterpriseId}`} row={enterprises.get(r.enterpriseId)} missing={r.enterpriseId} /> }] : []),
    { title: t('kpis.field.unit'), key: 'unit', render: (_: unknown, r) => (r.nodeCode ? <span title={r.nodeCode}>{names.nodeName(r.nodeCode)}</span> : t('kpis.inputs.wholeEnterprise')) },
    { title: t('kpis.field.valueAdded'), key: 'va', align: 'right', render: (_: unknown, r) => <span data-testid="kpi-input-va">{formatNumber(r.valueAdded10kCny, lang)}</span> },
    { title: t('kpis.field.production'), key: 'prod', align: 'right', render: (_: unknown, r) => formatNumber(r.productionT, lang) },
    { title: t('kpis.field.mainProduct'), key: 'product', render: (_: unknown, r) => (r.mainProduct ? <span title={r.mainProduct}>{names.materialName(r.mainProduct)}</span> : '–') },
    { title: t('kpis.field.note'), dataIndex: 'note', key: 'note', ellipsis: true, width: 200 },
  ];

  const form: FormSpec<KpiInputRecord> = {
    width: 520,
    render: (f, editing) => (
      <>
        {all && (
          <Form.Item name="enterpriseId" label={t('kpis.field.enterprise')} rules={[required(t)]}>
            <EnterpriseSelect disabled={!!editing} onChange={() => f.setFieldValue('nodeCode', undefined)} data-testid="field-enterprise" />
          </Form.Item>
        )}
        <Form.Item noStyle shouldUpdate={(a, b) => a.enterpriseId !== b.enterpriseId}>
          {() => {
            const enterpriseId = f.getFieldValue('enterpriseId') as number | undefined;
            const options = units.filter((n) => enterpriseId === undefined || n.enterpriseId === enterpriseId).map((n) => ({ value: n.code, label: `${nameOf(n)} (${n.code})` }));
            return (
              <Form.Item name="nodeCode" label={t('kpis.field.unit')} extra={t('kpis.inputs.unitHelp')}>
                <Select allowClear disabled={!!editing} options={options} showSearch={{ optionFilterProp: 'label' }} data-testid="field-node" />
              </Form.Item>
            );
          }}
        </Form.Item>
        <Form.Item name="period" label={t('kpis.field.period')} extra={t('kpis.inputs.periodHelp')} rules={[required(t), { pattern: PERIOD, message: t('kpis.inputs.periodHelp') }]}>
          <Input disabled={!!editing} placeholder="2026-03" data-testid="field-period" />
        </Form.Item>
        <Form.Item name="valueAdded10kCny" label={t('kpis.field.valueAdded')}>
          <InputNumber min={0} style={{ width: '100%' }} suffix={t('kpis.inputs.tenThousandCny')} data-testid="field-value-added" />
        </Form.Item>
        <Form.Item name="productionT" label={t('kpis.field.production')}>
          <InputNumber min={0} style={{ width: '100%' }} suffix="t" data-testid="field-production" />
        </Form.Item>
        <Form.Item name="mainProduct" label={t('kpis.field.mainProduct')}>
          <Select allowClear options={products.map((m) => ({ value: m.code, label: `${nameOf(m)} (${m.code})` }))} showSearch={{ optionFilterProp: 'label' }} data-testid="field-main-product" />
        </Form.Item>
        <Form.Item name="note" label={t('kpis.field.note')}>
          <Input.TextArea rows={2} data-testid="field-note" />
        </Form.Item>
      </>
    ),
    // The unit is named by its code; the node id is the API's other way to say it.
    toValues: (r) => ({ ...r }),
    toBody: (body) => {
      const { nodeId: _nodeId, ...rest } = body;
      return rest;
    },
  };

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <ResourcePage<KpiInputRecord>
        collection="kpi-inputs"
        resource={'kpi_input'}
        testId="kpi-inputs"
        title={t('kpis.title.inputs')}
        entityLabel={t('kpis.inputs.entity')}
        columns={columns}
        form={form}
        searchPlaceholder={t('kpis.inputs.search')}
        toolbar={(filters, setFilter) => (
          <>
            {all && <EnterpriseSelect placeholder={t('kpis.field.enterprise')} value={filters.enterpriseId as number | undefined} onChange={(v) => setFilter('enterpriseId', v)} style={{ width: 220 }} data-testid="filter-enterprise" />}
            <Input allowClear placeholder={t('kpis.field.period')} onChange={(e) => setFilter('period', PERIOD.test(e.target.value) ? e.target.value : undefined)} style={{ width: 130 }} data-testid="filter-period" />
          </>
        )}
      />
      <Card title={t('kpis.inputs.importTitle')} size="small">
        <KpiInputsImport />
      </Card>
    </Space>
  );
}
