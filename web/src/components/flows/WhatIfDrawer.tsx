/**
 * What if: the balance table's flows with their measured values and standard deviations editable
 * (or marked unmeasured), re-run through the stateless reconciliation (`POST /flows/reconcile`,
 * nothing stored), and the answer beside the current one: the global test, the suspects, and the
 * flows whose reconciled value moved most.
 */
import { useMemo, useState } from 'react';
import { Button, Checkbox, Descriptions, Drawer, Input, InputNumber, List, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useReconcile, type BalanceFlow, type Balances, type ReconcileAnswer } from '../../api/flows';
import { ErrorAlert } from '../errors';
import { formatNumber, formatProbability, formatStat } from './format';
import { measuredOf, networkOf, stockNodeOf, type FlowEdit } from './whatIf';

/** The significance the reconciliation tests at by default (POST /flows/reconcile without alpha). */
const TEST_ALPHA = 0.05;
/** How many moved flows the result lists. */
const MOVED_SHOWN = 8;

interface Props {
  open: boolean;
  onClose(): void;
  balances: Balances;
  nodeName(code: string): string;
  materialName(code: string): string;
}

export default function WhatIfDrawer({ open, onClose, balances, nodeName, materialName }: Props) {
  const { t } = useTranslation();
  return (
    <Drawer open={open} onClose={onClose} title={t('flows.whatIf.title')} size={960} destroyOnHidden data-testid="whatif-drawer">
      {open && <WhatIf balances={balances} nodeName={nodeName} materialName={materialName} />}
    </Drawer>
  );
}

function WhatIf({ balances, nodeName, materialName }: Omit<Props, 'open' | 'onClose'>) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [edits, setEdits] = useState<ReadonlyMap<string, FlowEdit>>(new Map());
  const [search, setSearch] = useState('');
  const reconcile = useReconcile();
  const network = useMemo(() => networkOf(balances.nodes, balances.flows, edits), [balances, edits]);
  const inNetwork = useMemo(() => new Set(network.flows.map((f) => f.id)), [network]);
  const flowLabel = (f: Pick<BalanceFlow, 'fromCode' | 'toCode' | 'materialCode'>) => `${nodeName(f.fromCode)} → ${nodeName(f.toCode)} · ${materialName(f.materialCode)}`;
  const matches = (f: BalanceFlow) => !search || `${flowLabel(f)} ${f.key}`.toLowerCase().includes(search.toLowerCase());
  const rows = balances.flows.filter((f) => inNetwork.has(f.key) && matches(f));

  const edit = (f: BalanceFlow, change: Partial<FlowEdit>) =>
    setEdits((old) => {
      const next = new Map(old);
      const current = old.get(f.key) ?? measuredOf(f);
      next.set(f.key, { ...current, ...change });
      return next;
    });
  const valueOf = (f: BalanceFlow) => edits.get(f.key) ?? measuredOf(f);

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{t('flows.whatIf.help')}</Typography.Paragraph>
      <Space wrap>
        <Input.Search allowClear placeholder={t('flows.whatIf.search')} onSearch={setSearch} onChange={(e) => !e.target.value && setSearch('')} style={{ width: 280 }} data-testid="whatif-search" />
        <Button type="primary" loading={reconcile.isPending} onClick={() => reconcile.mutate(network)} data-testid="whatif-run">
          {t('flows.whatIf.run')}
        </Button>
        <Button onClick={() => { setEdits(new Map()); reconcile.reset(); }} disabled={edits.size === 0} data-testid="whatif-reset">
          {t('flows.whatIf.reset')}
        </Button>
        <Typography.Text type="secondary" data-testid="whatif-changed" data-count={edits.size}>{t('flows.whatIf.changed', { count: edits.size })}</Typography.Text>
      </Space>
      <Table<BalanceFlow>
        rowKey="key"
        size="small"
        dataSource={rows}
        pagination={{ pageSize: 10, showSizeChanger: false }}
        onRow={(f) => ({ 'data-testid': 'whatif-row', 'data-key': f.key }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { key: 'flow', title: t('flows.balances.flow'), render: (_, f) => flowLabel(f) },
          {
            key: 'value',
            title: `${t('flows.whatIf.value')} (${balances.unit})`,
            render: (_, f) => {
              const v = valueOf(f);
              return <InputNumber size="small" min={0} value={v.value} disabled={v.value === null} onChange={(value) => value !== null && edit(f, { value })} style={{ width: 130 }} data-testid="whatif-value" />;
            },
          },
          {
            key: 'sd',
            title: t('flows.whatIf.sd'),
            render: (_, f) => {
              const v = valueOf(f);
              return <InputNumber size="small" min={0} value={v.sd} disabled={v.value === null} onChange={(sd) => sd !== null && edit(f, { sd })} style={{ width: 110 }} data-testid="whatif-sd" />;
            },
          },
          {
            key: 'unmeasured',
            title: t('flows.whatIf.unmeasured'),
            render: (_, f) => {
              const v = valueOf(f);
              return (
                <Checkbox
                  checked={v.value === null}
                  // Measured again: back to the table's value (or 0 for a flow the table had unmeasured).
                  onChange={(e) => edit(f, e.target.checked ? { value: null } : { value: f.measured ?? 0, sd: measuredOf(f).sd })}
                  data-testid="whatif-unmeasured"
                />
              );
            },
          },
        ]}
      />
      <ErrorAlert error={reconcile.error} testId="whatif-error" />
      {reconcile.data && <WhatIfResult answer={reconcile.data} balances={balances} nodeName={nodeName} flowLabel={flowLabel} lang={lang} />}
    </Space>
  );
}

