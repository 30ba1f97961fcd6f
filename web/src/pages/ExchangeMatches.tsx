/**
 * Suggested matches (撮合): the park's optimal allocation (POST /exchange/plans) on a plain map of
 * the park and as a Sankey, each candidate with its explanation in the user's language, the pairs
 * that were excluded and why, and the what-if panel (carbon price, plants taken out, a listing's
 * quantity or price) with the objective before → after. A party to a candidate may propose a deal.
 */
import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Col, Empty, Form, InputNumber, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { DeleteOutlined, PlusOutlined, SwapOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import {
  useMarketById, usePlan, useProposeDeal, useWhatIf, type DealTerms, type MarketListing, type PlanAnswer, type PlanCandidate,
} from '../api/exchange';
import { useSession, useUser } from '../auth/session';
import EChart from '../components/EChart';
import { EnterpriseSelect } from '../components/fields';
import { exchangeSankeyOption, type SuggestedFlow } from '../components/exchange/flowSankey';
import { exclusionText, explanationText, type ExplainContext } from '../components/exchange/explain';
import { MAP_GRID, parkMapOption, type MapMatch, type MapSite } from '../components/exchange/mapOption';
import TermsModal, { defaultTerms } from '../components/exchange/TermsModal';
import { useExchangeNames } from '../components/exchange/useExchangeNames';
import { objectiveChange, overridesOf, type WhatIfValues } from '../components/exchange/whatIf';
import { formatNumber } from '../components/flows/format';
import QueryState from '../components/QueryState';

type Names = ReturnType<typeof useExchangeNames>;
type Listings = Map<number, MarketListing>;

/** A party's node key: the enterprise, or the listing itself when the enterprise is not shown. */
const partyKey = (l: MarketListing | undefined, listingId: number) => (l?.enterpriseId ? `e:${l.enterpriseId}` : `anon:${listingId}`);

function ParkMap({ plan, listings, names }: { plan: PlanAnswer; listings: Listings; names: Names }) {
  const { t, i18n } = useTranslation();
  const { sites, matches } = useMemo(() => {
    const roles = new Map<number, MapSite['role']>();
    const mark = (siteId: number | null | undefined, role: 'offer' | 'demand') => {
      if (!siteId) return;
      const was = roles.get(siteId);
      roles.set(siteId, was && was !== role && was !== 'none' ? 'both' : role);
    };
    const matches: MapMatch[] = [];
    for (const c of plan.candidates) {
      const o = listings.get(c.offer);
      const d = listings.get(c.demand);
      if (c.quantity > 0) {
        mark(o?.siteId, 'offer');
        mark(d?.siteId, 'demand');
        if (o?.siteId && d?.siteId) matches.push({ from: o.siteId, to: d.siteId, quantity: c.quantity, label: `${names.materialName(o.materialCode)} (${o.materialUnit ?? names.unitOfMaterial(o.materialId)})` });
      }
    }
    for (const l of listings.values()) if (l.siteId && !roles.has(l.siteId)) roles.set(l.siteId, 'none');
    const sites: MapSite[] = [];
    for (const [id, role] of roles) {
      const s = names.siteById.get(id);
      if (s && typeof s.lat === 'number' && typeof s.lng === 'number') sites.push({ id, label: names.siteName(id), lat: s.lat, lng: s.lng, role });
    }
    return { sites, matches };
  }, [plan, listings, names]);
  const option = useMemo(() => parkMapOption(sites, matches, { sites: t('exchange.matches.mapSites'), matches: t('exchange.matches.mapMatches') }, (n) => formatNumber(n, i18n.language)), [sites, matches, t, i18n.language]);
  return (
    <Card size="small" title={t('exchange.matches.map')} extra={<Typography.Text type="secondary">{t('exchange.matches.mapHelp')}</Typography.Text>} data-testid="exchange-map" data-sites={sites.length} data-lines={matches.length}>
      {sites.length === 0 ? <Empty description={t('exchange.matches.noCoordinates')} /> : <EChart option={option} style={{ height: MAP_GRID.height + 64 }} data-testid="exchange-map-chart" />}
    </Card>
  );
}

function PlanSankey({ plan, listings, names }: { plan: PlanAnswer; listings: Listings; names: Names }) {
  const { t, i18n } = useTranslation();
  const flows: SuggestedFlow[] = useMemo(
    () =>
      plan.candidates
        .filter((c) => c.quantity > 0)
        .map((c) => {
          const o = listings.get(c.offer);
          const d = listings.get(c.demand);
          return { from: partyKey(o, c.offer), to: partyKey(d, c.demand), material: o?.materialCode ?? `#${c.offer}`, quantity: c.quantity };
        }),
    [plan, listings],
  );
  const option = useMemo(
    () =>
      exchangeSankeyOption(flows, {
        partyName: (k) => (k.startsWith('e:') ? names.enterpriseName(Number(k.slice(2))) : t('exchange.anonymous')),
        materialName: (c) => names.materialName(c),
        unitOf: (c) => names.unitOfCode(c),
        fmt: (n) => formatNumber(n, i18n.language),
      }),
    [flows, names, t, i18n.language],
  );
  return (
    <Card size="small" title={t('exchange.matches.sankey')} extra={<Typography.Text type="secondary">{t('exchange.matches.sankeyHelp')}</Typography.Text>} data-testid="exchange-sankey" data-links={flows.length}>
      {flows.length === 0 ? <Empty description={t('exchange.matches.noMatches')} /> : <EChart option={option} style={{ height: 420 }} data-testid="exchange-sankey-chart" />}
    </Card>
  );
}

function Summary({ plan, before }: { plan: PlanAnswer; before: PlanAnswer | null }) {
  const { t, i18n } = useTranslation();
  const fmt = (n: number) => formatNumber(n, i18n.language);
  const change = before ? objectiveChange(before.objective, plan.objective) : null;
  return (
    <Row gutter={16} data-testid="plan-summary" data-objective={plan.objective}>
      <Col xs={12} md={6}>
        <Statistic title={<span title={t('exchange.matches.objectiveHelp')}>{t('exchange.matches.objective')}</span>} value={fmt(plan.objective)} suffix="CNY" data-testid="plan-objective" />
        {before && change && (
          <Typography.Text type={change.delta >= 0 ? 'success' : 'danger'} data-testid="plan-objective-change" data-before={before.objective} data-after={plan.objective}>
            {t('exchange.matches.beforeAfter', { before: fmt(before.objective), after: fmt(plan.objective) })} ({change.delta >= 0 ? '+' : ''}
            {fmt(change.delta)}
            {change.percent !== null ? `, ${change.delta >= 0 ? '+' : ''}${formatNumber(change.percent, i18n.language)} %` : ''})
          </Typography.Text>
        )}
      </Col>
      <Col xs={12} md={6}>
        <Statistic title={t('exchange.matches.moved')} value={fmt(plan.totals.movedT)} suffix="t" />
      </Col>
      <Col xs={12} md={6}>
        <Statistic title={t('exchange.matches.savesCny')} value={fmt(plan.totals.savesCny)} suffix="CNY" />
      </Col>
      <Col xs={12} md={6}>
        <Statistic title={t('exchange.matches.savesTCo2')} value={fmt(plan.totals.savesTCo2)} suffix="t CO₂" />
      </Col>
      <Col span={24}>
        <Space wrap separator="·">
          <Typography.Text type="secondary">
            {t('exchange.matches.period')}: {plan.period.from} – {plan.period.to}
          </Typography.Text>
          <Typography.Text type="secondary" data-testid="plan-carbon-price">
            {t('exchange.matches.carbonPrice')}: {fmt(plan.carbonPriceCnyPerT)} CNY/t CO₂
          </Typography.Text>
          <Typography.Text type="secondary">
            {t('exchange.matches.greedy')}: {fmt(plan.greedyObjective)} CNY
          </Typography.Text>
          {plan.objective > plan.greedyObjective && <Typography.Text type="secondary">{t('exchange.matches.gain', { value: fmt(plan.objective - plan.greedyObjective) })}</Typography.Text>}
          <Typography.Text type="secondary">
            {t('exchange.matches.solver', { name: plan.solver.name, status: plan.solver.status, variables: plan.solver.variables, integers: plan.solver.integers, ms: fmt(plan.solver.ms) })}
          </Typography.Text>
        </Space>
      </Col>
    </Row>
  );
}

function WhatIfPanel({ base, listings, names, pending, onSolve, onReset }: { base: PlanAnswer; listings: Listings; names: Names; pending: boolean; onSolve(v: WhatIfValues): void; onReset(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<WhatIfValues>();
  const listingOptions = [...listings.values()]
    .filter((l) => base.offers.some((o) => o.id === l.id) || base.demands.some((d) => d.id === l.id))
    .map((l) => ({ value: l.id, label: `${t(`exchange.side.${l.side}`)} · ${l.title} · ${l.enterpriseId === null ? t('exchange.anonymous') : names.enterpriseName(l.enterpriseId)}` }));
  return (
    <Card size="small" title={t('exchange.matches.whatIf')} data-testid="what-if">
      <Typography.Paragraph type="secondary">{t('exchange.matches.whatIfHelp')}</Typography.Paragraph>
      <Form<WhatIfValues> form={form} layout="vertical" initialValues={{ carbonPriceCnyPerT: base.carbonPriceCnyPerT, excludeEnterprises: [], changes: [] }} onFinish={(v) => onSolve(v)}>
        <Row gutter={16}>
          <Col xs={24} md={6}>
            <Form.Item name="carbonPriceCnyPerT" label={`${t('exchange.matches.carbonPrice')} (CNY/t CO₂)`}>
              <InputNumber min={0} max={10000} style={{ width: '100%' }} data-testid="what-if-carbon" />
            </Form.Item>
          </Col>
          <Col xs={24} md={18}>
            <Form.Item name="excludeEnterprises" label={t('exchange.matches.excludeEnterprises')}>
              <EnterpriseSelect mode="multiple" data-testid="what-if-exclude" />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Text strong>{t('exchange.matches.changes')}</Typography.Text>
        <Form.List name="changes">
          {(fields, { add, remove }) => (
            <div style={{ marginTop: 8 }}>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" style={{ display: 'flex' }} data-testid="what-if-change">
                  <Form.Item name={[f.name, 'listing']} rules={[{ required: true, message: t('validation.required') }]} style={{ width: 420 }}>
                    <Select placeholder={t('exchange.matches.listing')} options={listingOptions} showSearch={{ optionFilterProp: 'label' }} data-testid="what-if-listing" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'quantity']}>
                    <InputNumber min={0} placeholder={t('exchange.matches.newQuantity')} style={{ width: 150 }} data-testid="what-if-quantity" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'price']}>
                    <InputNumber placeholder={t('exchange.matches.newPrice')} style={{ width: 170 }} data-testid="what-if-price" />
                  </Form.Item>
                  <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('action.delete')} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} data-testid="what-if-add">
                {t('exchange.matches.addChange')}
              </Button>
            </div>
          )}
        </Form.List>
        <Space style={{ marginTop: 16 }}>
          <Button type="primary" htmlType="submit" icon={<SwapOutlined />} loading={pending} data-testid="what-if-solve">
            {t('exchange.matches.solve')}
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              onReset();
            }}
            data-testid="what-if-reset"
          >
            {t('exchange.matches.reset')}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}

