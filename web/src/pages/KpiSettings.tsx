/**
 * The park's accounting settings (核算设置): how electricity is converted to standard coal (GB/T
 * 2589 equivalent or equal value), which combustion factors apply (IPCC 2006 or the 2013 Chinese
 * chemical-industry guideline), the grid and heat factors, oxidation rates, the emissions an
 * exchange avoids per material, products' circularity data, and which materials count as water
 * taken in and reused. The park administrator edits them; everyone else reads them.
 */
import { useEffect } from 'react';
import { useSession } from '../auth/session';
import { Alert, App, Button, Card, Checkbox, Col, Divider, Form, InputNumber, Radio, Row, Select, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useFormatTime, useNameOf } from '../api/hooks';
import { useKpiSettings, usePutKpiSettings } from '../api/kpis';
import { applyFieldErrors, ErrorAlert } from '../components/errors';
import { useFlowNames } from '../components/flows/useFlowNames';
import { fromFormValues, toFormValues, type SettingsFormValues } from '../components/kpis/settingsForm';
import QueryState from '../components/QueryState';

const CTI_FIELDS = ['recoveryPotential', 'actualRecovery', 'recycledContent'] as const;

const MCI_FIELDS = [
  ['recycledFeedstock', true],
  ['reusedFeedstock', true],
  ['recyclingEfficiencyFeedstock', false],
  ['collectedForRecycling', true],
  ['collectedForReuse', true],
  ['recyclingEfficiencyEndOfUse', false],
  ['lifetimeRatio', true],
  ['intensityRatio', true],
] as const;

