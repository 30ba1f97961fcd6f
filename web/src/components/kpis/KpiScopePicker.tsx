/**
 * Which scope the KPIs are computed for: the park, an enterprise (by its registry code) or a unit
 * (by its flow node's code). An enterprise user is offered their enterprise and its units only.
 */
import { useMemo } from 'react';
import { Segmented, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFlowNodes } from '../../api/flows';
import { useAll, useNameOf } from '../../api/hooks';
import type { KpiScopeRef } from '../../api/kpis';
import type { KpiScope } from '../../api/kpiShapes';
import type { Enterprise } from '../../api/types';
import { useUser } from '../../auth/session';

interface Props {
  value: KpiScopeRef;
  onChange(v: KpiScopeRef): void;
}

export default function KpiScopePicker({ value, onChange }: Props) {
  const { t } = useTranslation();
  const user = useUser();
  const nameOf = useNameOf();
  const enterprises = useAll<Enterprise>('enterprises');
  const nodes = useFlowNodes();
  const mine = (enterpriseId: number | null) => user.enterpriseId === null || enterpriseId === user.enterpriseId;

  const enterpriseOptions = useMemo(
    () => enterprises.items.filter((e) => mine(e.id)).map((e) => ({ value: e.code, label: `${nameOf(e)} (${e.code})` })),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [enterprises.items, nameOf, user.enterpriseId],
  );
  const unitOptions = useMemo(() => {
    const units = (nodes.data?.items ?? []).filter((n) => n.kind === 'unit' && mine(n.enterpriseId));
    // Grouped by enterprise, so that a park user finds a unit under its owner.
    return enterprises.items
      .filter((e) => mine(e.id))
      .map((e) => ({ label: nameOf(e), title: e.code, options: units.filter((n) => n.enterpriseId === e.id).map((n) => ({ value: n.code, label: `${nameOf(n)} (${n.code})` })) }))
      .filter((g) => g.options.length > 0);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [nodes.data, enterprises.items, nameOf, user.enterpriseId]);

  const levels: KpiScope[] = user.enterpriseId === null ? ['park', 'enterprise', 'unit'] : ['enterprise', 'unit'];
  const choose = (scope: KpiScope) => {
    if (scope === 'park') onChange({ scope });
    else if (scope === 'enterprise') onChange({ scope, code: enterpriseOptions[0]?.value });
    else onChange({ scope, code: unitOptions[0]?.options[0]?.value });
  };

  return (
    <Space wrap>
      <Segmented<KpiScope> value={value.scope} onChange={choose} options={levels.map((l) => ({ value: l, label: t(`kpis.scope.${l}`) }))} data-testid="kpi-scope-level" />
      {value.scope !== 'park' && (
        <Select<string>
          value={value.code}
          onChange={(code) => onChange({ scope: value.scope, code })}
          options={value.scope === 'enterprise' ? enterpriseOptions : unitOptions}
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t(`kpis.scope.choose_${value.scope}`)}
          loading={enterprises.isLoading || nodes.isLoading}
          style={{ width: 280 }}
          data-testid="kpi-scope-code"
        />
      )}
    </Space>
  );
}
