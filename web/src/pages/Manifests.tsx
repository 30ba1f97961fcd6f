/**
 * Hazardous-waste transfer manifests (危险废物转移联单) by state and by the caller's part in them
 * (generator, transporter, receiver), searched by number or batch: each with its parties, codes,
 * tonnes, planned date, whose turn it is and its discrepancy or overdue marks. Enterprise
 * administrators and operators draft new ones.
 */
import { useState } from 'react';
import { Button, Card, Checkbox, Empty, Grid, Input, List, Segmented, Select, Space, Switch, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { MANIFEST_KINDS, MANIFEST_PARTIES, MANIFEST_STATES, useManifestCounts, useManifests, type ManifestSummary } from '../api/manifests';
import { useSession, useUser } from '../auth/session';
import { formatNumber } from '../components/flows/format';
import ManifestFormDrawer from '../components/manifests/ManifestFormDrawer';
import { Badges, KindTag, PartyChain, StateTag, TurnText } from '../components/manifests/ManifestTags';
import QueryState from '../components/QueryState';

export default function ManifestsPage() {
  const { t, i18n } = useTranslation();
  const user = useUser();
  const { can } = useSession();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const phone = !screens.md;
  const [params, setParams] = useSearchParams();
  const [page, setPage] = useState({ current: 1, size: 20 });
  const [creating, setCreating] = useState(false);
  const state = params.get('state') ?? undefined;
  const role = params.get('role') ?? undefined;
  const q = params.get('q') ?? undefined;
  const kind = params.get('kind') ?? undefined;
  const discrepancy = params.get('discrepancy') === 'open' ? 'open' : undefined;
  const overdue = params.get('overdue') === 'true' ? true : undefined;
  const allRevisions = params.get('revisions') === 'all';
  const filters = { role, q, kind, discrepancy, overdue, ...(allRevisions ? { latest: false } : {}) };
  const manifests = useManifests({ ...filters, state, limit: page.size, offset: (page.current - 1) * page.size });
  const counts = useManifestCounts(filters);
  const fmt = (n: number | null) => (n === null ? '–' : formatNumber(n, i18n.language));
  const setParam = (k: string, v: string | undefined) => {
    setPage((p) => ({ ...p, current: 1 }));
    setParams((p) => {
      if (v) p.set(k, v);
      else p.delete(k);
      return p;
    }, { replace: true });
  };
  const open = (m: ManifestSummary) => navigate(`/manifests/${m.id}`);
  const total = MANIFEST_STATES.reduce((s, x) => s + (counts[x] ?? 0), 0);

  const columns: ColumnsType<ManifestSummary> = [
    {
      title: t('manifests.field.number'),
      key: 'number',
      render: (_: unknown, m) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong>{m.number}</Typography.Text>
          {m.revision > 1 && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('manifests.revisionShort', { revision: m.revision })}</Typography.Text>}
        </Space>
      ),
    },
    { title: t('manifests.field.kind'), key: 'kind', render: (_: unknown, m) => <KindTag kind={m.kind} /> },
    { title: t('manifests.field.state'), key: 'state', render: (_: unknown, m) => <StateTag state={m.state} /> },
    { title: t('manifests.field.parties'), key: 'parties', render: (_: unknown, m) => <PartyChain m={m} /> },
    { title: t('manifests.field.hwCodes'), key: 'hwCodes', render: (_: unknown, m) => m.hwCodes.join(', ') },
    { title: t('manifests.field.declaredAccepted'), key: 't', align: 'right', render: (_: unknown, m) => `${fmt(m.declaredT)} / ${fmt(m.acceptedT)}` },
    { title: t('manifests.field.plannedDate'), dataIndex: 'plannedDate', key: 'plannedDate' },
    { title: t('manifests.field.turn'), key: 'turn', render: (_: unknown, m) => <TurnText m={m} /> },
    { title: '', key: 'badges', render: (_: unknown, m) => <Badges m={m} /> },
  ];

  const rowProps = (m: ManifestSummary) => ({ 'data-testid': 'manifest-row', 'data-id': m.id, 'data-number': m.number, 'data-state': m.state }) as React.HTMLAttributes<HTMLElement>;

  return (
    <Card
      title={t('manifests.title.list')}
      data-testid="manifests-page"
      extra={
        can('create', 'manifest') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="manifest-new">
            {t('manifests.create.button')}
          </Button>
        )
      }
    >
      <div style={{ overflowX: 'auto', marginBottom: 12 }}>
        <Segmented
          value={state ?? 'all'}
          onChange={(v) => setParam('state', v === 'all' ? undefined : String(v))}
          data-testid="manifests-state"
          options={[
            { value: 'all', label: <span data-testid="manifests-state-all">{t('manifests.allStates')} ({total})</span> },
            ...MANIFEST_STATES.map((s) => ({ value: s, label: <span data-testid={`manifests-state-${s}`} data-count={counts[s] ?? 0}>{t(`manifests.state.${s}`)} ({counts[s] ?? 0})</span> })),
          ]}
        />
      </div>
      <Space wrap style={{ marginBottom: 12 }}>
        {user.enterpriseId !== null && (
          <Select
            allowClear
            placeholder={t('manifests.field.role')}
            value={role}
            onChange={(v: string | undefined) => setParam('role', v)}
            options={MANIFEST_PARTIES.map((r) => ({ value: r, label: t(`manifests.party.${r}`) }))}
            style={{ width: 160 }}
            data-testid="manifests-role"
          />
        )}
        <Select
          allowClear
          placeholder={t('manifests.field.kind')}
          value={kind}
          onChange={(v: string | undefined) => setParam('kind', v)}
          options={MANIFEST_KINDS.map((k) => ({ value: k, label: t(`manifests.kind.${k}`) }))}
          style={{ width: 130 }}
          data-testid="manifests-kind"
        />
        <Checkbox checked={discrepancy === 'open'} onChange={(e) => setParam('discrepancy', e.target.checked ? 'open' : undefined)} data-testid="manifests-discrepancy">
          {t('manifests.badge.discrepancy')}
        </Checkbox>
        <Checkbox checked={overdue === true} onChange={(e) => setParam('overdue', e.target.checked ? 'true' : undefined)} data-testid="manifests-overdue">
          {t('manifests.badge.overdue')}
        </Checkbox>
        <Input.Search allowClear defaultValue={q} placeholder={t('manifests.search')} onSearch={(v) => setParam('q', v.trim() || undefined)} style={{ width: phone ? '100%' : 280 }} data-testid="manifests-search" />
        <Space size={4}>
          <Switch size="small" checked={allRevisions} onChange={(on) => setParam('revisions', on ? 'all' : undefined)} data-testid="manifests-all-revisions" />
          <Typography.Text type="secondary">{t('manifests.allRevisions')}</Typography.Text>
        </Space>
      </Space>
      <QueryState query={manifests}>
        {(answer) =>
          phone ? (
            <List
              dataSource={answer.items}
              locale={{ emptyText: <Empty description={t('manifests.none')} /> }}
              pagination={answer.total > page.size ? { current: page.current, pageSize: page.size, total: answer.total, onChange: (current, size) => setPage({ current, size }), size: 'small' } : false}
              data-testid="manifests-table"
              renderItem={(m) => (
                <Card size="small" hoverable style={{ marginBottom: 8 }} onClick={() => open(m)} {...rowProps(m)}>
                  <Space wrap size={[4, 4]}>
                    <Typography.Text strong>{m.number}</Typography.Text>
                    <StateTag state={m.state} />
                    {m.kind !== 'original' && <KindTag kind={m.kind} />}
                    <Badges m={m} />
                  </Space>
                  <div><PartyChain m={m} /></div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {m.plannedDate} · {m.hwCodes.join(', ')} · {fmt(m.declaredT)} t
                  </Typography.Text>
                  {m.turn && <div style={{ fontSize: 12 }}>{t('manifests.field.turn')}: <TurnText m={m} /></div>}
                </Card>
              )}
            />
          ) : (
            <Table<ManifestSummary>
              rowKey="id"
              size="middle"
              columns={columns}
              dataSource={answer.items}
              scroll={{ x: 'max-content' }}
              locale={{ emptyText: <Empty description={t('manifests.none')} /> }}
              pagination={{ current: page.current, pageSize: page.size, total: answer.total, onChange: (current, size) => setPage({ current, size }) }}
              onRow={(m) => ({ onClick: () => open(m), style: { cursor: 'pointer' }, ...rowProps(m) })}
              data-testid="manifests-table"
            />
          )
        }
      </QueryState>
      <ManifestFormDrawer open={creating} onClose={() => setCreating(false)} onSaved={(m) => { setCreating(false); navigate(`/manifests/${m.id}`); }} />
    </Card>
  );
}
