/** Tags (measurement points) of devices: the key in telemetry, the unit, the material, alarm limits. */
import { Col, Form, Input, InputNumber, Row, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Query } from '../api/client';
import { useAll } from '../api/hooks';
import { TAG_KEY_PATTERN, TAG_KINDS, type Material, type Tag } from '../api/types';
import { DeviceSelect, EnumSelect, EnumTag, MaterialSelect, UomSelect } from '../components/fields';
import ResourcePage, { type FormSpec } from '../components/ResourcePage';
import { EnterpriseHelperField, NameCell, NameFields, ParentFilters, required, useLookups } from './common';

export const LIMITS = ['lowLowLimit', 'lowLimit', 'highLimit', 'highHighLimit'] as const;

/** The limits that are set must be ordered LL ≤ L ≤ H ≤ HH; returns the first that is not. */
export function limitOrderError(values: Partial<Record<(typeof LIMITS)[number], number | null | undefined>>): { field: (typeof LIMITS)[number]; below: (typeof LIMITS)[number] } | null {
  let prev: (typeof LIMITS)[number] | null = null;
  for (const k of LIMITS) {
    const v = values[k];
    if (typeof v !== 'number') continue;
    if (prev !== null && (values[prev] as number) > v) return { field: k, below: prev };
    prev = k;
  }
  return null;
}

function limitRule(t: (k: string, o?: Record<string, unknown>) => string, field: (typeof LIMITS)[number]) {
  return (form: { getFieldsValue(names: string[]): Record<string, unknown> }) => ({
    validator: async () => {
      const err = limitOrderError(form.getFieldsValue([...LIMITS]) as Parameters<typeof limitOrderError>[0]);
      if (err && err.field === field) throw new Error(t('validation.limitOrder', { field: t(`field.${err.field}`), below: t(`field.${err.below}`) }));
    },
  });
}

function LimitsRow({ limits }: { limits: Tag }) {
  const parts = LIMITS.map((k) => limits[k]).map((v) => (v === null ? '–' : String(v)));
  return <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>{parts.join(' / ')}</Typography.Text>;
}

export function TagsTable({ fixed }: { fixed?: Query }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { devices } = useLookups({ devices: true });
  const materials = useAll<Material>('materials');
  const columns: ColumnsType<Tag> = [
    {
      title: t('field.key'),
      dataIndex: 'key',
      render: (v: string, r) => (
        <Link to={`/tags/${r.id}`} onClick={(e) => e.stopPropagation()} data-testid="tag-link">
          <Typography.Text code>{v}</Typography.Text>
        </Link>
      ),
    },
    { title: t('field.name'), dataIndex: 'name', render: (_: unknown, r) => <NameCell row={r} maxWidth={180} /> },
    ...(fixed?.deviceId === undefined
      ? [{
          title: t('field.device'),
          dataIndex: 'deviceId',
          render: (v: number) => {
            const d = devices.get(v);
            return <Link to={`/devices/${v}`} onClick={(e) => e.stopPropagation()}>{d ? d.code : `#${v}`}</Link>;
          },
        }]
      : []),
    { title: t('field.kind'), dataIndex: 'kind', render: (v: string) => <EnumTag name="tagKind" value={v} color="purple" /> },
    { title: t('field.unitOfMeasure'), dataIndex: 'unit' },
    { title: t('field.material'), dataIndex: 'materialId', render: (v: number | null) => (v ? <NameCell row={materials.byId.get(v) ?? { name: `#${v}`, nameEn: null }} maxWidth={150} /> : '') },
    { title: t('field.limits'), key: 'limits', render: (_: unknown, r) => <LimitsRow limits={r} /> },
  ];
  const form: FormSpec<Tag> = {
    width: 620,
    toValues: (r) => ({ ...r, _enterpriseId: r.enterpriseId }),
    render: (f, editing) => (
      <>
        {fixed?.deviceId === undefined && (
          <>
            <EnterpriseHelperField disabled={!!editing || fixed?.enterpriseId !== undefined} onChange={() => f.setFieldsValue({ deviceId: undefined })} />
            <Form.Item noStyle shouldUpdate={(a, b) => a._enterpriseId !== b._enterpriseId}>
              {({ getFieldValue }) => (
                <Form.Item name="deviceId" label={t('field.device')} rules={[required(t)]}>
                  <DeviceSelect filter={{ enterpriseId: getFieldValue('_enterpriseId') }} data-testid="field-device" />
                </Form.Item>
              )}
            </Form.Item>
          </>
        )}
        {fixed?.deviceId !== undefined && (
          <Form.Item name="deviceId" hidden>
            <Input />
          </Form.Item>
        )}
        <Form.Item name="key" label={t('field.key')} extra={t('help.tagKey')} rules={[required(t), { pattern: TAG_KEY_PATTERN, message: t('validation.tagKey') }]}>
          <Input data-testid="field-key" />
        </Form.Item>
        <NameFields />
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="kind" label={t('field.kind')} rules={[required(t)]}>
              <EnumSelect name="tagKind" values={TAG_KINDS} data-testid="field-kind" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="unit" label={t('field.unitOfMeasure')} rules={[required(t)]}>
              <UomSelect data-testid="field-unit" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="materialId" label={t('field.material')}>
          <MaterialSelect data-testid="field-material" />
        </Form.Item>
        <Row gutter={12}>
          {LIMITS.map((k) => (
            <Col span={6} key={k}>
              <Form.Item name={k} label={t(`field.${k}`)} dependencies={LIMITS.filter((x) => x !== k)} rules={[limitRule(t, k)]}>
                <InputNumber style={{ width: '100%' }} data-testid={`field-${k}`} />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Form.Item name="description" label={t('field.description')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </>
    ),
  };
  return (
    <ResourcePage<Tag>
      collection="tags"
      resource="tag"
      testId="tags"
      title={fixed ? undefined : t('menu.tags')}
      columns={columns}
      fixed={fixed}
      form={form}
      searchPlaceholder={t('tags.search')}
      onRowClick={(r) => navigate(`/tags/${r.id}`)}
      toolbar={(filters, setFilter) => (
        <>
          <ParentFilters filters={filters} setFilter={setFilter} fixed={fixed} levels={['enterprise', 'device']} />
          <EnumSelect name="tagKind" values={TAG_KINDS} allowClear placeholder={t('filter.kind')} value={filters.kind as string | undefined} onChange={(v) => setFilter('kind', v)} style={{ width: 160 }} />
        </>
      )}
    />
  );
}

export default function TagsPage() {
  return <TagsTable />;
}
