/**
 * Deals (交易) between two enterprises: the list by state and role; a deal's drawer with its terms,
 * its history, the actions the user may take now (counter with new terms, accept, decline,
 * withdraw, terminate) and its deliveries, each recorded by the supplier (into the flow ledger and
 * traceability); and the impact: tonnes diverted and t CO2 avoided per month.
 */
import { useMemo, useState } from 'react';
import { App, Button, Card, Descriptions, Drawer, Empty, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Table, Tag, Timeline, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import {
  DEAL_ROLES, DEAL_STATES, useDeal, useDealAction, useDeals, useImpact, useRecordDelivery, type Deal, type DealDetail, type DealTerms, type Delivery, type PartyAction, type PartyRef,
} from '../api/exchange';
import { useFormatTime, useNameOf } from '../api/hooks';
import { useUser } from '../auth/session';
import EChart from '../components/EChart';
import { ErrorAlert, useNotifyError } from '../components/errors';
import { dealActionsFor, isMyTurn, recordsDeliveries } from '../components/exchange/dealActions';
import { impactOption } from '../components/exchange/impactOption';
import TermsModal from '../components/exchange/TermsModal';
import { useExchangeNames } from '../components/exchange/useExchangeNames';
import { formatNumber } from '../components/flows/format';
import QueryState from '../components/QueryState';

const STATE_COLOR: Record<string, string> = { proposed: 'gold', accepted: 'green', declined: 'red', withdrawn: 'default', completed: 'blue', terminated: 'volcano' };

function TermsView({ terms, unit }: { terms: DealTerms; unit: string }) {
  const { t, i18n } = useTranslation();
  return (
    <Descriptions size="small" column={2} bordered data-testid="deal-terms">
      <Descriptions.Item label={t('exchange.deals.quantity')}>
        {formatNumber(terms.quantity, i18n.language)} {unit} {t(`exchange.recurrence.${terms.recurrence}`)}
      </Descriptions.Item>
      <Descriptions.Item label={t('exchange.deals.price')}>{formatNumber(terms.priceCnyPerUnit, i18n.language)}</Descriptions.Item>
      <Descriptions.Item label={t('exchange.deals.startDate')}>{terms.startDate}</Descriptions.Item>
      <Descriptions.Item label={t('exchange.deals.endDate')}>{terms.endDate}</Descriptions.Item>
    </Descriptions>
  );
}

function RecordDelivery({ dealId, delivery, unit }: { dealId: number; delivery: Delivery; unit: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const record = useRecordDelivery(dealId);
  const [form] = Form.useForm<{ quantity: number; lot?: string }>();
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await record.mutateAsync({ deliveryId: delivery.id, quantity: v.quantity, ...(v.lot?.trim() ? { lot: v.lot.trim() } : {}) });
      setOpen(false);
      message.success(t('exchange.deals.recorded'));
    } catch {
      // shown in the modal
    }
  };
  return (
    <>
      <Button size="small" onClick={() => { record.reset(); setOpen(true); }} data-testid="delivery-record">
        {t('exchange.deals.record')}
      </Button>
      <Modal open={open} title={t('exchange.deals.recordTitle')} onCancel={() => setOpen(false)} onOk={() => void submit()} confirmLoading={record.isPending} destroyOnHidden okButtonProps={{ ...({ 'data-testid': 'delivery-ok' } as object) }}>
        <ErrorAlert error={record.error} testId="delivery-error" />
        <Form form={form} layout="vertical" initialValues={{ quantity: delivery.plannedQuantity }} preserve={false}>
          <Form.Item name="quantity" label={t('exchange.deals.delivered')} rules={[{ required: true, message: t('validation.required') }]}>
            <InputNumber min={0} suffix={unit} style={{ width: '100%' }} data-testid="delivery-quantity" />
          </Form.Item>
          <Form.Item name="lot" label={t('exchange.deals.lot')} extra={t('exchange.deals.lotHelp')}>
            <Input data-testid="delivery-lot" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

function DealDrawer({ id, onClose }: { id: number | undefined; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const formatTime = useFormatTime();
  const names = useExchangeNames();
  const nameOf = useNameOf();
  const deal = useDeal(id);
  const act = useDealAction(id ?? 0);
  const [countering, setCountering] = useState(false);
  const party = (p: PartyRef | null) => (p ? nameOf(p) : t('exchange.anonymous'));
  const actorName = (d: DealDetail, enterpriseId: number | null) => (enterpriseId === null ? t('exchange.anonymous') : enterpriseId === d.receiver.id ? nameOf(d.receiver) : enterpriseId === d.supplier?.id ? nameOf(d.supplier) : names.enterpriseName(enterpriseId));
  const fmt = (n: number | null) => formatNumber(n, i18n.language);

  const run = async (d: DealDetail, action: PartyAction, terms?: DealTerms, note?: string) => {
    try {
      await act.mutateAsync({ action, version: d.version, ...(terms ? { terms } : {}), ...(note ? { note } : {}) });
      setCountering(false);
      message.success(t('exchange.deals.done'));
    } catch (err) {
      if (!terms) notifyError(err);
    }
  };

  return (
    <Drawer open={id !== undefined} onClose={onClose} size={760} title={id !== undefined ? t('exchange.deals.deal', { id }) : ''} destroyOnHidden data-testid="deal-drawer">
      <QueryState query={deal}>
        {(d) => {
          const unit = d.material.unit;
          const actions = dealActionsFor(d);
          return (
            <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="deal-detail" data-state={d.state} data-version={d.version}>
              <Descriptions size="small" column={2}>
                <Descriptions.Item label={t('exchange.deals.material')}>{names.materialName(d.material.code)}</Descriptions.Item>
                <Descriptions.Item label={t('exchange.field.state')}>
                  <Tag color={STATE_COLOR[d.state]} data-testid="deal-state">
                    {t(`exchange.deals.dealState.${d.state}`)}
                  </Tag>
                </Descriptions.Item>
                <Descriptions.Item label={t('exchange.deals.supplier')}>{party(d.supplier)}</Descriptions.Item>
                <Descriptions.Item label={t('exchange.deals.receiver')}>{party(d.receiver)}</Descriptions.Item>
                <Descriptions.Item label={t('exchange.deals.offer')}>{d.offer.title}</Descriptions.Item>
                <Descriptions.Item label={t('exchange.deals.demand')}>{d.demand.title}</Descriptions.Item>
                <Descriptions.Item label={t('exchange.deals.turn')}>{d.turn === null ? t('exchange.deals.settled') : party(d.turn === 'supplier' ? d.supplier : d.receiver)}</Descriptions.Item>
              </Descriptions>
              <Typography.Text strong>{t('exchange.deals.terms')}</Typography.Text>
              <TermsView terms={d.terms} unit={unit} />
              {actions.length > 0 && (
                <Space wrap data-testid="deal-actions">
                  {actions.map((a) =>
                    a === 'counter' ? (
                      <Button key={a} onClick={() => { act.reset(); setCountering(true); }} data-testid="deal-counter">
                        {t('exchange.deals.action.counter')}
                      </Button>
                    ) : a === 'accept' ? (
                      <Button key={a} type="primary" loading={act.isPending} onClick={() => void run(d, a)} data-testid="deal-accept">
                        {t('exchange.deals.action.accept')}
                      </Button>
                    ) : (
                      <Popconfirm key={a} title={t('exchange.deals.confirm')} onConfirm={() => run(d, a)} okButtonProps={{ ...({ 'data-testid': 'confirm-ok' } as object) }}>
                        <Button danger={a !== 'withdraw'} data-testid={`deal-${a}`}>
                          {t(`exchange.deals.action.${a}`)}
                        </Button>
                      </Popconfirm>
                    ),
                  )}
                </Space>
              )}
              <Typography.Text strong>{t('exchange.deals.history')}</Typography.Text>
              <Timeline
                data-testid="deal-history"
                items={(d.history ?? []).map((e) => ({
                  color: e.action === 'accept' ? 'green' : e.action === 'decline' || e.action === 'terminate' ? 'red' : 'blue',
                  content: (
                    <div data-testid="deal-event" data-action={e.action}>
                      <Typography.Text strong>{actorName(d, e.actorEnterpriseId)}</Typography.Text> {t(`exchange.deals.actionDone.${e.action}`)} · <Typography.Text type="secondary">{formatTime(e.at)}{e.actor ? ` · ${e.actor}` : ''}</Typography.Text>
                      {e.terms && (
                        <div>
                          {fmt(e.terms.quantity)} {unit} {t(`exchange.recurrence.${e.terms.recurrence}`)} · {fmt(e.terms.priceCnyPerUnit)} CNY · {e.terms.startDate} – {e.terms.endDate}
                        </div>
                      )}
                      {e.note && <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>{e.note}</Typography.Paragraph>}
                    </div>
                  ),
                }))}
              />
              <Typography.Text strong>{t('exchange.deals.deliveries')}</Typography.Text>
              <Table<Delivery>
                rowKey="id"
                size="small"
                dataSource={d.deliveries ?? []}
                pagination={{ pageSize: 12, hideOnSinglePage: true }}
                locale={{ emptyText: <Empty description={t('exchange.deals.noDeliveries')} /> }}
                data-testid="deal-deliveries"
                columns={[
                  { title: t('exchange.deals.due'), dataIndex: 'due', key: 'due' },
                  { title: t('exchange.deals.planned'), key: 'planned', align: 'right', render: (_: unknown, r) => `${fmt(r.plannedQuantity)} ${unit}` },
                  { title: t('exchange.deals.deliveryState'), dataIndex: 'state', key: 'state', render: (s: string) => <Tag data-testid="delivery-state" data-state={s}>{t(`exchange.deals.deliveryStates.${s}`)}</Tag> },
                  { title: t('exchange.deals.delivered'), key: 'quantity', align: 'right', render: (_: unknown, r) => (r.quantity === null ? '–' : `${fmt(r.quantity)} ${unit}`) },
                  { title: t('exchange.deals.lot'), dataIndex: 'lot', key: 'lot', ellipsis: true, width: 200 },
                  {
                    title: t('common.actions'),
                    key: 'actions',
                    render: (_: unknown, r) => (recordsDeliveries(d) && r.state === 'scheduled' ? <RecordDelivery dealId={d.id} delivery={r} unit={unit} /> : null),
                  },
                ]}
              />
              <TermsModal
                open={countering}
                title={t('exchange.deals.counterTitle')}
                initial={d.terms}
                unit={unit}
                pending={act.isPending}
                error={act.error}
                onCancel={() => setCountering(false)}
                onSubmit={(terms, note) => void run(d, 'counter', terms, note)}
                testId="counter-modal"
              />
            </Space>
          );
        }}
      </QueryState>
    </Drawer>
  );
}

/** The last twelve months, 'YYYY-MM'. */
function lastYear(): { from: string; to: string } {
  const now = new Date();
  const ym = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
  return { from: ym(new Date(now.getFullYear(), now.getMonth() - 11, 1)), to: ym(now) };
}

function Impact() {
  const { t } = useTranslation();
  const range = useMemo(lastYear, []);
  const impact = useImpact(range);
  const option = useMemo(() => impactOption(impact.data?.months ?? [], range, { diverted: t('exchange.deals.diverted'), avoided: t('exchange.deals.avoided') }), [impact.data, range, t]);
  return (
    <Card size="small" title={t('exchange.deals.impact')} extra={<Typography.Text type="secondary">{t('exchange.deals.impactHelp')}</Typography.Text>} data-testid="exchange-impact">
      <QueryState query={impact}>{() => <EChart option={option} style={{ height: 300 }} data-testid="exchange-impact-chart" />}</QueryState>
    </Card>
  );
}

export default function ExchangeDealsPage() {
  const { t, i18n } = useTranslation();
  const user = useUser();
  const names = useExchangeNames();
  const nameOf = useNameOf();
  const formatTime = useFormatTime();
  const [params, setParams] = useSearchParams();
  const [page, setPage] = useState({ current: 1, size: 20 });
  const state = params.get('state') ?? undefined;
  const role = params.get('role') ?? 'any';
  const open = params.get('deal') ? Number(params.get('deal')) : undefined;
  const deals = useDeals({ state, role, limit: page.size, offset: (page.current - 1) * page.size });
  const me = user.enterpriseId ?? null;
  const party = (p: PartyRef | null) => (p ? nameOf(p) : t('exchange.anonymous'));
  const setParam = (k: string, v: string | undefined) =>
    setParams((p) => {
      if (v) p.set(k, v);
      else p.delete(k);
      return p;
    }, { replace: true });

  const columns: ColumnsType<Deal> = [
    { title: '#', dataIndex: 'id', key: 'id', width: 70 },
    { title: t('exchange.deals.material'), key: 'material', render: (_: unknown, d) => names.materialName(d.material.code) },
    { title: t('exchange.deals.supplier'), key: 'supplier', render: (_: unknown, d) => party(d.supplier) },
    { title: t('exchange.deals.receiver'), key: 'receiver', render: (_: unknown, d) => party(d.receiver) },
    {
      title: t('exchange.deals.quantity'),
      key: 'quantity',
      align: 'right',
      render: (_: unknown, d) => `${formatNumber(d.terms.quantity, i18n.language)} ${d.material.unit} ${t(`exchange.recurrence.${d.terms.recurrence}`)}`,
    },
    { title: t('exchange.deals.price'), key: 'price', align: 'right', render: (_: unknown, d) => formatNumber(d.terms.priceCnyPerUnit, i18n.language) },
    {
      title: t('exchange.field.state'),
      key: 'state',
      render: (_: unknown, d) => (
        <Space size={4}>
          <Tag color={STATE_COLOR[d.state]}>{t(`exchange.deals.dealState.${d.state}`)}</Tag>
          {isMyTurn(d) && <Tag color="orange" data-testid="deal-your-turn">{t('exchange.deals.yourTurn')}</Tag>}
        </Space>
      ),
    },
    { title: t('exchange.deals.updated'), key: 'updated', render: (_: unknown, d) => formatTime(d.updatedAt) },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card title={t('exchange.title.deals')} data-testid="exchange-deals-page">
        <Space wrap style={{ marginBottom: 12 }}>
          <Select
            allowClear
            placeholder={t('exchange.field.state')}
            value={state}
            onChange={(v: string | undefined) => setParam('state', v)}
            options={DEAL_STATES.map((s) => ({ value: s, label: t(`exchange.deals.dealState.${s}`) }))}
            style={{ width: 180 }}
            data-testid="deals-state"
          />
          {me !== null && (
            <Select
              value={role}
              onChange={(v: string) => setParam('role', v === 'any' ? undefined : v)}
              options={DEAL_ROLES.map((r) => ({ value: r, label: t(`exchange.deals.role.${r}`) }))}
              style={{ width: 180 }}
              data-testid="deals-role"
            />
          )}
        </Space>
        <QueryState query={deals}>
          {(answer) => (
            <Table<Deal>
              rowKey="id"
              size="middle"
              columns={columns}
              dataSource={answer.items}
              locale={{ emptyText: <Empty description={t('exchange.deals.none')} /> }}
              pagination={{ current: page.current, pageSize: page.size, total: answer.total, onChange: (current, size) => setPage({ current, size }) }}
              onRow={(d) => ({ onClick: () => setParam('deal', String(d.id)), style: { cursor: 'pointer' }, 'data-testid': 'deal-row', 'data-id': d.id, 'data-state': d.state }) as React.HTMLAttributes<HTMLElement>}
              data-testid="deals-table"
            />
          )}
        </QueryState>
      </Card>
      <Impact />
      <DealDrawer id={open} onClose={() => setParam('deal', undefined)} />
    </Space>
  );
}
