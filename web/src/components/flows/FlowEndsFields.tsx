/**
 * The from, to and material fields of a form that names a ledger flow (a manual flow, a
 * flow-meter link): nodes and material by code, searchable, and the material's own unit filled in
 * when no unit is chosen yet (the likely one).
 */
import { Form, Select, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FlowNode } from '../../api/flows';
import { useNameOf } from '../../api/hooks';
import type { Material } from '../../api/types';
import { required } from '../../pages/common';

interface Props {
  form: FormInstance;
  nodes: readonly FlowNode[];
  materials: readonly Material[];
  /** Test ids are `${testIdPrefix}-from`, `-to`, `-material`. */
  testIdPrefix: string;
}

export default function FlowEndsFields({ form, nodes, materials, testIdPrefix }: Props) {
  const { t } = useTranslation();
  const nameOf = useNameOf();
  const nodeOptions = nodes.map((n) => ({ value: n.code, label: `${nameOf(n) || n.code} (${n.code})` }));
  const materialOptions = materials.map((m) => ({ value: m.code, label: `${nameOf(m)} (${m.code})`, unit: m.unit }));
  return (
    <>
      <Form.Item name="from" label={t('flows.field.from')} extra={t('flows.help.node')} rules={[required(t)]}>
        <Select options={nodeOptions} showSearch={{ optionFilterProp: 'label' }} data-testid={`${testIdPrefix}-from`} />
      </Form.Item>
      <Form.Item name="to" label={t('flows.field.to')} rules={[required(t)]}>
        <Select options={nodeOptions} showSearch={{ optionFilterProp: 'label' }} data-testid={`${testIdPrefix}-to`} />
      </Form.Item>
      <Form.Item name="material" label={t('flows.field.material')} rules={[required(t)]}>
        <Select
          options={materialOptions}
          showSearch={{ optionFilterProp: 'label' }}
          onChange={(_, option) => {
            const unit = (option as { unit?: string } | undefined)?.unit;
            if (unit && !form.getFieldValue('unit')) form.setFieldValue('unit', unit);
          }}
          data-testid={`${testIdPrefix}-material`}
        />
      </Form.Item>
    </>
  );
}
