/** The form of a manual flow: new, or the changed fields of one (PATCH). Nodes and material by code. */
import { Form, Input, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { FLOW_BASES, useFlowWrite, type Flow, type FlowNode, type NewFlow } from '../../api/flows';
import type { Material } from '../../api/types';
import FormDrawer from '../FormDrawer';
import FlowEndsFields from './FlowEndsFields';
import { UomSelect } from '../fields';
import { required } from '../../pages/common';

const PERIOD = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

interface Props {
  /** The flow edited; null: a new one; undefined: closed. */
  flow: Flow | null | undefined;
  defaultPeriod?: string;
  nodes: readonly FlowNode[];
  materials: readonly Material[];
  onClose(): void;
}

export default function FlowFormDrawer({ flow, defaultPeriod, nodes, materials, onClose }: Props) {
  const { t } = useTranslation();
  const write = useFlowWrite();
  const initial = flow
    ? { period: flow.period, from: flow.fromCode, to: flow.toCode, material: flow.materialCode, quantity: flow.quantity, unit: flow.unit, sd: flow.sd, basis: flow.basis, note: flow.note }
    : null;
  return (
    <FormDrawer
      open={flow !== undefined}
      title={flow ? t('flows.ledger.editTitle', { id: flow.id }) : t('flows.ledger.createTitle')}
      initial={initial}
      defaults={{ period: defaultPeriod, basis: 'measured' }}
      onClose={onClose}
      onSubmit={(body) => (flow ? write.update.mutateAsync({ id: flow.id, body: body as Partial<NewFlow> }) : write.create.mutateAsync(body as unknown as NewFlow))}
      testId="flow-form"
    >
      {(form) => (
        <>
          <Form.Item name="period" label={t('flows.field.period')} extra={t('flows.help.period')} rules={[required(t), { pattern: PERIOD, message: t('flows.help.period') }]}>
            <Input placeholder="2026-03" data-testid="flow-form-period" />
          </Form.Item>
          <FlowEndsFields form={form} nodes={nodes} materials={materials} testIdPrefix="flow-form" />
          <Form.Item name="quantity" label={t('flows.field.quantity')} rules={[required(t)]}>
            <InputNumber min={0} style={{ width: '100%' }} data-testid="flow-form-quantity" />
          </Form.Item>
          <Form.Item name="unit" label={t('flows.field.unit')} rules={[required(t)]}>
            <UomSelect data-testid="flow-form-unit" />
          </Form.Item>
          <Form.Item name="basis" label={t('flows.field.basis')} rules={[required(t)]}>
            <Select options={FLOW_BASES.map((b) => ({ value: b, label: t(`flows.basis.${b}`) }))} data-testid="flow-form-basis" />
          </Form.Item>
          <Form.Item name="sd" label={t('flows.field.sd')} extra={t('flows.help.sd')}>
            <InputNumber min={0} style={{ width: '100%' }} data-testid="flow-form-sd" />
          </Form.Item>
          <Form.Item name="note" label={t('flows.field.note')}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </>
      )}
    </FormDrawer>
  );
}
