/** The controls every flow view shares: the period, the layer (mass, one material, an element, energy) and the level. */
import { Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { BALANCED_ELEMENTS, BALANCE_LEVELS, type BalanceLevel, type FlowPeriod, type FlowView } from '../../api/flows';
import { useNameOf } from '../../api/hooks';
import type { Material } from '../../api/types';
import { decodeLayer, encodeLayer, layerOf, withLayer } from './view';

interface Props {
  view: FlowView;
  periods: readonly FlowPeriod[];
  materials: readonly Material[];
  onChange(view: FlowView): void;
  /** Levels the page offers (none: the level is not chosen here). */
  levels?: readonly BalanceLevel[];
}

export function PeriodSelect({ value, periods, onChange, testId = 'flow-period' }: { value: string | undefined; periods: readonly FlowPeriod[]; onChange(p: string): void; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Select
      value={value}
      onChange={onChange}
      placeholder={t('flows.field.period')}
      options={periods.map((p) => ({ value: p.period, label: p.period }))}
      showSearch
      style={{ width: 140 }}
      data-testid={testId}
    />
  );
}

export default function FlowViewControls({ view, periods, materials, onChange, levels = BALANCE_LEVELS }: Props) {
  const { t } = useTranslation();
  const nameOf = useNameOf();
  const layerOptions = [
    { value: 'mass', label: t('flows.layer.totalMass') },
    {
      label: t('flows.layer.elements'),
      options: BALANCED_ELEMENTS.map((e) => ({ value: `element:${e}`, label: t('flows.layer.element', { element: t(`flows.element.${e}`), symbol: e }) })),
    },
    { value: 'energy', label: t('flows.layer.energy') },
    {
      label: t('flows.layer.materials'),
      options: materials.map((m) => ({ value: `mass:${m.code}`, label: `${nameOf(m)} (${m.code})` })),
    },
  ];
  return (
    <Space wrap>
      <PeriodSelect value={view.period} periods={periods} onChange={(period) => onChange({ ...view, period })} />
      <Select
        value={encodeLayer(layerOf(view))}
        onChange={(v: string) => onChange(withLayer(view, decodeLayer(v)))}
        options={layerOptions}
        showSearch={{ optionFilterProp: 'label' }}
        style={{ width: 240 }}
        data-testid="flow-layer"
      />
      {levels.length > 1 && (
        <Select<BalanceLevel>
          value={view.level}
          onChange={(level) => onChange({ ...view, level })}
          options={levels.map((l) => ({ value: l, label: t(`flows.level.${l}`) }))}
          style={{ width: 140 }}
          data-testid="flow-level"
        />
      )}
    </Space>
  );
}
