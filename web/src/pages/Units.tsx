/** Process units: production lines, utilities, storage, treatment … on a site. */
import { Form, Input, InputNumber, Space } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { Query } from '../api/client';
import { CODE_PATTERN, UNIT_KINDS, type Unit } from '../api/types';
import { EnumSelect, EnumTag, SiteSelect, UomSelect } from '../components/fields';
import ResourcePage, { type FormSpec } from '../components/ResourcePage';
import { EnterpriseHelperField, LinkedName, NameCell, NameFields, ParentFilters, required, useLookups, useSeesAllEnterprises } from './common';

export function UnitsTable({ fixed }: { fixed?: Query }) {
  const { t } = useTranslation();
  const all = useSeesAllEnterprises();
  const { enterprises, sites } = useLookups({ enterprises: all, sites: true });
  const showEnterprise = all && fixed?.enterpriseId === undefined;
  const columns: ColumnsType<Unit> = [
    { title: t('field.code'), dataIndex: 'code' },
    { title: t('field.name'), dataIndex: 'name', render: (_: unknown, r) => <NameCell row={r} /> },
    ...(showEnterprise
      ? [{ title: t('field.enterprise'), dataIndex: 'enterpriseId', render: (v: number) => <LinkedName to={`/enterprises/${v}`} row={enterprises.get(v)} missing={v} /> }]
      : []),
    { title: t('field.site'), dataIndex: 'siteId', render: (v: number) => <NameCell row={sites.get(v) ?? { name: `#${v}`, nameEn: null }} /> },
    { title: t('field.kind'), dataIndex: 'kind', render: (v: string) => <EnumTag name="unitKind" value={v} color="geekblue" /> },
    { title: t('field.capacity'), key: 'capacity', render: (_: unknown, r) => (r.capacityValue !== null ? `${r.capacityValue} ${r.capacityUnit ?? ''}` : '') },
  ];
  const form: FormSpec<Unit> = {
    toValues: (r) => ({ ...r, _enterpriseId: r.enterpriseId }),
    render: (f, editing) => (
      <>
        <EnterpriseHelperField disabled={!!editing || fixed?.enterpriseId !== undefined} onChange={() => f.setFieldsValue({ siteId: undefined })} />
        <Form.Item noStyle shouldUpdate={(a, b) => a._enterpriseId !== b._enterpriseId}>
          {({ getFieldValue }) => (
            <Form.Item name="siteId" label={t('field.site')} rules={[required(t)]}>
              <SiteSelect filter={{ enterpriseId: getFieldValue('_enterpriseId') }} data-testid="field-site" />
            </Form.Item>
          )}
        </Form.Item>
        <Form.Item name="code" label={t('field.code')} extra={t('help.code')} rules={[required(t), { pattern: CODE_PATTERN, message: t('validation.code') }]}>
          <Input data-testid="field-code" />
        </Form.Item>
        <NameFields />
        <Form.Item name="kind" label={t('field.kind')} rules={[required(t)]}>
          <EnumSelect name="unitKind" values={UNIT_KINDS} data-testid="field-kind" />
        </Form.Item>
        <Form.Item label={t('field.capacity')}>
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item name="capacityValue" noStyle>
              <InputNumber min={0} style={{ width: '50%' }} placeholder={t('field.capacityValue')} />
            </Form.Item>
            <Form.Item name="capacityUnit" noStyle>
              <UomSelect allowClear style={{ width: '50%' }} placeholder={t('field.unitOfMeasure')} />
            </Form.Item>
          </Space.Compact>
        </Form.Item>
        <Form.Item name="description" label={t('field.description')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </>
    ),
  };
  return (
    <ResourcePage<Unit>
      collection="units"
      resource="unit"
      testId="units"
      title={fixed ? undefined : t('menu.units')}
      columns={columns}
      fixed={fixed}
      sortable
      form={form}
      toolbar={(filters, setFilter) => (
        <>
          <ParentFilters filters={filters} setFilter={setFilter} fixed={fixed} levels={['enterprise', 'site']} />
          <EnumSelect name="unitKind" values={UNIT_KINDS} allowClear placeholder={t('filter.kind')} value={filters.kind as string | undefined} onChange={(v) => setFilter('kind', v)} style={{ width: 160 }} />
        </>
      )}
    />
  );
}

export default function UnitsPage() {
  return <UnitsTable />;
}
