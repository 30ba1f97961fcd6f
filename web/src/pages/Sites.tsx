/** Sites (plots, plants) of enterprises. */
import { Form, Input } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { Query } from '../api/client';
import { CODE_PATTERN, type Site } from '../api/types';
import { EnterpriseSelect } from '../components/fields';
import ResourcePage, { type FormSpec } from '../components/ResourcePage';
import { LinkedName, LocationFields, NameCell, NameFields, ParentFilters, required, TimeCell, useLookups, useSeesAllEnterprises } from './common';

export function SitesTable({ fixed }: { fixed?: Query }) {
  const { t } = useTranslation();
  const all = useSeesAllEnterprises();
  const { enterprises } = useLookups({ enterprises: all });
  const showEnterprise = all && fixed?.enterpriseId === undefined;
  const columns: ColumnsType<Site> = [
    { title: t('field.code'), dataIndex: 'code' },
    { title: t('field.name'), dataIndex: 'name', render: (_: unknown, r) => <NameCell row={r} /> },
    ...(showEnterprise
      ? [{ title: t('field.enterprise'), dataIndex: 'enterpriseId', render: (v: number) => <LinkedName to={`/enterprises/${v}`} row={enterprises.get(v)} missing={v} /> }]
      : []),
    { title: t('field.address'), dataIndex: 'address' },
    { title: t('field.location'), key: 'loc', render: (_: unknown, r) => (r.lat !== null && r.lng !== null ? `${r.lat.toFixed(4)}, ${r.lng.toFixed(4)}` : '') },
    { title: t('field.updatedAt'), dataIndex: 'updatedAt', render: (v: number) => <TimeCell ms={v} /> },
  ];
  const form: FormSpec<Site> = {
    render: (_f, editing) => (
      <>
        {all && (
          <Form.Item name="enterpriseId" label={t('field.enterprise')} rules={[required(t)]}>
            <EnterpriseSelect disabled={!!editing || fixed?.enterpriseId !== undefined} data-testid="field-enterprise" />
          </Form.Item>
        )}
        <Form.Item name="code" label={t('field.code')} extra={t('help.code')} rules={[required(t), { pattern: CODE_PATTERN, message: t('validation.code') }]}>
          <Input data-testid="field-code" />
        </Form.Item>
        <NameFields />
        <LocationFields />
      </>
    ),
  };
  return (
    <ResourcePage<Site>
      collection="sites"
      resource="site"
      testId="sites"
      title={fixed ? undefined : t('menu.sites')}
      columns={columns}
      fixed={fixed}
      sortable
      form={form}
      toolbar={(filters, setFilter) => <ParentFilters filters={filters} setFilter={setFilter} fixed={fixed} levels={['enterprise']} />}
    />
  );
}

export default function SitesPage() {
  return <SitesTable />;
}
