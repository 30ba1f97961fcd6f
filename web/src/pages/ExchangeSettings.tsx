/**
 * The exchange's settings (交换设置): the carbon price and road factor, transport per mode, the
 * disposal a match avoids per route and the virgin materials it replaces (park administrator);
 * the park's substitution rules and distance table; and the hazardous-waste licences (the park
 * administrator and each enterprise's administrator for its own).
 */
import { useEffect } from 'react';
import { Alert, App, Button, Card, Col, Divider, Form, Input, InputNumber, Radio, Row, Select, Space, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { DISPOSAL_ROUTES, LICENCE_KINDS, TRANSPORT_MODES, useExchangeSettings, usePutExchangeSettings, type Distance, type QualityProperty, type Substitution, type WasteLicence } from '../api/exchange';
import { useNameOf } from '../api/hooks';
import { useSession } from '../auth/session';
import { applyFieldErrors, ErrorAlert } from '../components/errors';
import { EnterpriseSelect, MaterialSelect, SiteSelect } from '../components/fields';
import PropertyRangesField from '../components/exchange/PropertyRangesField';
import { rangesOf, rangeText, rowsOf, type PropertyRow } from '../components/exchange/propertyRanges';
import { fromFormValues, toFormValues, type SettingsFormValues } from '../components/exchange/settingsForm';
import { useExchangeNames } from '../components/exchange/useExchangeNames';
import { formatNumber } from '../components/flows/format';
import QueryState from '../components/QueryState';
import ResourcePage, { type FormSpec } from '../components/ResourcePage';
import { required, useSeesAllEnterprises } from './common';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function SettingsForm() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const nameOf = useNameOf();
  const { can } = useSession();
  const editable = can('update', 'exchange_settings');
  const settings = useExchangeSettings();
  const put = usePutExchangeSettings();
  const names = useExchangeNames();
  const [form] = Form.useForm<SettingsFormValues>();
  const materialOptions = names.materials.map((m) => ({ value: m.code, label: `${nameOf(m)} (${m.code}, ${m.unit})` }));

  useEffect(() => {
    if (settings.data) form.setFieldsValue(toFormValues(settings.data));
  }, [settings.data, form]);

  const save = async (values: SettingsFormValues) => {
    try {
      await put.mutateAsync(fromFormValues({ ...toFormValues(settings.data!), ...values }));
      message.success(t('message.saved'));
    } catch (err) {
      applyFieldErrors(form, err, Object.keys(values));
    }
  };

  const pair = (path: (string | number)[], testId: string, withMaxKm = false) => (
    <Space align="baseline" wrap>
      <Form.Item name={[...path, 'cnyPerUnit']} rules={[{ required: true, message: t('validation.required') }]} style={{ marginBottom: 8 }}>
        <InputNumber step={0.1} suffix={t('exchange.settings.cny')} style={{ width: 180 }} data-testid={`${testId}-cny`} />
      </Form.Item>
      <Form.Item name={[...path, 'kgCo2PerUnit']} rules={[{ required: true, message: t('validation.required') }]} style={{ marginBottom: 8 }}>
        <InputNumber step={0.01} suffix={t('exchange.settings.kgCo2')} style={{ width: 200 }} data-testid={`${testId}-co2`} />
      </Form.Item>
      {withMaxKm && (
        <Form.Item name={[...path, 'maxKm']} style={{ marginBottom: 8 }}>
          <InputNumber min={0} placeholder={t('exchange.open')} suffix={t('exchange.settings.maxKm')} style={{ width: 160 }} data-testid={`${testId}-maxkm`} />
        </Form.Item>
      )}
    </Space>
  );

  return (
    <QueryState query={settings}>
      {(answer) => (
        <Form<SettingsFormValues> form={form} layout="vertical" initialValues={toFormValues(answer)} onFinish={save} disabled={!editable} style={{ maxWidth: 1000 }} data-testid="exchange-settings-form">
          {!editable && <Alert type="info" showIcon title={t('exchange.settings.readOnly')} style={{ marginBottom: 16 }} data-testid="exchange-settings-readonly" />}
          <Divider titlePlacement="start">{t('exchange.settings.general')}</Divider>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="carbonPriceCnyPerT" label={t('exchange.settings.carbonPrice')} rules={[{ required: true, message: t('validation.required') }]}>
                <InputNumber min={0} max={10000} style={{ width: '100%' }} data-testid="settings-carbon-price" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="roadFactor" label={t('exchange.settings.roadFactor')} rules={[{ required: true, message: t('validation.required') }]}>
                <InputNumber min={1} max={5} step={0.05} style={{ width: '100%' }} data-testid="settings-road-factor" />
              </Form.Item>
            </Col>
          </Row>
          <Divider titlePlacement="start">{t('exchange.settings.transport')}</Divider>
          <Typography.Paragraph type="secondary">{t('exchange.settings.transportHelp')}</Typography.Paragraph>
          {TRANSPORT_MODES.map((m) => (
            <Row key={m} gutter={8} align="middle">
              <Col span={5}>{t(`exchange.mode.${m}`)}</Col>
              <Col span={19}>{pair(['transport', m], `transport-${m}`, true)}</Col>
            </Row>
          ))}
          <Divider titlePlacement="start">{t('exchange.settings.disposal')}</Divider>
          <Typography.Paragraph type="secondary">{t('exchange.settings.disposalHelp')}</Typography.Paragraph>
          {DISPOSAL_ROUTES.map((r) => (
            <Row key={r} gutter={8} align="middle">
              <Col span={5}>{t(`exchange.route.${r}`)}</Col>
              <Col span={19}>{pair(['disposal', r], `disposal-${r}`)}</Col>
            </Row>
          ))}
          <Divider titlePlacement="start">{t('exchange.settings.virgin')}</Divider>
          <Typography.Paragraph type="secondary">{t('exchange.settings.virginHelp')}</Typography.Paragraph>
          <Form.List name="virgin">
            {(fields, { add, remove }) => (
              <div data-testid="settings-virgin">
                {fields.map((f) => (
                  <Space key={f.key} align="baseline" style={{ display: 'flex' }}>
                    <Form.Item name={[f.name, 'material']} rules={[{ required: true, message: t('validation.required') }]} style={{ width: 320, marginBottom: 8 }}>
                      <Select options={materialOptions} showSearch={{ optionFilterProp: 'label' }} data-testid="virgin-material" />
                    </Form.Item>
                    {pair([f.name], 'virgin')}
                    {editable && <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('action.delete')} />}
                  </Space>
                ))}
                {editable && (
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} data-testid="virgin-add">
                    {t('exchange.settings.addVirgin')}
                  </Button>
                )}
              </div>
            )}
          </Form.List>
          <ErrorAlert error={put.error} testId="exchange-settings-error" />
          {editable && (
            <Button type="primary" htmlType="submit" loading={put.isPending} style={{ marginTop: 16 }} data-testid="exchange-settings-save">
              {t('action.save')}
            </Button>
          )}
        </Form>
      )}
    </QueryState>
  );
}

