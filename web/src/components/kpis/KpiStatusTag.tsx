/** An indicator's standing against its target as a coloured tag: met, on track, off track, no target, no value. */
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { KpiStatus } from '../../api/kpiShapes';
import { STATUS_COLOR } from './kpiView';

export default function KpiStatusTag({ status }: { status: KpiStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOR[status] ?? 'default'} data-testid="kpi-status" data-status={status} style={{ marginInlineEnd: 0 }}>
      {t(`kpis.status.${status}`, { defaultValue: status })}
    </Tag>
  );
}
