/** How a manifest's state, kind, badges and parties are shown, in every manifests page alike. */
import { Space, Tag, Tooltip } from 'antd';
import { ClockCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useFormatTime, useNameOf } from '../../api/hooks';
import type { ManifestKind, ManifestPartyRef, ManifestState, ManifestSummary } from '../../api/manifestShapes';

export const STATE_COLOR: Record<ManifestState, string> = {
  draft: 'default', signed: 'cyan', in_transit: 'blue', delivered: 'geekblue', accepted: 'green', partially_rejected: 'orange',
  rejected: 'red', processed: 'purple', closed: 'default', cancelled: 'default',
};

export function StateTag({ state }: { state: ManifestState }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATE_COLOR[state]} data-testid="manifest-state" data-state={state}>
      {t(`manifests.state.${state}`)}
    </Tag>
  );
}

export function KindTag({ kind }: { kind: ManifestKind }) {
  const { t } = useTranslation();
  return <Tag color={kind === 'original' ? undefined : kind === 'return' ? 'volcano' : 'magenta'} data-testid="manifest-kind" data-kind={kind}>{t(`manifests.kind.${kind}`)}</Tag>;
}

/** The open-discrepancy and overdue marks of a manifest, each saying why. */
export function Badges({ m }: { m: Pick<ManifestSummary, 'discrepancy' | 'overdue'> }) {
  const { t } = useTranslation();
  const formatTime = useFormatTime();
  return (
    <Space size={4} wrap>
      {m.discrepancy === 'open' && (
        <Tag color="error" icon={<WarningOutlined />} data-testid="manifest-discrepancy-badge">
          {t('manifests.badge.discrepancy')}
        </Tag>
      )}
      {m.discrepancy === 'resolved' && <Tag data-testid="manifest-discrepancy-resolved">{t('manifests.badge.discrepancyResolved')}</Tag>}
      {m.overdue && (
        <Tooltip title={t(`manifests.overdue.${m.overdue.reason}`, { since: formatTime(m.overdue.since) })}>
          <Tag color="warning" icon={<ClockCircleOutlined />} data-testid="manifest-overdue-badge">
            {t('manifests.badge.overdue')}
          </Tag>
        </Tooltip>
      )}
    </Space>
  );
}

/** generator → transporter(s) → receiver. */
export function PartyChain({ m }: { m: Pick<ManifestSummary, 'generator' | 'transporters' | 'receiver'> }) {
  const nameOf = useNameOf();
  const chain: ManifestPartyRef[] = [m.generator, ...m.transporters, m.receiver];
  return <span data-testid="manifest-parties">{chain.map((p) => nameOf(p)).join(' → ')}</span>;
}

/** Whose turn it is, in words: the party and its enterprise. */
export function TurnText({ m }: { m: Pick<ManifestSummary, 'turn'> }) {
  const { t } = useTranslation();
  const nameOf = useNameOf();
  if (!m.turn) return <span data-testid="manifest-turn">–</span>;
  const side = m.turn.leg !== null ? t('manifests.party.transporterLeg', { leg: m.turn.leg }) : t(`manifests.party.${m.turn.party}`);
  return (
    <span data-testid="manifest-turn" data-party={m.turn.party}>
      {nameOf(m.turn.enterprise)} ({side})
    </span>
  );
}
