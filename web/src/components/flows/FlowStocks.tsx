/**
 * Stocks of the ledger (库存): a node's opening and closing stock of a material in a period, which
 * enters its balance as the stock change (inputs − outputs − change = imbalance). Listed for a
 * period (and the periods within it); recorded or corrected through one form, since a stock is
 * stored once per node, material and period and recording it again replaces it.
 */
import { useState } from 'react';
import { Button, Form, Input, InputNumber, Popconfirm, Select, Space, Table, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { FLOW_BASES, useDeleteFlowStock, useFlowStocks, usePutFlowStock, type FlowPeriod, type FlowStock, type NewFlowStock } from '../../api/flows';
import { useNameOf } from '../../api/hooks';
import { useSession } from '../../auth/session';
import { required } from '../../pages/common';
import { ErrorAlert, useNotifyError } from '../errors';
import { UomSelect } from '../fields';
import FormDrawer from '../FormDrawer';
import { formatNumber } from './format';
import { useFlowNames } from './useFlowNames';

const PERIOD = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

type Values = Record<string, unknown>;

/** The PUT body from the form's values: the whole stock (a PUT replaces it), sd only when given. */
function stockBody(v: Values): NewFlowStock {
  const sd = v.sd === null || v.sd === undefined || v.sd === '' ? undefined : Number(v.sd);
  return {
    node: String(v.node),
    material: String(v.material),
    period: String(v.period).trim(),
    opening: Number(v.opening),
    closing: Number(v.closing),
    unit: String(v.unit),
    basis: v.basis as NewFlowStock['basis'],
    ...(sd === undefined ? {} : { sd }),
  };
}

export default function FlowStocks({ periods, defaultPeriod }: { periods: readonly FlowPeriod[]; defaultPeriod?: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const nameOf = useNameOf();
  const { can } = useSession();
  const names = useFlowNames();
  const put = usePutFlowStock();
  const remove = useDeleteFlowStock();
  const notifyError = useNotifyError();
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const period = chosen ?? defaultPeriod;
  const stocks = useFlowStocks(period);
  // undefined: closed; null: a new stock; a row: that stock, recorded again.
  const [editing, setEditing] = useState<FlowStock | null | undefined>(undefined);

  const nodeOptions = names.nodes.map((n) => ({ value: n.code, label: `${nameOf(n) || n.code} (${n.code})` }));
  const materialOptions = names.materials.map((m) => ({ value: m.code, label: `${nameOf(m)} (${m.code})`, unit: m.unit }));
  const initial: Values | null = editing
    ? { node: editing.nodeCode, material: editing.materialCode, period: editing.period, opening: editing.opening, closing: editing.closing, unit: editing.unit, sd: editing.sd, basis: editing.basis }
    : null;

  return (
    <div data-testid="flow-stocks">
      <Typography.Paragraph type="secondary">{t('flows.stocks.help')}</Typography.Paragraph>
      <Space wrap style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }}>
        <Select
          placeholder={t('flows.field.period')}
          value={period}
          onChange={setChosen}
          options={periods.map((p) => ({ value: p.period, label: p.period }))}
          style={{ width: 160 }}
          data-testid="stock-period"
        />
        {can('create', 'flow') && (
          <Button icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="stock-add">
            {t('flows.stocks.add')}
          </Button>
        )}
      </Space>
      <ErrorAlert error={stocks.error} testId="stock-list-error" />
      <Table<FlowStock>
        rowKey="id"
        size="small"
        loading={stocks.isFetching && !stocks.data}
        dataSource={stocks.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('flows.stocks.none') }}
        onRow={(s) => ({ 'data-testid': 'stock-row', 'data-node': s.nodeCode }) as React.HTMLAttributes<HTMLElement>}
        data-testid="stock-table"
        columns={[
          { key: 'period', title: t('flows.field.period'), dataIndex: 'period' },
          { key: 'node', title: t('flows.field.node'), render: (_, s) => <span title={s.nodeCode}>{names.nodeName(s.nodeCode)}</span> },
          { key: 'material', title: t('flows.field.material'), render: (_, s) => <span title={s.materialCode}>{names.materialName(s.materialCode)}</span> },
          { key: 'opening', title: t('flows.stocks.opening'), align: 'right', render: (_, s) => `${formatNumber(s.opening, lang)} ${s.unit}` },
          { key: 'closing', title: t('flows.stocks.closing'), align: 'right', render: (_, s) => `${formatNumber(s.closing, lang)} ${s.unit}` },
          { key: 'change', title: t('flows.stocks.change'), align: 'right', render: (_, s) => `${formatNumber(s.closing - s.opening, lang)} ${s.unit}` },
          { key: 'sd', title: t('flows.field.sd'), align: 'right', render: (_, s) => (s.sd === null ? '' : formatNumber(s.sd, lang)) },
          { key: 'basis', title: t('flows.field.basis'), render: (_, s) => t(`flows.basis.${s.basis}`) },
          {
            key: 'actions',
            title: t('common.actions'),
            fixed: 'right',
            render: (_, s) => (
              <Space size={4}>
                {can('update', 'flow', s) && <Button size="small" type="text" icon={<EditOutlined />} aria-label={t('action.edit')} onClick={() => setEditing(s)} data-testid="stock-edit" />}
                {can('delete', 'flow', s) && (
                  <Popconfirm
                    title={t('flows.stocks.deleteConfirm')}
                    okText={t('action.delete')}
                    cancelText={t('action.cancel')}
                    okButtonProps={{ danger: true, loading: remove.isPending, ...({ 'data-testid': 'confirm-ok' } as object) }}
                    onConfirm={() => remove.mutateAsync(s.id).catch(notifyError)}
                  >
                    <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('action.delete')} data-testid="stock-delete" />
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      <FormDrawer
        open={editing !== undefined}
        title={editing ? t('flows.stocks.editTitle', { node: names.nodeName(editing.nodeCode), period: editing.period }) : t('flows.stocks.createTitle')}
        initial={initial}
        defaults={{ period, basis: 'measured' }}
        width={480}
        onClose={() => setEditing(undefined)}
        onSubmit={(_body, values) => put.mutateAsync(stockBody(values))}
        testId="stock-form"
      >
        {(form) => (
          <>
            <Form.Item name="node" label={t('flows.field.node')} rules={[required(t)]}>
              <Select options={nodeOptions} disabled={!!editing} showSearch={{ optionFilterProp: 'label' }} data-testid="stock-form-node" />
            </Form.Item>
            <Form.Item name="material" label={t('flows.field.material')} rules={[required(t)]}>
              <Select
                options={materialOptions}
                disabled={!!editing}
                showSearch={{ optionFilterProp: 'label' }}
                // The material's own unit is the likely one: filled in when none is chosen yet.
                onChange={(_, option) => {
                  const unit = (option as { unit?: string } | undefined)?.unit;
                  if (unit && !form.getFieldValue('unit')) form.setFieldValue('unit', unit);
                }}
                data-testid="stock-form-material"
              />
            </Form.Item>
            <Form.Item name="period" label={t('flows.field.period')} extra={t('flows.help.period')} rules={[required(t), { pattern: PERIOD, message: t('flows.help.period') }]}>
              <Input placeholder="2026-03" disabled={!!editing} data-testid="stock-form-period" />
            </Form.Item>
            <Form.Item name="opening" label={t('flows.stocks.opening')} rules={[required(t)]}>
              <InputNumber min={0} style={{ width: '100%' }} data-testid="stock-form-opening" />
            </Form.Item>
            <Form.Item name="closing" label={t('flows.stocks.closing')} rules={[required(t)]}>
              <InputNumber min={0} style={{ width: '100%' }} data-testid="stock-form-closing" />
            </Form.Item>
            <Form.Item name="unit" label={t('flows.field.unit')} rules={[required(t)]}>
              <UomSelect data-testid="stock-form-unit" />
            </Form.Item>
            <Form.Item name="basis" label={t('flows.field.basis')} rules={[required(t)]}>
              <Select options={FLOW_BASES.map((b) => ({ value: b, label: t(`flows.basis.${b}`) }))} data-testid="stock-form-basis" />
            </Form.Item>
            <Form.Item name="sd" label={t('flows.field.sd')} extra={t('flows.stocks.sdHelp')}>
              <InputNumber min={0} style={{ width: '100%' }} data-testid="stock-form-sd" />
            </Form.Item>
          </>
        )}
      </FormDrawer>
    </div>
  );
}
