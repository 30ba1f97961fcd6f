/** Selects the forms and filters share: translated enumerations, parents, units of measure. */
import { useMemo } from 'react';
import { InputNumber, Select, Space, Tag, Typography, type SelectProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAll, useNameOf, useUnitsOfMeasure } from '../api/hooks';
import { industryColor } from './industries';

export type EnumName = 'industry' | 'unitKind' | 'deviceKind' | 'protocol' | 'tagKind' | 'category' | 'role' | 'serviceState';

/** The translated label of an enumeration value, falling back to the value itself. */
export function useEnumLabel() {
  const { t } = useTranslation();
  return (name: EnumName, value: string | null | undefined) => (value ? t(`enum.${name}.${value}`, { defaultValue: value }) : '');
}

type Omitted = 'options' | 'showSearch';

export function EnumSelect({ name, values, ...rest }: { name: EnumName; values: readonly string[] } & Omit<SelectProps<string>, Omitted>) {
  const label = useEnumLabel();
  const options = values.map((v) => ({ value: v, label: label(name, v) }));
  return <Select<string> options={options} showSearch={{ optionFilterProp: 'label' }} {...rest} />;
}

/** An industry as a tag in its own colour (text and border in the colour, a light tint behind). */
export function IndustryTag({ value }: { value: string | null | undefined }) {
  const label = useEnumLabel();
  if (!value) return null;
  const c = industryColor(value);
  return (
    <Tag style={{ color: c, background: `${c}14`, borderColor: `${c}59` }} data-testid="industry-tag" data-industry={value} data-color={c}>
      {label('industry', value)}
    </Tag>
  );
}

export function EnumTag({ name, value, color }: { name: EnumName; value: string | null | undefined; color?: string }) {
  const label = useEnumLabel();
  if (!value) return null;
  return <Tag color={color}>{label(name, value)}</Tag>;
}

interface ParentSelectProps extends Omit<SelectProps<number>, Omitted> {
  /** Filters of the options' collection, e.g. { enterpriseId }. */
  filter?: Record<string, number | undefined | null>;
}

function useParentOptions<T extends { id: number; code?: string; key?: string; name: string; nameEn: string | null }>(collection: string, filter: Record<string, number | undefined | null> = {}) {
  const clean = Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined && v !== null)) as Record<string, number>;
  const { items, isLoading } = useAll<T & { createdAt: number; updatedAt: number }>(collection, clean);
  const nameOf = useNameOf();
  const options = useMemo(
    () => items.map((r) => ({ value: r.id, label: `${nameOf(r)} (${r.code ?? r.key ?? r.id})` })),
    [items, nameOf],
  );
  return { options, isLoading };
}

function ParentSelect({ collection, filter, ...rest }: ParentSelectProps & { collection: string }) {
  const { options, isLoading } = useParentOptions(collection, filter);
  return <Select<number> options={options} loading={isLoading} showSearch={{ optionFilterProp: 'label' }} allowClear {...rest} />;
}

export const EnterpriseSelect = (p: ParentSelectProps) => <ParentSelect collection="enterprises" {...p} />;
export const SiteSelect = (p: ParentSelectProps) => <ParentSelect collection="sites" {...p} />;
export const UnitSelect = (p: ParentSelectProps) => <ParentSelect collection="units" {...p} />;
export const DeviceSelect = (p: ParentSelectProps) => <ParentSelect collection="devices" {...p} />;
export const MaterialSelect = (p: ParentSelectProps) => <ParentSelect collection="materials" {...p} />;

/** Units of measure grouped by dimension, from /api/v1/units-of-measure. */
export function UomSelect(props: Omit<SelectProps<string>, Omitted>) {
  const { t, i18n } = useTranslation();
  const { data, isLoading } = useUnitsOfMeasure();
  const options = useMemo(() => {
    const groups = new Map<string, { value: string; label: string }[]>();
    for (const u of data ?? []) {
      const label = `${u.code} · ${i18n.language === 'en' ? u.nameEn : u.name}`;
      groups.set(u.dimension, [...(groups.get(u.dimension) ?? []), { value: u.code, label }]);
    }
    return [...groups].map(([dim, opts]) => ({ label: t(`dimension.${dim}`, { defaultValue: dim }), title: dim, options: opts }));
  }, [data, i18n.language, t]);
  return <Select<string> options={options} loading={isLoading} showSearch={{ optionFilterProp: 'label' }} {...props} />;
}

/** How many steps a genealogy or a recall goes: 1 to the API's limit of 50, labelled. */
export function DepthInput({ value, onChange, testId }: { value: number; onChange(v: number): void; testId: string }) {
  const { t } = useTranslation();
  return (
    <Space size={4}>
      <Typography.Text type="secondary">{t('trace.depth')}</Typography.Text>
      <InputNumber<number> size="small" min={1} max={50} precision={0} value={value} onChange={(v) => v !== null && onChange(v)} style={{ width: 72 }} data-testid={testId} />
    </Space>
  );
}