export default function ExchangeMatchesPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const fmt = (n: number) => formatNumber(n, lang);
  const { message } = App.useApp();
  const navigate = useNavigate();
  const user = useUser();
  const { can } = useSession();
  const names = useExchangeNames();
  const market = useMarketById();
  const base = usePlan();
  const whatIf = useWhatIf();
  const propose = useProposeDeal();
  const [proposing, setProposing] = useState<PlanCandidate | null>(null);
  const [terms, setTerms] = useState<DealTerms | null>(null);
  const listings = market.byId;
  const ctx: ExplainContext = { t: t as ExplainContext['t'], lang };
  const me = user.enterpriseId ?? null;
  const shown = whatIf.data ?? base.data;

  const listingName = (id: number) => {
    const l = listings.get(id);
    if (!l) return `#${id}`;
    return `${l.enterpriseId === null ? t('exchange.anonymous') : names.enterpriseName(l.enterpriseId)} · ${l.title}`;
  };
  const unitOfListing = (id: number) => {
    const l = listings.get(id);
    return l ? (l.materialUnit ?? names.unitOfMaterial(l.materialId)) : '';
  };
  const isParty = (c: PlanCandidate) => me !== null && (listings.get(c.offer)?.enterpriseId === me || listings.get(c.demand)?.enterpriseId === me);

  const explain = (c: PlanCandidate) => {
    const o = listings.get(c.offer);
    const d = listings.get(c.demand);
    return explanationText(c.explanation, { offered: names.materialName(o?.materialCode) || `#${c.offer}`, replaces: names.materialName(d?.materialCode) || `#${c.demand}`, unit: unitOfListing(c.offer) }, ctx);
  };

  const candidateColumns: ColumnsType<PlanCandidate> = [
    { title: t('exchange.matches.offer'), key: 'offer', render: (_: unknown, c) => listingName(c.offer), width: 220 },
    { title: t('exchange.matches.demand'), key: 'demand', render: (_: unknown, c) => listingName(c.demand), width: 220 },
    { title: t('exchange.matches.quantity'), key: 'quantity', align: 'right', render: (_: unknown, c) => `${fmt(c.quantity)} ${unitOfListing(c.offer)}` },
    { title: t('exchange.matches.maxQuantity'), key: 'max', align: 'right', render: (_: unknown, c) => fmt(c.maxQuantity) },
    { title: t('exchange.matches.unitNetBenefit'), key: 'unit', align: 'right', render: (_: unknown, c) => `${fmt(c.unitNetBenefit)} CNY` },
    { title: t('exchange.matches.explanation'), key: 'explanation', render: (_: unknown, c) => <span data-testid="candidate-explanation">{explain(c)}</span> },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_: unknown, c) =>
        isParty(c) && can('propose', 'exchange_deal') && c.quantity > 0 ? (
          <Button
            size="small"
            onClick={() => {
              propose.reset();
              setProposing(c);
              setTerms(defaultTerms(c.quantity, listings.get(c.offer)?.priceCnyPerUnit ?? null));
            }}
            data-testid="candidate-propose"
          >
            {t('exchange.matches.propose')}
          </Button>
        ) : null,
    },
  ];

  const submitProposal = async (dealTerms: DealTerms, note: string | undefined) => {
    if (!proposing) return;
    try {
      await propose.mutateAsync({ offerId: proposing.offer, demandId: proposing.demand, terms: dealTerms, note, explanation: proposing.explanation });
      setProposing(null);
      message.success(t('exchange.matches.proposed'));
      navigate('/exchange/deals');
    } catch {
      // shown in the modal
    }
  };

  return (
    <Card
      title={t('exchange.title.matches')}
      data-testid="exchange-matches-page"
      extra={
        <Button onClick={() => void base.refetch()} loading={base.isFetching} data-testid="plan-run">
          {t('exchange.matches.run')}
        </Button>
      }
    >
      <QueryState query={base}>
        {(basePlan) => (
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            {whatIf.data && <Alert type="info" showIcon title={t('exchange.matches.showingWhatIf')} data-testid="what-if-shown" />}
            {whatIf.error ? <Alert type="error" showIcon title={String((whatIf.error as Error).message)} data-testid="what-if-error" /> : null}
            <Summary plan={shown ?? basePlan} before={whatIf.data ? basePlan : null} />
            <WhatIfPanel
              base={basePlan}
              listings={listings}
              names={names}
              pending={whatIf.isPending}
              onSolve={(v) => whatIf.mutate(overridesOf(v, basePlan.carbonPriceCnyPerT))}
              onReset={() => whatIf.reset()}
            />
            <ParkMap plan={shown ?? basePlan} listings={listings} names={names} />
            <PlanSankey plan={shown ?? basePlan} listings={listings} names={names} />
            <Card size="small" title={t('exchange.matches.candidates')}>
              <Table<PlanCandidate>
                rowKey={(c) => `${c.offer}-${c.demand}`}
                size="small"
                columns={candidateColumns}
                dataSource={[...(shown ?? basePlan).candidates].sort((a, b) => b.quantity * b.unitNetBenefit - a.quantity * a.unitNetBenefit)}
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
                locale={{ emptyText: <Empty description={t('exchange.matches.noMatches')} /> }}
                data-testid="candidates-table"
                onRow={(c) => ({ 'data-testid': 'candidate-row', 'data-offer': c.offer, 'data-demand': c.demand, 'data-quantity': c.quantity }) as React.HTMLAttributes<HTMLElement>}
              />
            </Card>
            <Card size="small" title={t('exchange.matches.excluded')} extra={<Typography.Text type="secondary">{t('exchange.matches.excludedHelp')}</Typography.Text>}>
              <Table
                rowKey={(e) => `${e.offer}-${e.demand}`}
                size="small"
                dataSource={(shown ?? basePlan).excluded}
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
                locale={{ emptyText: <Empty description={t('exchange.matches.noExcluded')} /> }}
                data-testid="excluded-table"
                onRow={(e) => ({ 'data-testid': 'excluded-row', 'data-offer': e.offer, 'data-demand': e.demand, 'data-codes': e.reasons.map((r) => r.code).join('|') }) as React.HTMLAttributes<HTMLElement>}
                columns={[
                  { title: t('exchange.matches.offer'), key: 'offer', render: (_: unknown, e) => listingName(e.offer), width: 260 },
                  { title: t('exchange.matches.demand'), key: 'demand', render: (_: unknown, e) => listingName(e.demand), width: 260 },
                  {
                    title: t('exchange.matches.reasons'),
                    key: 'reasons',
                    render: (_: unknown, e) => (
                      <Space orientation="vertical" size={0}>
                        {e.reasons.map((r, i) => (
                          <span key={i} data-testid="excluded-reason" data-code={r.code}>
                            <Tag color="red">{r.code}</Tag>
                            {exclusionText(r, ctx)}
                          </span>
                        ))}
                      </Space>
                    ),
                  },
                ]}
              />
            </Card>
          </Space>
        )}
      </QueryState>
      <TermsModal
        open={!!proposing}
        title={t('exchange.matches.proposeTitle')}
        initial={terms}
        unit={proposing ? unitOfListing(proposing.offer) : ''}
        pending={propose.isPending}
        error={propose.error}
        onCancel={() => setProposing(null)}
        onSubmit={(tm, note) => void submitProposal(tm, note)}
        testId="propose-modal"
      />
    </Card>
  );
}
