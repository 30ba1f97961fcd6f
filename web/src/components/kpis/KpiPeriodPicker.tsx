/** The period of the KPIs: a month, a quarter or a year that holds some of the ledger's months. */
import { Segmented, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { PERIOD_KINDS, type PeriodKind } from '../../api/kpiShapes';
import { parsePeriod, periodChoices, periodOfMonth } from './period';

interface Props {
  value: string | undefined;
  /** The ledger's months ('YYYY-MM'). */
  months: readonly string[];
  onChange(period: string): void;
  /** The grains offered (default: month, quarter, year). */
  kinds?: readonly PeriodKind[];
  testId?: string;
}

export default function KpiPeriodPicker({ value, months, onChange, kinds = PERIOD_KINDS, testId = 'kpi-period' }: Props) {
  const { t } = useTranslation();
  const kind: PeriodKind = (value && parsePeriod(value)?.kind) || 'month';
  const choices = periodChoices(months, kind);
  const options = (value && !choices.includes(value) ? [value, ...choices] : choices).map((p) => ({ value: p, label: p }));
  // Another grain keeps the time in view: the quarter or year of the month shown (or its latest).
  const switchKind = (next: PeriodKind) => {
    const p = value ? parsePeriod(value) : null;
    const month = p?.kind === 'month' ? value! : [...months].sort().reverse().find((m) => !value || periodOfMonth(m, p!.kind) === value);
    if (month) onChange(periodOfMonth(month, next));
  };
  return (
    <Space wrap>
      <Segmented<PeriodKind> value={kind} onChange={switchKind} options={kinds.map((k) => ({ value: k, label: t(`kpis.period.${k}`) }))} data-testid={`${testId}-kind`} />
      <Select<string> value={value} onChange={onChange} options={options} style={{ width: 130 }} data-testid={testId} />
    </Space>
  );
}