export default function KpiSettingsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const nameOf = useNameOf();
  const formatTime = useFormatTime();
  const { can } = useSession();
  const editable = can('update', 'kpi_settings');
  const settings = useKpiSettings();
  const put = usePutKpiSettings();
  const names = useFlowNames();
  const [form] = Form.useForm<SettingsFormValues>();
  const materialOptions = names.materials.map((m) => ({ value: m.code, label: `${nameOf(m)} (${m.code})` }));

  useEffect(() => {
    if (settings.data) form.setFieldsValue(toFormValues(settings.data.settings));
  }, [settings.data, form]);

  const save = async (values: SettingsFormValues) => {
    try {
      await put.mutateAsync(fromFormValues({ ...toFormValues(settings.data!.settings), ...values }));
      message.success(t('message.saved'));
    } catch (err) {
      applyFieldErrors(form, err, Object.keys(values));
    }
  };

  const materialSelect = (testId: string, mode?: 'multiple') => <Select mode={mode} allowClear options={materialOptions} showSearch={{ optionFilterProp: 'label' }} disabled={!editable} data-testid={testId} />;

  const factorList = (name: 'oxidationFactors' | 'avoidedFactors', unit: string, max?: number) => (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <div data-testid={`settings-${name}`}>
          {fields.map((f) => (
            <Space key={f.key} align="baseline" style={{ display: 'flex' }}>
              <Form.Item name={[f.name, 'material']} rules={[{ required: true, message: t('validation.required') }]} style={{ width: 320 }}>
                {materialSelect(`${name}-material`)}
              </Form.Item>
              <Form.Item name={[f.name, 'factor']} rules={[{ required: true, message: t('validation.required') }]}>
                <InputNumber min={0} max={max} step={0.01} suffix={unit} disabled={!editable} style={{ width: 200 }} data-testid={`${name}-factor`} />
              </Form.Item>
              {editable && <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('action.delete')} />}
            </Space>
          ))}
          {editable && (
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()} data-testid={`${name}-add`}>
              {t('kpis.settings.addRow')}
            </Button>
          )}
        </div>
      )}
    </Form.List>
  );

  return (
    <Card title={t('kpis.title.settings')} data-testid="kpi-settings-page">
      <QueryState query={settings}>
        {(answer) => (
          <Form<SettingsFormValues> form={form} layout="vertical" initialValues={toFormValues(answer.settings)} onFinish={save} disabled={!editable} style={{ maxWidth: 1000 }}>
            {!editable && <Alert type="info" showIcon title={t('kpis.settings.readOnly')} style={{ marginBottom: 16 }} data-testid="kpi-settings-readonly" />}
            <Typography.Paragraph type="secondary" data-testid="kpi-settings-saved">
              {answer.updatedBy ? t('kpis.settings.savedBy', { user: answer.updatedBy, at: formatTime(answer.updatedAt) }) : t('kpis.settings.defaults')}
            </Typography.Paragraph>

            <Divider titlePlacement="start">{t('kpis.settings.energy')}</Divider>
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <Form.Item name="electricityBasis" label={t('kpis.settings.electricityBasis')} extra={t('kpis.settings.electricityBasisHelp')}>
                  <Radio.Group data-testid="settings-electricity-basis">
                    <Radio value="equivalent">{t('kpis.settings.basis.equivalent')}</Radio>
                    <Radio value="equal_value">{t('kpis.settings.basis.equal_value')}</Radio>
                  </Radio.Group>
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item noStyle shouldUpdate={(a, b) => a.electricityBasis !== b.electricityBasis}>
                  {() => (
                    <Form.Item
                      name="electricityEqualValueKgcePerKWh"
                      label={t('kpis.settings.equalValue')}
                      rules={form.getFieldValue('electricityBasis') === 'equal_value' ? [{ required: true, message: t('validation.required') }] : []}
                    >
                      <InputNumber min={0.0001} max={10} step={0.001} suffix="kgce/kWh" style={{ width: '100%' }} data-testid="settings-equal-value" />
                    </Form.Item>
                  )}
                </Form.Item>
              </Col>
            </Row>

            <Divider titlePlacement="start">{t('kpis.settings.carbon')}</Divider>
            <Row gutter={16}>
              <Col xs={24} md={8}>
                <Form.Item name="combustionSet" label={t('kpis.settings.combustionSet')}>
                  <Radio.Group data-testid="settings-combustion-set">
                    <Radio value="cn_chem_2013">{t('kpis.settings.combustion.cn_chem_2013')}</Radio>
                    <Radio value="ipcc2006">{t('kpis.settings.combustion.ipcc2006')}</Radio>
                  </Radio.Group>
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name="gridFactorTCO2PerMWh" label={t('kpis.settings.gridFactor')} extra={t('kpis.settings.gridFactorHelp')} rules={[{ required: true, message: t('validation.required') }]}>
                  <InputNumber min={0} step={0.0001} suffix="t CO₂/MWh" style={{ width: '100%' }} data-testid="settings-grid-factor" />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name="heatFactorTCO2PerGJ" label={t('kpis.settings.heatFactor')} rules={[{ required: true, message: t('validation.required') }]}>
                  <InputNumber min={0} step={0.01} suffix="t CO₂/GJ" style={{ width: '100%' }} data-testid="settings-heat-factor" />
                </Form.Item>
              </Col>
            </Row>
            <Typography.Text strong>{t('kpis.settings.oxidation')}</Typography.Text>
            <Typography.Paragraph type="secondary">{t('kpis.settings.oxidationHelp')}</Typography.Paragraph>
            {factorList('oxidationFactors', '', 1)}
            <Typography.Text strong style={{ display: 'block', marginTop: 16 }}>
              {t('kpis.settings.avoided')}
            </Typography.Text>
            <Typography.Paragraph type="secondary">{t('kpis.settings.avoidedHelp')}</Typography.Paragraph>
            {factorList('avoidedFactors', 't CO₂')}

            <Divider titlePlacement="start">{t('kpis.settings.water')}</Divider>
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <Form.Item name="waterIntakeMaterials" label={t('kpis.settings.waterIntake')}>
                  {materialSelect('settings-water-intake', 'multiple')}
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="waterReusedMaterials" label={t('kpis.settings.waterReused')}>
                  {materialSelect('settings-water-reused', 'multiple')}
                </Form.Item>
              </Col>
            </Row>

            <Divider titlePlacement="start">{t('kpis.settings.circularity')}</Divider>
            <Typography.Paragraph type="secondary">{t('kpis.settings.circularityHelp')}</Typography.Paragraph>
            <Form.List name="circularity">
              {(fields, { add, remove }) => (
                <Space orientation="vertical" size={4} style={{ width: '100%' }} data-testid="settings-circularity">
                  {fields.length > 0 && (
                    <Row gutter={8} style={{ fontWeight: 500 }}>
                      <Col span={8}>{t('kpis.field.material')}</Col>
                      {CTI_FIELDS.map((k) => (
                        <Col key={k} span={4}>
                          {t(`kpis.settings.cti.${k}`)}
                        </Col>
                      ))}
                      <Col span={3}>MCI</Col>
                    </Row>
                  )}
                  {fields.map((f) => (
                    <div key={f.key} style={{ borderBottom: '1px solid #f0f0f0' }} data-testid="circularity-row">
                      <Row gutter={8} align="middle">
                        <Col span={8}>
                          <Form.Item name={[f.name, 'material']} rules={[{ required: true, message: t('validation.required') }]} style={{ marginBottom: 8 }}>
                            {materialSelect('circularity-material')}
                          </Form.Item>
                        </Col>
                        {CTI_FIELDS.map((k) => (
                          <Col key={k} span={4}>
                            <Form.Item name={[f.name, k]} style={{ marginBottom: 8 }}>
                              <InputNumber min={0} max={1} step={0.05} style={{ width: '100%' }} aria-label={t(`kpis.settings.cti.${k}`)} />
                            </Form.Item>
                          </Col>
                        ))}
                        <Col span={3}>
                          <Form.Item name={[f.name, 'hasMci']} valuePropName="checked" style={{ marginBottom: 8 }}>
                            <Checkbox aria-label={t('kpis.settings.hasMci')} />
                          </Form.Item>
                        </Col>
                        <Col span={1}>{editable && <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('action.delete')} />}</Col>
                      </Row>
                      <Form.Item noStyle shouldUpdate>
                        {() =>
                          form.getFieldValue(['circularity', f.name, 'hasMci']) && (
                            <Row gutter={8} style={{ paddingInlineStart: 16 }}>
                              {MCI_FIELDS.map(([k, needed]) => (
                                <Col key={k} xs={12} md={6}>
                                  <Form.Item name={[f.name, 'mci', k]} label={t(`kpis.settings.mci.${k}`)} rules={needed ? [{ required: true, message: t('validation.required') }] : []} style={{ marginBottom: 8 }}>
                                    <InputNumber min={0} max={k.endsWith('Ratio') ? 1e6 : 1} step={0.05} style={{ width: '100%' }} />
                                  </Form.Item>
                                </Col>
                              ))}
                            </Row>
                          )
                        }
                      </Form.Item>
                    </div>
                  ))}
                  {editable && (
                    <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ hasMci: false })} data-testid="circularity-add">
                      {t('kpis.settings.addMaterial')}
                    </Button>
                  )}
                </Space>
              )}
            </Form.List>

            <ErrorAlert error={put.error} testId="kpi-settings-error" />
            {editable && (
              <Button type="primary" htmlType="submit" loading={put.isPending} style={{ marginTop: 16 }} data-testid="kpi-settings-save">
                {t('action.save')}
              </Button>
            )}
          </Form>
        )}
      </QueryState>
    </Card>
  );
}
