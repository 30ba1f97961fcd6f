/**
 * The exchange market (市场): the published offers and demands the user may see, filtered by
 * material, code, enterprise and text; an anonymous listing of another enterprise names no one
 * (匿名). An enterprise user also keeps its own listings here (create, edit, publish, withdraw) and
 * turns the waste its ledger sends to disposal into offers ("drafts from my ledger").
 */
import { useState } from 'react';
import { App, Button, Card, Empty, Input, List, Popconfirm, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { EditOutlined, PlusOutlined, SendOutlined, StopOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useList, useNameOf, useUpdate } from '../api/hooks';
import { LISTING_SIDES, useDrafts, useMarket, type ExchangeListing, type ListingDraft, type ListingSide, type MarketListing, type QualityProperty } from '../api/exchange';
import { useSession, useUser } from '../auth/session';
import { useNotifyError } from '../components/errors';
import { EnterpriseSelect } from '../components/fields';
import ListingFormDrawer, { type ListingStart } from '../components/exchange/ListingFormDrawer';
import { rangeText } from '../components/exchange/propertyRanges';
import { useExchangeNames } from '../components/exchange/useExchangeNames';
import { formatNumber } from '../components/flows/format';
import QueryState from '../components/QueryState';
import { RowAction } from '../components/ResourcePage';

type Names = ReturnType<typeof useExchangeNames>;

/** A waste code (HW08/900-249-08), class (HW08) or solid waste category (SW10): what the market's code filter takes. */
const WASTE_CODE = /^(HW[0-9]{2}(\/[0-9]{3}-[0-9]{3}-[0-9]{2})?|SW[0-9]{2})$/;

function useListingColumns<T extends MarketListing | ExchangeListing>(names: Names, withEnterprise: boolean): ColumnsType<T> {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const fmt = (n: number) => formatNumber(n, lang);
  return [
    { title: t('exchange.field.title'), dataIndex: 'title', key: 'title', render: (v: string, r) => <span data-testid="listing-title-cell" data-id={r.id}>{v}</span> },
    { title: t('exchange.field.side'), key: 'side', render: (_: unknown, r) => <Tag color={r.side === 'offer' ? 'orange' : 'blue'}>{t(`exchange.side.${r.side}`)}</Tag> },
    { title: t('exchange.field.material'), key: 'material', render: (_: unknown, r) => <span title={r.materialCode ?? undefined}>{names.materialNameById(r.materialId)}</span> },
    {
      title: t('exchange.field.quantity'),
      key: 'quantity',
      align: 'right',
      render: (_: unknown, r) => `${fmt(r.quantity)} ${r.materialUnit ?? names.unitOfMaterial(r.materialId)} ${t(`exchange.recurrence.${r.recurrence}`)}`,
    },
    ...(withEnterprise
      ? ([
          {
            title: t('exchange.field.enterprise'),
            key: 'enterprise',
            render: (_: unknown, r: T) =>
              r.enterpriseId === null ? (
                <Tag data-testid="listing-anonymous">{t('exchange.anonymous')}</Tag>
              ) : (
                <Space size={4}>
                  {names.enterpriseName(r.enterpriseId)}
                  {r.anonymous && <Tag data-testid="listing-anonymous">{t('exchange.anonymous')}</Tag>}
                </Space>
              ),
          },
        ] as ColumnsType<T>)
      : []),
    { title: t('exchange.field.site'), key: 'site', render: (_: unknown, r) => names.siteName(r.siteId) },
    { title: t('exchange.field.price'), key: 'price', align: 'right', render: (_: unknown, r) => (r.priceCnyPerUnit === null ? '–' : fmt(r.priceCnyPerUnit)) },
    {
      title: t('exchange.field.window'),
      key: 'window',
      render: (_: unknown, r) => (r.availableFrom || r.availableTo ? `${r.availableFrom ?? t('exchange.open')} – ${r.availableTo ?? t('exchange.open')}` : t('exchange.open')),
    },
    {
      title: t('exchange.field.properties'),
      key: 'properties',
      render: (_: unknown, r) => (
        <Space size={[4, 4]} wrap style={{ maxWidth: 260 }}>
          {Object.entries(r.properties ?? {}).map(([p, range]) => (
            <Tag key={p}>
              {t(`exchange.property.${p}`)} {rangeText(p as QualityProperty, range ?? {}, fmt)}
            </Tag>
          ))}
        </Space>
      ),
    },
  ];
}

function MarketTab({ side, names }: { side: ListingSide; names: Names }) {
  const { t } = useTranslation();
  const nameOf = useNameOf();
  const [filters, setFilters] = useState<{ material?: string; code?: string; enterpriseId?: number; q?: string }>({});
  const [codeText, setCodeText] = useState('');
  const [page, setPage] = useState({ current: 1, size: 20 });
  const market = useMarket({ side, material: filters.material, code: filters.code, enterpriseId: filters.enterpriseId, q: filters.q, limit: page.size, offset: (page.current - 1) * page.size });
  const columns = useListingColumns<MarketListing>(names, true).filter((c) => c.key !== 'side');
  const set = (patch: Partial<typeof filters>) => {
    setFilters((f) => ({ ...f, ...patch }));
    setPage((p) => ({ ...p, current: 1 }));
  };
  return (
    <div data-testid={`market-${side}`}>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder={t('exchange.market.search')} onSearch={(q) => set({ q: q || undefined })} style={{ width: 240 }} data-testid={`market-${side}-search`} />
        <Select
          allowClear
          placeholder={t('exchange.field.material')}
          value={filters.material}
          onChange={(v: string | undefined) => set({ material: v })}
          options={names.materials.map((m) => ({ value: m.code, label: `${nameOf(m)} (${m.code})` }))}
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 260 }}
          data-testid={`market-${side}-material`}
        />
        <Input
          allowClear
          placeholder={t('exchange.field.code')}
          value={codeText}
          status={codeText && !WASTE_CODE.test(codeText.trim().toUpperCase()) ? 'warning' : undefined}
          onChange={(e) => {
            setCodeText(e.target.value);
            // Only a whole code filters: a code half typed would match nothing (and the API refuses it).
            const code = e.target.value.trim().toUpperCase();
            set({ code: WASTE_CODE.test(code) ? code : undefined });
          }}
          style={{ width: 200 }}
          data-testid={`market-${side}-code`}
        />
        <EnterpriseSelect placeholder={t('exchange.field.enterprise')} value={filters.enterpriseId} onChange={(v) => set({ enterpriseId: v ?? undefined })} style={{ width: 240 }} data-testid={`market-${side}-enterprise`} />
      </Space>
      <QueryState query={market}>
        {(answer) => (
          <Table<MarketListing>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={answer.items}
            locale={{ emptyText: <Empty description={t('exchange.market.nothing')} /> }}
            pagination={{ current: page.current, pageSize: page.size, total: answer.total, onChange: (current, size) => setPage({ current, size }) }}
            scroll={{ x: 'max-content' }}
            data-testid={`market-${side}-table`}
            onRow={(r) => ({ 'data-testid': 'market-row', 'data-id': r.id, 'data-anonymous': r.anonymous ? '1' : '0' }) as React.HTMLAttributes<HTMLElement>}
          />
        )}
      </QueryState>
    </div>
  );
}

