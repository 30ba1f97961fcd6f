/**
 * Flow-meter links (计量点关联): a tag — a flow, mass or energy meter — whose total over a period is
 * one flow of the ledger, from one node to another, of one material. The telemetry source totals
 * the tag (the integral of a rate, or a counter's increase) in the link's unit, with the meter's
 * accuracy as its standard deviation. A link belongs to its tag's enterprise.
 */
import { useMemo } from 'react';
import { Alert, Form, InputNumber, Radio, Select, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { METER_METHODS, type MeterLink } from '../api/flows';
import { useAll, useNameOf } from '../api/hooks';
import type { Tag as RegistryTag } from '../api/types';
import { UomSelect } from '../components/fields';
import FlowEndsFields from '../components/flows/FlowEndsFields';
import { useFlowNames } from '../components/flows/useFlowNames';
import ResourcePage, { type FormSpec } from '../components/ResourcePage';
import { LinkedName, required, useLookups, useSeesAllEnterprises } from './common';

/** The tag kinds that total into a flow: what flows, its mass, or the energy carried. */
const METERED_KINDS: ReadonlySet<string> = new Set(['flow', 'mass', 'energy']);

function useMeteredTags() {
  const tags = useAll<RegistryTag>('tags');
  return useMemo(() => tags.items.filter((tag) => METERED_KINDS.has(tag.kind)), [tags.items]);
}

export default function FlowMeterLinksPage() {
  const { t } = useTranslation();
  const nameOf = useNameOf();
  const all = useSeesAllEnterprises();
  const { enterprises } = useLookups({ enterprises: all });
  const names = useFlowNames();
  const metered = useMeteredTags();
  const tagById = useMemo(() => new Map(metered.map((tag) => [tag.id, tag])), [metered]);

  const tagOptions = metered.map((tag) => ({ value: tag.id, label: `${tag.key} · ${nameOf(tag)}${tag.unit ? ` (${tag.unit})` : ''}` }));

  const columns: ColumnsType<MeterLink> = [
    {
      title: t('flows.field.tag'),
      key: 'tag',
      render: (_: unknown, r) => {
        const tag = tagById.get(r.tagId);
        return tag ? <span title={nameOf(tag)}>{tag.key}</span> : `#${r.tagId}`;
      },
    },
    ...(all ? [{ title: t('flows.field.enterprise'), key: 'enterprise', render: (_: unknown, r: MeterLink) => <LinkedName to={`/enterprises/${r.enterpriseId}`} row={enterprises.get(r.enterpriseId)} missing={r.enterpriseId} /> }] : []),
    { title: t('flows.field.from'), dataIndex: 'from', render: (v: string) => <span title={v}>{names.nodeName(v)}</span> },
    { title: t('flows.field.to'), dataIndex: 'to', render: (v: string) => <span title={v}>{names.nodeName(v)}</span> },
    { title: t('flows.field.material'), dataIndex: 'material', render: (v: string) => <span title={v}>{names.materialName(v)}</span> },
    { title: t('flows.field.method'), dataIndex: 'method', render: (v: string) => <Tag>{t(`flows.meterLinks.method.${v}`)}</Tag> },
    { title: t('flows.field.unit'), dataIndex: 'unit' },
    { title: t('flows.field.accuracy'), dataIndex: 'accuracyPercent', align: 'right', render: (v: number) => `${v} %` },
  ];

  const form: FormSpec<MeterLink> = {
    width: 560,
    defaults: { method: 'integral', accuracyPercent: 1 },
    render: (f) => (
      <>
        <Form.Item name="tagId" label={t('flows.field.tag')} extra={t('flows.meterLinks.tagHelp')} rules={[required(t)]}>
          <Select options={tagOptions} showSearch={{ optionFilterProp: 'label' }} data-testid="field-tag" />
        </Form.Item>
        <FlowEndsFields form={f} nodes={names.nodes} materials={names.materials} testIdPrefix="field" />
        <Form.Item name="method" label={t('flows.field.method')} rules={[required(t)]}>
          <Radio.Group data-testid="field-method">
            {METER_METHODS.map((m) => (
              <Radio key={m} value={m} data-testid={`method-${m}`}>
                {t(`flows.meterLinks.method.${m}`)}
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item name="unit" label={t('flows.field.unit')} extra={t('flows.meterLinks.unitHelp')} rules={[required(t)]}>
          <UomSelect data-testid="field-unit" />
        </Form.Item>
        <Form.Item name="accuracyPercent" label={t('flows.field.accuracy')} extra={t('flows.meterLinks.accuracyHelp')} rules={[required(t)]}>
          <InputNumber min={0.01} max={100} step={0.1} suffix="%" style={{ width: '100%' }} data-testid="field-accuracy" />
        </Form.Item>
      </>
    ),
  };

  return (
    <ResourcePage<MeterLink>
      collection="flow-meter-links"
      resource="flow"
      testId="flow-meter-links"
      title={t('flows.title.meterLinks')}
      entityLabel={t('flows.meterLinks.entity')}
      columns={columns}
      form={form}
      unpaged
      noSearch
      intro={<Alert type="info" showIcon title={t('flows.meterLinks.intro')} description={t('flows.meterLinks.introDetail')} style={{ marginBottom: 16 }} data-testid="flow-meter-links-intro" />}
    />
  );
}
