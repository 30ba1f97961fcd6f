/**
 * Why an indicator has no value: the inputs that were missing, each in words where the console
 * knows the name, with the API's own name beside it (so it can be looked up and supplied).
 */
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { readMissing, translatableName } from './kpiView';

export function useMissingText() {
  const { t } = useTranslation();
  return (raw: string): string => {
    const m = readMissing(raw);
    const words = translatableName(m.name) ? t(`kpis.input.${m.name}`, { defaultValue: '' }) : '';
    const named = words ? `${words} (${raw})` : raw;
    return m.positive && words ? t('kpis.missing.positive', { name: named }) : named;
  };
}

export default function KpiMissing({ missing, style }: { missing: readonly string[]; style?: React.CSSProperties }) {
  const { t } = useTranslation();
  const text = useMissingText();
  if (!missing.length) return null;
  return (
    <Typography.Text type="warning" style={{ fontSize: 12, ...style }} data-testid="kpi-missing" data-missing={missing.join('|')}>
      {t('kpis.missing.lead')} {missing.map(text).join(t('kpis.missing.separator'))}
    </Typography.Text>
  );
}