type Licence = WasteLicence;

function Substitutions() {
  const { t, i18n } = useTranslation();
  const names = useExchangeNames();
  const fmt = (n: number) => formatNumber(n, i18n.language);
  const columns: ColumnsType<Substitution> = [
    { title: t('exchange.field.offered'), key: 'offered', render: (_: unknown, r) => names.materialNameById(r.offeredMaterialId) },
    { title: t('exchange.field.replaces'), key: 'replaces', render: (_: unknown, r) => names.materialNameById(r.replacesMaterialId) },
    { title: t('exchange.field.ratio'), dataIndex: 'ratio', key: 'ratio', align: 'right', render: (v: number) => fmt(v) },
    {
      title: t('exchange.field.conditions'),
      key: 'conditions',
      render: (_: unknown, r) => (
        <Space size={[4, 4]} wrap>
          {Object.entries(r.conditions ?? {}).map(([p, range]) => (
            <Tag key={p}>
              {t(`exchange.property.${p}`)} {rangeText(p as QualityProperty, range ?? {}, fmt)}
            </Tag>
          ))}
        </Space>
      ),
    },
    { title: t('exchange.field.source'), dataIndex: 'source', key: 'source' },
  ];
  const form: FormSpec<Substitution> = {
    width: 720,
    defaults: { ratio: 1, _conditions: [] },
    toValues: (r) => ({ ...r, _conditions: rowsOf(r.conditions) }) as Record<string, unknown>,
    toBody: (body, values, editing) => {
      const conditions = rangesOf(values._conditions as PropertyRow[]);
      const changed = !editing || JSON.stringify(conditions) !== JSON.stringify(rangesOf(rowsOf(editing.conditions)));
      return changed ? { ...body, conditions } : body;
    },
    render: (f, editing) => (
      <>
        <Form.Item name="offeredMaterialId" label={t('exchange.field.offered')} rules={[required(t)]}>
          <MaterialSelect disabled={!!editing} data-testid="field-offered" />
        </Form.Item>
        <Form.Item name="replacesMaterialId" label={t('exchange.field.replaces')} rules={[required(t)]}>
          <MaterialSelect disabled={!!editing} data-testid="field-replaces" />
        </Form.Item>
        <Form.Item name="ratio" label={t('exchange.field.ratio')} rules={[required(t)]}>
          <InputNumber min={0.0001} step={0.05} style={{ width: '100%' }} data-testid="field-ratio" />
        </Form.Item>
        <Typography.Text strong>{t('exchange.field.conditions')}</Typography.Text>
        <PropertyRangesField form={f} name="_conditions" testId="substitution-conditions" />
        <Form.Item name="source" label={t('exchange.field.source')}>
          <Input data-testid="field-source" />
        </Form.Item>
        <Form.Item name="note" label={t('exchange.field.note')}>
          <Input.TextArea rows={2} data-testid="field-note" />
        </Form.Item>
      </>
    ),
  };
  return (
    <ResourcePage<Substitution>
      collection="exchange-substitutions"
      resource="exchange_substitution"
      testId="exchange-substitutions"
      entityLabel={t('exchange.settings.substitutionEntity')}
      columns={columns}
      form={form}
      noSearch
    />
  );
}

