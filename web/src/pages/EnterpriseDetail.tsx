/** One enterprise: its profile and, in tabs, its sites, units, devices and users. */
import { useState } from 'react';
import { App, Breadcrumb, Button, Card, Descriptions, Tabs } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useItem, useNameOf } from '../api/hooks';
import { useUpdateEnterprise } from '../api/registry';
import type { Enterprise } from '../api/types';
import { useCan } from '../auth/session';
import { IndustryTag } from '../components/fields';
import FormDrawer from '../components/FormDrawer';
import QueryState from '../components/QueryState';
import { DevicesTable } from './Devices';
import { useEnterpriseForm } from './Enterprises';
import { SitesTable } from './Sites';
import { TimeCell } from './common';
import { UnitsTable } from './Units';
import { UsersTable } from './Users';

export default function EnterpriseDetailPage() {
  const ent = useItem<Enterprise>('enterprises', Number(useParams().id));
  return <QueryState query={ent}>{(e) => <EnterpriseDetail e={e} />}</QueryState>;
}

function EnterpriseDetail({ e }: { e: Enterprise }) {
  const { t } = useTranslation();
  const can = useCan();
  const nameOf = useNameOf();
  const { message } = App.useApp();
  const update = useUpdateEnterprise();
  const form = useEnterpriseForm();
  const [editing, setEditing] = useState(false);
  const fixed = { enterpriseId: e.id };

  return (
    <div data-testid="enterprise-detail">
      <Breadcrumb style={{ marginBottom: 12 }} items={[{ title: <Link to="/enterprises">{t('menu.enterprises')}</Link> }, { title: nameOf(e) }]} />
      <Card
        title={`${nameOf(e)} (${e.code})`}
        extra={
          can('update', 'enterprise', e) && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="enterprise-edit">
              {t('action.edit')}
            </Button>
          )
        }
        style={{ marginBottom: 16 }}
      >
        <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small">
          <Descriptions.Item label={t('field.name')}>{e.name}</Descriptions.Item>
          <Descriptions.Item label={t('field.nameEn')}>{e.nameEn}</Descriptions.Item>
          <Descriptions.Item label={t('field.industry')}>
            <IndustryTag value={e.industry} />
          </Descriptions.Item>
          <Descriptions.Item label={t('field.uscc')}>{e.uscc}</Descriptions.Item>
          <Descriptions.Item label={t('field.gln')}>
            <span data-testid="enterprise-gln" style={{ fontFamily: 'monospace' }}>{e.gln}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('field.contactName')}>{e.contactName}</Descriptions.Item>
          <Descriptions.Item label={t('field.contactPhone')}>{e.contactPhone}</Descriptions.Item>
          <Descriptions.Item label={t('field.description')} span={2}>
            {e.description}
          </Descriptions.Item>
          <Descriptions.Item label={t('field.updatedAt')}>
            <TimeCell ms={e.updatedAt} />
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card>
        <Tabs
          items={[
            { key: 'sites', label: t('menu.sites'), children: <SitesTable fixed={fixed} /> },
            { key: 'units', label: t('menu.units'), children: <UnitsTable fixed={fixed} /> },
            { key: 'devices', label: t('menu.devices'), children: <DevicesTable fixed={fixed} /> },
            ...(can('update', 'user', { enterpriseId: e.id }) ? [{ key: 'users', label: t('menu.users'), children: <UsersTable fixed={fixed} /> }] : []),
          ]}
          data-testid="enterprise-tabs"
        />
      </Card>
      <FormDrawer
        open={editing}
        title={t('action.editTitle', { name: e.code })}
        initial={e as unknown as Record<string, unknown>}
        onClose={() => setEditing(false)}
        onSubmit={async (body) => {
          await update.mutateAsync({ id: e.id, body });
          message.success(t('message.saved'));
        }}
      >
        {(f) => form.render(f, e)}
      </FormDrawer>
    </div>
  );
}