function MineTab({ names, onEdit }: { names: Names; onEdit(start: ListingStart): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const { can } = useSession();
  const [page, setPage] = useState({ current: 1, size: 20 });
  const list = useList<ExchangeListing>('exchange-listings', { limit: page.size, offset: (page.current - 1) * page.size });
  const update = useUpdate<ExchangeListing>('exchange-listings');
  const columns = useListingColumns<ExchangeListing>(names, false);
  const setState = async (row: ExchangeListing, state: 'published' | 'withdrawn') => {
    try {
      await update.mutateAsync({ id: row.id, body: { state } });
      message.success(t(state === 'published' ? 'exchange.market.published' : 'exchange.market.withdrawn'));
    } catch (err) {
      notifyError(err);
    }
  };
  const writable = (r: ExchangeListing) => can('update', 'exchange_listing', r);
  return (
    <div data-testid="market-mine">
      {can('create', 'exchange_listing') && (
        <Space style={{ marginBottom: 12 }}>
          {LISTING_SIDES.map((side) => (
            <Button key={side} type={side === 'offer' ? 'primary' : 'default'} icon={<PlusOutlined />} onClick={() => onEdit({ values: { side } })} data-testid={`new-${side}`}>
              {t(side === 'offer' ? 'exchange.market.newOffer' : 'exchange.market.newDemand')}
            </Button>
          ))}
        </Space>
      )}
      <QueryState query={list}>
        {(answer) => (
          <Table<ExchangeListing>
            rowKey="id"
            size="middle"
            dataSource={answer.items}
            pagination={{ current: page.current, pageSize: page.size, total: answer.total, onChange: (current, size) => setPage({ current, size }) }}
            scroll={{ x: 'max-content' }}
            data-testid="mine-table"
            columns={[
              ...columns,
              { title: t('exchange.field.state'), key: 'state', render: (_: unknown, r) => <Tag color={r.state === 'published' ? 'green' : r.state === 'draft' ? 'default' : 'red'}>{t(`exchange.state.${r.state}`)}</Tag> },
              {
                title: t('common.actions'),
                key: 'actions',
                fixed: 'right',
                render: (_: unknown, r) =>
                  writable(r) && (
                    <Space size={0}>
                      <RowAction label={t('exchange.market.edit')} icon={<EditOutlined />} onClick={() => onEdit({ editing: r })} data-testid="mine-edit" />
                      {r.state !== 'published' && <RowAction label={t('exchange.market.publish')} icon={<SendOutlined />} onClick={() => void setState(r, 'published')} data-testid="mine-publish" />}
                      {r.state !== 'withdrawn' && (
                        <Popconfirm title={t('exchange.market.withdrawConfirm')} onConfirm={() => setState(r, 'withdrawn')} okButtonProps={{ ...({ 'data-testid': 'confirm-ok' } as object) }}>
                          <RowAction label={t('exchange.market.withdraw')} danger icon={<StopOutlined />} data-testid="mine-withdraw" />
                        </Popconfirm>
                      )}
                    </Space>
                  ),
              },
            ]}
          />
        )}
      </QueryState>
    </div>
  );
}

function DraftsTab({ names, onUse }: { names: Names; onUse(start: ListingStart): void }) {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const drafts = useDrafts(true);
  const use = (d: ListingDraft) =>
    onUse({
      values: {
        side: 'offer',
        title: d.title,
        materialId: d.materialId,
        quantity: d.quantity,
        recurrence: d.recurrence,
        currentRoute: d.currentRoute,
        siteId: d.siteId ?? undefined,
        sourceFlowId: d.sourceFlowIds[0] ?? null,
      },
    });
  return (
    <div data-testid="market-drafts">
      <Typography.Paragraph type="secondary">{t('exchange.market.draftsIntro')}</Typography.Paragraph>
      <QueryState query={drafts}>
        {(items) => (
          <List
            dataSource={items}
            locale={{ emptyText: <Empty description={t('exchange.market.noDrafts')} /> }}
            renderItem={(d) => (
              <List.Item
                data-testid="draft-row"
                actions={
                  can('create', 'exchange_listing')
                    ? [
                        <Button key="use" type="link" onClick={() => use(d)} data-testid="draft-use">
                          {t('exchange.market.useDraft')}
                        </Button>,
                      ]
                    : []
                }
              >
                <List.Item.Meta
                  title={d.title}
                  description={
                    <Space wrap>
                      <span>{names.materialName(d.materialCode)}</span>
                      <span>{t('exchange.market.perMonth', { quantity: formatNumber(d.quantity, i18n.language), unit: d.unit })}</span>
                      {d.currentRoute && <Tag>{t(`exchange.route.${d.currentRoute}`)}</Tag>}
                    </Space>
                  }
                />
              </List.Item>
            )}
          />
        )}
      </QueryState>
    </div>
  );
}

export default function ExchangeMarketPage() {
  const { t } = useTranslation();
  const user = useUser();
  const names = useExchangeNames();
  const [params, setParams] = useSearchParams();
  const [start, setStart] = useState<ListingStart | null>(null);
  const tab = params.get('tab') ?? 'offer';
  const hasEnterprise = user.enterpriseId !== null && user.enterpriseId !== undefined;
  const openForm = (s: ListingStart) => setStart(s);
  return (
    <Card title={t('exchange.title.market')} data-testid="exchange-market-page">
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams((p) => {
          p.set('tab', k);
          return p;
        }, { replace: true })}
        destroyOnHidden
        items={[
          { key: 'offer', label: <span data-testid="tab-offer">{t('exchange.sides.offer')}</span>, children: <MarketTab side="offer" names={names} /> },
          { key: 'demand', label: <span data-testid="tab-demand">{t('exchange.sides.demand')}</span>, children: <MarketTab side="demand" names={names} /> },
          ...(hasEnterprise
            ? [
                { key: 'mine', label: <span data-testid="tab-mine">{t('exchange.market.mine')}</span>, children: <MineTab names={names} onEdit={openForm} /> },
                { key: 'drafts', label: <span data-testid="tab-drafts">{t('exchange.market.drafts')}</span>, children: <DraftsTab names={names} onUse={openForm} /> },
              ]
            : []),
        ]}
      />
      {!hasEnterprise && tab !== 'offer' && tab !== 'demand' && <Typography.Text type="secondary">{t('exchange.market.noEnterprise')}</Typography.Text>}
      <ListingFormDrawer start={start} onClose={() => setStart(null)} />
    </Card>
  );
}