function Distances() {
  const { t, i18n } = useTranslation();
  const names = useExchangeNames();
  const columns: ColumnsType<Distance> = [
    { title: t('exchange.field.fromSite'), key: 'from', render: (_: unknown, r) => names.siteName(r.fromSiteId) },
    { title: t('exchange.field.toSite'), key: 'to', render: (_: unknown, r) => names.siteName(r.toSiteId) },
    { title: t('exchange.field.km'), dataIndex: 'km', key: 'km', align: 'right', render: (v: number) => formatNumber(v, i18n.language) },
    { title: t('exchange.field.note'), dataIndex: 'note', key: 'note', ellipsis: true },
  ];
  const form: FormSpec<Distance> = {
    render: () => (
      <>
        <Form.Item name="fromSiteId" label={t('exchange.field.fromSite')} rules={[required(t)]}>
          <SiteSelect data-testid="field-from-site" />
        </Form.Item>
        <Form.Item name="toSiteId" label={t('exchange.field.toSite')} rules={[required(t)]}>
          <SiteSelect data-testid="field-to-site" />
        </Form.Item>
        <Form.Item name="km" label={t('exchange.field.km')} rules={[required(t)]}>
          <InputNumber min={0.001} style={{ width: '100%' }} data-testid="field-km" />
        </Form.Item>
        <Form.Item name="note" label={t('exchange.field.note')}>
          <Input.TextArea rows={2} data-testid="field-note" />
        </Form.Item>
      </>
    ),
  };
  return <ResourcePage<Distance> collection="exchange-distances" resource="exchange_distance" testId="exchange-distances" entityLabel={t('exchange.settings.distanceEntity')} columns={columns} form={form} noSearch />;
}

