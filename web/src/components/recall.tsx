/**
 * The parts of a recall impact report: who holds material of the recalled lot (per enterprise: how
 * many lots, how many of them endpoints, the attributed quantities there), and every downstream lot
 * with who recorded the events leading to it (and, for a report with unconfirmed links, whether
 * they are confirmed and why not).
 */
import { Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNameOf } from '../api/hooks';
import { useFormatValue } from '../api/telemetry';
import type { HolderRef, RecallHolder, RecallLot } from '../api/trace';
import { uomSymbol } from './identifiers';
import { ConfirmedTag, RefCell } from './TraceExplorer';

/** Quantities by unit of measure as "2.3 t · 400 kg". */
export function Quantities({ quantities }: { quantities: Record<string, number> }) {
  const fmt = useFormatValue();
  const parts = Object.entries(quantities).map(([uom, q]) => `${fmt(q)} ${uomSymbol(uom)}`.trim());
  return <span data-testid="holder-quantities">{parts.join(' · ')}</span>;
}

export function HolderName({ holder }: { holder: HolderRef }) {
  const nameOf = useNameOf();
  return (
    <span>
      {nameOf(holder)} <Typography.Text type="secondary">({holder.code})</Typography.Text>
    </span>
  );
}

export function HoldersTable({ holders }: { holders: RecallHolder[] }) {
  const { t } = useTranslation();
  return (
    <Table<RecallHolder>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={holders}
      scroll={{ x: 'max-content' }}
      data-testid="recall-holders"
      onRow={(h) => ({ 'data-code': h.code }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        { key: 'holder', title: t('recall.holder'), render: (_, h) => <HolderName holder={h} /> },
        { key: 'lots', title: t('recall.lots'), dataIndex: 'lots', align: 'right' },
        { key: 'endpoints', title: t('recall.endpointLots'), dataIndex: 'endpoints', align: 'right' },
        { key: 'quantities', title: t('recall.heldQuantity'), align: 'right', render: (_, h) => <Quantities quantities={h.quantities} /> },
      ]}
    />
  );
}

/** Lots at the report's depth were not followed further (`cutOff`): whether they are endpoints is not known. */
export function LotsTable({ lots, unconfirmed = false }: { lots: RecallLot[]; unconfirmed?: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormatValue();
  const nameOf = useNameOf();
  return (
    <Table<RecallLot>
      rowKey="ref"
      size="small"
      // Every lot on screen and on paper: a recall list is printed whole.
      pagination={false}
      dataSource={lots}
      scroll={{ x: 'max-content' }}
      data-testid="recall-lots"
      onRow={(l) => ({ 'data-ref': l.ref, 'data-endpoint': l.endpoint ? '1' : '0', 'data-confirmed': l.confirmed === false ? '0' : '1' }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        { key: 'ref', title: t('trace.identifier'), render: (_, l) => <RefCell refId={l.ref} handle={l.handle} /> },
        { key: 'depth', title: t('recall.step'), dataIndex: 'depth', align: 'right' },
        {
          key: 'quantity',
          title: t('trace.quantity'),
          align: 'right',
          render: (_, l) => (
            <span data-testid="lot-quantity" title={l.uom ?? undefined}>
              {`${fmt(l.quantity)} ${l.quantity === null ? '' : uomSymbol(l.uom)}`.trim()}
            </span>
          ),
        },
        {
          key: 'holders',
          title: t('recall.holders'),
          render: (_, l) => <span data-testid="lot-holders">{l.holders.map((h) => nameOf(h)).join('、')}</span>,
        },
        {
          key: 'recordedBy',
          title: t('trace.recordedBy'),
          render: (_, l) => (
            <span data-testid="lot-recorded-by">
              {(l.recordedBy ?? []).map((r) => `${r.code ?? `#${r.enterpriseId}`} (${r.user ?? t('trace.unknownUser')})`).join('、')}
            </span>
          ),
        },
        ...(unconfirmed
          ? [{ key: 'confirmed', title: t('trace.status'), render: (_: unknown, l: RecallLot) => <ConfirmedTag confirmed={l.confirmed !== false} reason={l.reasons?.join('; ')} /> }]
          : []),
        {
          key: 'endpoint',
          title: t('recall.endpoint'),
          render: (_, l) => (
            <Space size={4} data-testid="lot-endpoint">
              {l.cutOff ? (
                <Tag color="orange">{t('recall.notFollowed')}</Tag>
              ) : l.endpoint ? (
                <Tag color="red">{t('recall.endpointYes')}</Tag>
              ) : (
                <Tag>{t('recall.endpointNo')}</Tag>
              )}
            </Space>
          ),
        },
      ]}
    />
  );
}
