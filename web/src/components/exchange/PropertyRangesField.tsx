/**
 * The quality ranges editor: one row per property (from QUALITY_PROPERTIES, shown with its one
 * unit), min and max, either open. Edits a Form.List named `name` of PropertyRow; ./propertyRanges
 * turns the rows into the API's PropertyRanges.
 */
import { Button, Form, InputNumber, Select, Space, type FormInstance } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { invertedRows, QUALITY_PROPERTY_KEYS, unitOf } from './propertyRanges';

export default function PropertyRangesField({ form, name, testId = 'properties' }: { form: FormInstance; name: string; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <div data-testid={testId} style={{ marginTop: 8 }}>
          {fields.map((f) => (
            <Space key={f.key} align="baseline" style={{ display: 'flex' }} data-testid="property-row">
              <Form.Item name={[f.name, 'property']} rules={[{ required: true, message: t('validation.required') }]} style={{ width: 220 }}>
                <Select
                  placeholder={t('exchange.field.property')}
                  options={QUALITY_PROPERTY_KEYS.map((p) => ({ value: p, label: `${t(`exchange.property.${p}`)} (${unitOf(p)})` }))}
                  showSearch={{ optionFilterProp: 'label' }}
                  data-testid="property-key"
                />
              </Form.Item>
              <Form.Item noStyle shouldUpdate>
                {() => {
                  const unit = unitOf(form.getFieldValue([name, f.name, 'property']));
                  const inverted = invertedRows(form.getFieldValue(name)).includes(f.name);
                  return (
                    <Space align="baseline">
                      <Form.Item name={[f.name, 'min']} validateStatus={inverted ? 'error' : undefined} help={inverted ? t('exchange.market.inverted') : undefined}>
                        <InputNumber placeholder={t('exchange.field.min')} suffix={unit} style={{ width: 150 }} data-testid="property-min" />
                      </Form.Item>
                      <Form.Item name={[f.name, 'max']} validateStatus={inverted ? 'error' : undefined}>
                        <InputNumber placeholder={t('exchange.field.max')} suffix={unit} style={{ width: 150 }} data-testid="property-max" />
                      </Form.Item>
                    </Space>
                  );
                }}
              </Form.Item>
              <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('action.delete')} />
            </Space>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} data-testid={`${testId}-add`} style={{ marginBottom: 16 }}>
            {t('exchange.market.addProperty')}
          </Button>
        </div>
      )}
    </Form.List>
  );
}