function Licences() {
  const { t, i18n } = useTranslation();
  const names = useExchangeNames();
  const all = useSeesAllEnterprises();
  const columns: ColumnsType<Licence> = [
    { title: t('exchange.field.number'), dataIndex: 'number', key: 'number' },
    ...(all ? [{ title: t('exchange.field.enterprise'), key: 'enterprise', render: (_: unknown, r: Licence) => names.enterpriseName(r.enterpriseId) }] : []),
    { title: t('exchange.field.kind'), key: 'kind', render: (_: unknown, r) => t(`exchange.licenceKind.${r.kind}`) },
    { title: t('exchange.field.codes'), key: 'codes', render: (_: unknown, r) => <Space size={[4, 4]} wrap>{(r.codes ?? []).map((c) => <Tag key={c}>{c}</Tag>)}</Space> },
    { title: t('exchange.field.capacity'), key: 'capacity', align: 'right', render: (_: unknown, r) => formatNumber(r.annualCapacityT, i18n.language) },
    { title: t('exchange.field.validFrom'), dataIndex: 'validFrom', key: 'validFrom' },
    { title: t('exchange.field.validTo'), dataIndex: 'validTo', key: 'validTo' },
    { title: t('exchange.field.site'), key: 'site', render: (_: unknown, r) => names.siteName(r.siteId) },
  ];
  const form: FormSpec<Licence> = {
    width: 640,
    defaults: { kind: 'receiver', codes: [] },
    render: (f, editing) => (
      <>
        {all && (
          <Form.Item name="enterpriseId" label={t('exchange.field.enterprise')} rules={[required(t)]}>
            <EnterpriseSelect disabled={!!editing} data-testid="field-enterprise" />
          </Form.Item>
        )}
        <Form.Item name="number" label={t('exchange.field.number')} rules={[required(t)]}>
          <Input data-testid="field-number" />
        </Form.Item>
        <Form.Item name="kind" label={t('exchange.field.kind')} rules={[required(t)]}>
          <Radio.Group data-testid="field-kind">
            {LICENCE_KINDS.map((k) => (
              <Radio key={k} value={k}>
                {t(`exchange.licenceKind.${k}`)}
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item name="codes" label={t('exchange.field.codes')} extra={t('exchange.field.acceptsHelp')} rules={[required(t)]}>
          <Select mode="tags" tokenSeparators={[',', ' ']} data-testid="field-codes" />
        </Form.Item>
        <Form.Item name="annualCapacityT" label={t('exchange.field.capacity')}>
          <InputNumber min={0} style={{ width: '100%' }} data-testid="field-capacity" />
        </Form.Item>
        <Space size="middle" style={{ width: '100%' }} styles={{ item: { flex: 1 } }}>
          <Form.Item name="validFrom" label={t('exchange.field.validFrom')} rules={[required(t), { pattern: DATE, message: 'YYYY-MM-DD' }]}>
            <Input placeholder="YYYY-MM-DD" data-testid="field-valid-from" />
          </Form.Item>
          <Form.Item name="validTo" label={t('exchange.field.validTo')} rules={[required(t), { pattern: DATE, message: 'YYYY-MM-DD' }]}>
            <Input placeholder="YYYY-MM-DD" data-testid="field-valid-to" />
          </Form.Item>
        </Space>
        <Form.Item noStyle shouldUpdate>
          {() => (
            <Form.Item name="siteId" label={t('exchange.field.site')}>
              <SiteSelect filter={{ enterpriseId: f.getFieldValue('enterpriseId') }} data-testid="field-site" />
            </Form.Item>
          )}
        </Form.Item>
        <Form.Item name="vehicle" label={t('exchange.field.vehicle')}>
          <Input data-testid="field-vehicle" />
        </Form.Item>
        <Form.Item name="issuer" label={t('exchange.field.issuer')}>
          <Input data-testid="field-issuer" />
        </Form.Item>
        <Form.Item name="note" label={t('exchange.field.note')}>
          <Input.TextArea rows={2} data-testid="field-note" />
        </Form.Item>
      </>
    ),
  };
  return (
    <ResourcePage<Licence>
      collection="waste-licences"
      resource="waste_licence"
      testId="waste-licences"
      entityLabel={t('exchange.settings.licenceEntity')}
      intro={<Typography.Paragraph type="secondary">{t('exchange.settings.licencesIntro')}</Typography.Paragraph>}
      columns={columns}
      form={form}
      noSearch
    />
  );
}

export default function ExchangeSettingsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'settings';
  return (
    <Card title={t('exchange.title.settings')} data-testid="exchange-settings-page">
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams((p) => {
          p.set('tab', k);
          return p;
        }, { replace: true })}
        destroyOnHidden
        items={(['settings', 'substitutions', 'distances', 'licences'] as const).map((k) => ({
          key: k,
          label: <span data-testid={`tab-${k}`}>{t(`exchange.settings.tabs.${k}`)}</span>,
          children: k === 'settings' ? <SettingsForm /> : k === 'substitutions' ? <Substitutions /> : k === 'distances' ? <Distances /> : <Licences />,
        }))}
      />
    </Card>
  );
}