function WhatIfResult({ answer, balances, nodeName, flowLabel, lang }: { answer: ReconcileAnswer; balances: Balances; nodeName(code: string): string; flowLabel(f: BalanceFlow): string; lang: string }) {
  const { t } = useTranslation();
  const now = balances.reconciliation;
  const passed = answer.pValue >= TEST_ALPHA;
  const byKey = new Map(balances.flows.map((f) => [f.key, f]));
  const moved = answer.flows
    .flatMap((a) => {
      const f = byKey.get(a.id);
      return f && f.reconciled !== null ? [{ flow: f, before: f.reconciled, after: a.value }] : [];
    })
    .sort((x, y) => Math.abs(y.after - y.before) - Math.abs(x.after - x.before))
    .slice(0, MOVED_SHOWN)
    .filter((m) => Math.abs(m.after - m.before) > 1e-9 * Math.max(1, Math.abs(m.before)));
  const nameOfId = (id: string) => {
    const f = byKey.get(id);
    if (f) return flowLabel(f);
    // A node of the network (a nodal test), or the stock change of one.
    return nodeName(stockNodeOf(id) ?? id);
  };
  const test = (p: { chiSquare: number | null; dof: number | null; pValue: number | null }) =>
    `χ² ${formatStat(p.chiSquare, lang)} · ${t('flows.balances.dof')} ${p.dof ?? '–'} · p ${formatProbability(p.pValue, lang)}`;
  const verdict = (ok: boolean | null) => (ok === null ? t('flows.balances.notTested') : ok ? t('flows.balances.passed') : t('flows.balances.failed'));
  return (
    <div data-testid="whatif-result" data-chi-square={answer.chiSquare} data-passed={passed ? '1' : '0'}>
      <Typography.Title level={5}>{t('flows.whatIf.result')}</Typography.Title>
      <Descriptions
        size="small"
        bordered
        column={1}
        items={[
          { key: 'now', label: t('flows.whatIf.now'), children: now.problem ? '–' : `${test(now)} · ${verdict(now.passed)}` },
          {
            key: 'whatIf',
            label: t('flows.whatIf.whatIf'),
            children: (
              <Space>
                {test(answer)}
                <Tag color={passed ? 'success' : 'error'} data-testid="whatif-verdict">{verdict(passed)}</Tag>
              </Space>
            ),
          },
          { key: 'suspects', label: t('flows.whatIf.suspects'), children: answer.suspects.length ? answer.suspects.map((s) => `${nameOfId(s.id)} (z = ${formatStat(s.z, lang)})`).join('; ') : t('flows.whatIf.none') },
        ]}
      />
      {moved.length > 0 && (
        <List
          size="small"
          style={{ marginTop: 12 }}
          dataSource={moved}
          renderItem={(m) => (
            <List.Item data-testid="whatif-moved">
              <span>{flowLabel(m.flow)}</span>
              <span>
                {formatNumber(m.before, lang)} → <b>{formatNumber(m.after, lang)}</b> {balances.unit}
              </span>
            </List.Item>
          )}
        />
      )}
    </div>
  );
}
