/**
 * Identifiers: the lots, products, packages, waste batches and devices the caller may see, with a
 * search and a kind filter; writers mint new ones (GS1 GTIN with lot or serial, a description);
 * each row opens the identifier (values, label, trace) or its printable label. Any identifier, minted
 * here or not, can be traced by its EPC URI or Digital Link.
 */
import { useState } from 'react';
import { App, Button, Card, Form, Input, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { EyeOutlined, PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Query } from '../api/client';
import { useList } from '../api/hooks';
import { useMintIdentifier } from '../api/identity';
import type { NewIdentifier } from '../api/types';
import { useCan } from '../auth/session';
import { EnterpriseSelect } from '../components/fields';
import { ErrorAlert } from '../components/errors';
import FormDrawer from '../components/FormDrawer';
import { RowAction } from '../components/ResourcePage';
import { IDENTIFIER_KINDS, KindTag, type Identifier } from '../components/identifiers';
import { LinkedName, required, TimeCell, useLookups, useSeesAllEnterprises } from './common';
import { TraceAnyInput } from './Trace';

export default function IdentifiersPage() {
  const { t } = useTranslation();
  const can = useCan();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const mintIdentifier = useMintIdentifier();
  const seesAll = useSeesAllEnterprises();
  const { enterprises } = useLookups({ enterprises: seesAll });
  const [q, setQ] = useState('');
  const [kind, setKind] = useState<string | undefined>();
  const [page, setPage] = useState({ current: 1, pageSize: 20 });
  const [minting, setMinting] = useState(false);

  const query: Query = { q: q || undefined, kind, limit: page.pageSize, offset: (page.current - 1) * page.pageSize };
  const list = useList<Identifier>('identifiers', query);
  const mayMint = can('create', 'identifier');
  // Who mints for any enterprise names it; others mint for their own.
  const namesEnterprise = can('create', 'identifier', { enterpriseId: null });
  const kindOptions = IDENTIFIER_KINDS.map((k) => ({ value: k, label: t(`enum.identifierKind.${k}`) }));

  const columns: ColumnsType<Identifier> = [
    {
      key: 'handle',
      title: t('identifier.handle'),
      render: (_, r) => (
        <Link to={`/identifiers/${r.id}`} data-testid="identifier-link" style={{ fontFamily: 'monospace' }}>
          {r.handle}
        </Link>
      ),
    },
    { key: 'kind', title: t('field.kind'), render: (_, r) => <KindTag kind={r.kind} /> },
    { key: 'gtin', title: t('identifier.gtin'), render: (_, r) => r.gtin ?? '' },
    {
      key: 'lotSerial',
      title: t('identifier.lotSerial'),
      render: (_, r) => (r.lot ? r.lot : r.serial ? `#${r.serial}` : ''),
    },
    ...(seesAll
      ? [{ key: 'enterprise', title: t('field.enterprise'), render: (_: unknown, r: Identifier) => <LinkedName to={`/enterprises/${r.enterpriseId}`} row={enterprises.get(r.enterpriseId)} missing={r.enterpriseId} /> }]
      : []),
    { key: 'createdAt', title: t('field.createdAt'), render: (_, r) => <TimeCell ms={r.createdAt} /> },
    {
      key: '_actions',
      title: t('common.actions'),
      fixed: 'right',
      width: 1,
      render: (_, r) => (
        <Space size={4} style={{ whiteSpace: 'nowrap' }}>
          <RowAction label={t('action.open')} icon={<EyeOutlined />} onClick={() => navigate(`/identifiers/${r.id}`)} data-testid="row-open" />
          <RowAction label={t('identifier.printLabel')} icon={<PrinterOutlined />} onClick={() => navigate(`/identifiers/${r.id}/label`)} data-testid="row-label" />
        </Space>
      ),
    },
  ];

  const mint = async (body: Record<string, unknown>, values: Record<string, unknown>) => {
    const description = typeof values._description === 'string' ? values._description.trim() : '';
    // The form's fields are the body's (kind, gtin, lot, serial, enterpriseId); the description becomes a value.
    const created = await mintIdentifier.mutateAsync({
      ...(body as NewIdentifier),
      ...(description ? { values: [{ type: 'DESCRIPTION', value: description, publicRead: true }] } : {}),
    });
    message.success(t('identifier.minted', { handle: created.handle }));
  };

  return (
    <Card
      title={t('menu.identifiers')}
      data-testid="identifiers-page"
      extra={
        mayMint && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setMinting(true)} data-testid="mint-button">
            {t('identifier.mint')}
          </Button>
        )
      }
    >
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, justifyContent: 'space-between', alignItems: 'flex-start', marginBottom: 16 }}>
        <Space wrap>
          <Input.Search
            allowClear
            placeholder={t('identifier.search')}
            onSearch={(v) => {
              setQ(v.trim());
              setPage((pg) => ({ ...pg, current: 1 }));
            }}
            style={{ width: 280 }}
            data-testid="search"
          />
          <Select<string>
            allowClear
            placeholder={t('field.kind')}
            options={kindOptions}
            value={kind}
            onChange={(v) => {
              setKind(v);
              setPage((pg) => ({ ...pg, current: 1 }));
            }}
            style={{ width: 180 }}
            data-testid="kind-filter"
          />
        </Space>
        <TraceAnyInput width={420} />
      </div>
      <ErrorAlert error={list.error} testId="list-error" />
      <Table<Identifier>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        scroll={{ x: 'max-content' }}
        onRow={(r) => ({ 'data-handle': r.handle }) as React.HTMLAttributes<HTMLElement>}
        onChange={(p) => setPage({ current: p.current ?? 1, pageSize: p.pageSize ?? 20 })}
        pagination={{
          current: page.current,
          pageSize: page.pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { count: total }),
        }}
        data-testid="identifiers-table"
      />
      <FormDrawer
        open={minting}
        title={t('identifier.mintTitle')}
        initial={null}
        defaults={{ kind: 'lot' }}
        onClose={() => setMinting(false)}
        onSubmit={mint}
        testId="mint-drawer"
      >
        {() => (
          <>
            {namesEnterprise && (
              <Form.Item name="enterpriseId" label={t('field.enterprise')} rules={[required(t)]}>
                <EnterpriseSelect data-testid="mint-enterprise" />
              </Form.Item>
            )}
            <Form.Item name="kind" label={t('field.kind')} rules={[required(t)]}>
              <Select<string> options={kindOptions} data-testid="mint-kind" />
            </Form.Item>
            <Form.Item
              name="gtin"
              label={t('identifier.gtin')}
              extra={t('identifier.gtinHelp')}
              rules={[{ pattern: /^(\d{8}|\d{12,14})$/, message: t('identifier.gtinInvalid') }]}
            >
              <Input maxLength={14} inputMode="numeric" data-testid="mint-gtin" />
            </Form.Item>
            <Form.Item name="lot" label={t('identifier.lot')} rules={[{ max: 20 }]}>
              <Input maxLength={20} data-testid="mint-lot" />
            </Form.Item>
            <Form.Item name="serial" label={t('identifier.serial')} rules={[{ max: 20 }]}>
              <Input maxLength={20} data-testid="mint-serial" />
            </Form.Item>
            <Form.Item name="_description" label={t('field.description')}>
              <Input.TextArea rows={3} maxLength={4000} data-testid="mint-description" />
            </Form.Item>
            <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
              {t('identifier.mintHelp')}
            </Typography.Paragraph>
          </>
        )}
      </FormDrawer>
    </Card>
  );
}
