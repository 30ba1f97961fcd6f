/**
 * The fields of an alarm rule, following its kind (threshold limits with deadband and delays; rate
 * window and largest rise/fall; no-data silence; window aggregate and completeness; SPC chart,
 * subgroup, baseline and run rules; forecast horizon, step, fit window and confidence), its
 * subject (a tag, a device and key, a unit and key, a device kind and key; optionally overriding
 * an inherited rule), and the request body they make.
 */
import { useMemo } from 'react';
import { Checkbox, Col, Form, Input, InputNumber, Row, Segmented, Select, Space, Switch, Typography, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAll, useNameOf } from '../../api/hooks';
import { useParkClock } from '../../api/telemetry';
import { DEVICE_KINDS, TAG_KEY_PATTERN, type Device, type Tag } from '../../api/types';
import {
  ALARM_CATEGORIES, ALL_RULES, RULE_KINDS, SEVERITIES, type AlarmRule, type NewAlarmRule, type RuleKind,
} from '../../api/alarms';
import { DeviceSelect, EnumSelect, UnitSelect } from '../fields';

export const SUBJECTS = ['tag', 'device', 'unit', 'deviceKind'] as const;
export type Subject = (typeof SUBJECTS)[number];

type Values = Record<string, unknown>;

/** The fields each kind uses; the others are not sent. */
const KIND_FIELDS: Record<RuleKind, readonly string[]> = {
  threshold: ['highHigh', 'high', 'low', 'lowLow', 'deadband', 'onDelaySeconds', 'offDelaySeconds'],
  rate: ['windowSeconds', 'maxRise', 'maxFall'],
  no_data: ['silenceSeconds'],
  window: ['windowSeconds', 'aggregate', 'high', 'low', 'minCompleteness', 'expectedIntervalSeconds'],
  spc: ['chart', 'subgroupSize', 'baselineFrom', 'baselineTo', 'runRules'],
  forecast: ['high', 'low', 'horizonSeconds', 'stepSeconds', 'fitWindowSeconds', 'confidence'],
};
const ALL_KIND_FIELDS = [...new Set(Object.values(KIND_FIELDS).flat())];
const SUBJECT_FIELDS: Record<Subject, readonly string[]> = {
  tag: ['tagId'],
  device: ['deviceId', 'tagKey'],
  unit: ['unitId', 'tagKey'],
  deviceKind: ['deviceKind', 'tagKey'],
};
const ALL_SUBJECT_FIELDS = ['tagId', 'deviceId', 'unitId', 'deviceKind', 'tagKey'];

export const subjectOf = (r: Partial<AlarmRule>): Subject => (r.tagId ? 'tag' : r.deviceId ? 'device' : r.unitId ? 'unit' : r.deviceKind ? 'deviceKind' : 'tag');

/** Starting values of a new rule: a threshold on a tag, enabled, and the defaults of every kind. */
export const RULE_DEFAULTS: Values = {
  kind: 'threshold', _subject: 'tag', enabled: true, severity: 'medium', category: 'process',
  deadband: 0, onDelaySeconds: 0, offDelaySeconds: 0,
  windowSeconds: 3600, silenceSeconds: 900, aggregate: 'mean', minCompleteness: 0.75, expectedIntervalSeconds: 60,
  chart: 'imr', subgroupSize: 1, runRules: [1, 2, 3, 4],
  horizonSeconds: 4 * 3600, stepSeconds: 300, fitWindowSeconds: 24 * 3600, confidence: 0.9,
};

/**
 * The request body of a rule from the body FormDrawer built and the form's values: only the
 * fields of the chosen kind and subject. On create, fields of other kinds are left out; on edit,
 * those of another subject are cleared (a rule moved from a device to a tag names only the tag).
 */
export function ruleBody(body: Values, values: Values, editing: AlarmRule | null): Values {
  const kind = (values.kind ?? editing?.kind) as RuleKind;
  const subject = (values._subject ?? 'tag') as Subject;
  const keep = new Set([...KIND_FIELDS[kind], ...SUBJECT_FIELDS[subject]]);
  const out: Values = {};
  for (const [k, v] of Object.entries(body)) {
    if (ALL_KIND_FIELDS.includes(k) && !keep.has(k)) continue;
    if (ALL_SUBJECT_FIELDS.includes(k) && !keep.has(k)) continue;
    out[k] = v;
  }
  if (editing) {
    for (const k of ALL_SUBJECT_FIELDS) if (!keep.has(k) && editing[k as keyof AlarmRule] !== null && editing[k as keyof AlarmRule] !== undefined) out[k] = null;
  }
  if (values._enterpriseId !== undefined && values._enterpriseId !== null && !editing) out.enterpriseId = values._enterpriseId;
  return out;
}

/** The rule the form describes as a whole, for the preview (everything filled, as on create). */
export function previewRule(values: Values): NewAlarmRule {
  const full: Values = {};
  for (const [k, v] of Object.entries(values)) if (v !== undefined && v !== null && v !== '' && !k.startsWith('_')) full[k] = v;
  return ruleBody(full, values, null) as unknown as NewAlarmRule;
}

/** A duration in seconds, typed in the unit the user chooses. */
const UNITS = [['s', 1], ['min', 60], ['h', 3600], ['d', 86_400]] as const;
function DurationInput({ value, onChange, min = 0, testId }: { value?: number | null; onChange?(v: number | null): void; min?: number; testId?: string }) {
  const { t } = useTranslation();
  const unit = useMemo(() => {
    const v = value ?? 0;
    return [...UNITS].reverse().find(([, f]) => v !== 0 && v % f === 0) ?? UNITS[v === 0 ? 1 : 0];
    // The unit is chosen from the value when it is shown, then kept by the select below.
  }, [value]);
  const [u, factor] = unit;
  return (
    <Space.Compact>
      <InputNumber<number>
        min={min}
        value={value === null || value === undefined ? null : value / factor}
        onChange={(v) => onChange?.(v === null ? null : Math.round(v * factor))}
        style={{ width: 120 }}
        data-testid={testId}
      />
      <Select
        value={u}
        onChange={(nu) => {
          const f = UNITS.find(([k]) => k === nu)![1];
          if (value !== null && value !== undefined) onChange?.(Math.round((value / factor) * f));
        }}
        options={UNITS.map(([k]) => ({ value: k, label: t(`alarms.unit.${k}`) }))}
        style={{ width: 80 }}
      />
    </Space.Compact>
  );
}

/** An instant in the park's time, as a native date-time input (no date library needed). */
function ParkTimeInput({ value, onChange, testId }: { value?: number | null; onChange?(v: number | null): void; testId?: string }) {
  const clock = useParkClock();
  const text = value === null || value === undefined ? '' : new Date(clock.toWall(value)).toISOString().slice(0, 16);
  return (
    <Input
      type="datetime-local"
      value={text}
      onChange={(e) => {
        const wall = Date.parse(`${e.target.value}:00Z`);
        onChange?.(Number.isFinite(wall) ? clock.fromWall(wall) : null);
      }}
      style={{ width: 220 }}
      data-testid={testId}
    />
  );
}

export function TagSelect({ enterpriseId, ...rest }: { enterpriseId?: number | null; value?: number; onChange?(v: number | undefined): void; disabled?: boolean; 'data-testid'?: string; style?: React.CSSProperties; placeholder?: string; allowClear?: boolean }) {
  const filter = enterpriseId ? { enterpriseId } : {};
  const tags = useAll<Tag>('tags', filter);
  const devices = useAll<Device>('devices', filter);
  const nameOf = useNameOf();
  const options = useMemo(
    () => tags.items.map((g) => ({ value: g.id, label: `${devices.byId.get(g.deviceId)?.code ?? `#${g.deviceId}`} / ${g.key} · ${nameOf(g)}` })),
    [tags.items, devices.byId, nameOf],
  );
  return <Select<number> options={options} loading={tags.isLoading} showSearch={{ optionFilterProp: 'label' }} allowClear {...rest} />;
}

const num = (testId: string, extra: Record<string, unknown> = {}) => <InputNumber<number> style={{ width: '100%' }} data-testid={testId} {...extra} />;

/** The form's fields; `editing` is the rule being edited (its kind and origin are fixed then). */
export function RuleFields({ form, editing, enterpriseId }: { form: FormInstance; editing: AlarmRule | null; enterpriseId?: number | null }) {
  const { t } = useTranslation();
  const kind = Form.useWatch('kind', form) as RuleKind | undefined;
  const subject = (Form.useWatch('_subject', form) ?? 'tag') as Subject;
  const req = { required: true, message: t('validation.required') };
  const field = (name: string, child: React.ReactNode, extra: Record<string, unknown> = {}) => (
    <Form.Item name={name} label={t(`alarms.rule.${name}`)} {...extra}>
      {child}
    </Form.Item>
  );
  return (
    <>
      <Row gutter={12}>
        <Col span={14}>{field('name', <Input maxLength={200} data-testid="rule-name" />, { rules: [req] })}</Col>
        <Col span={10}>{field('enabled', <Switch data-testid="rule-enabled" />, { valuePropName: 'checked' })}</Col>
      </Row>
      {field(
        'kind',
        <Segmented<string> disabled={!!editing} options={RULE_KINDS.map((k) => ({ value: k, label: <span data-testid={`rule-kind-${k}`}>{t(`alarms.kind.${k}`)}</span> }))} />,
        { rules: [req] },
      )}
      <Row gutter={12}>
        <Col span={12}>{field('severity', <Select options={SEVERITIES.map((s) => ({ value: s, label: t(`alarms.severity.${s}`) }))} data-testid="rule-severity" />, { rules: [req] })}</Col>
        <Col span={12}>{field('category', <Select options={ALARM_CATEGORIES.map((c) => ({ value: c, label: t(`alarms.category.${c}`) }))} data-testid="rule-category" />, { rules: [req] })}</Col>
      </Row>

      <Typography.Title level={5}>{t('alarms.rule.subject')}</Typography.Title>
      <Form.Item name="_subject">
        <Segmented<string> options={SUBJECTS.map((s) => ({ value: s, label: <span data-testid={`rule-subject-${s}`}>{t(`alarms.subject.${s}`)}</span> }))} />
      </Form.Item>
      {subject === 'tag' && field('tagId', <TagSelect enterpriseId={enterpriseId} data-testid="rule-tag" />, { rules: [req] })}
      {subject === 'device' && field('deviceId', <DeviceSelect filter={{ enterpriseId }} data-testid="rule-device" />, { rules: [req] })}
      {subject === 'unit' && field('unitId', <UnitSelect filter={{ enterpriseId }} data-testid="rule-unit" />, { rules: [req] })}
      {subject === 'deviceKind' && field('deviceKind', <EnumSelect name="deviceKind" values={DEVICE_KINDS} data-testid="rule-device-kind" />, { rules: [req] })}
      {subject !== 'tag' &&
        field('tagKey', <Input maxLength={64} data-testid="rule-tag-key" />, {
          rules: [kind === 'no_data' && subject === 'device' ? {} : req, { pattern: new RegExp(TAG_KEY_PATTERN), message: t('validation.tagKey') }],
          extra: kind === 'no_data' && subject === 'device' ? t('alarms.rule.tagKeyDeviceHelp') : undefined,
        })}
      {field('overridesRuleId', <InputNumber<number> min={1} precision={0} style={{ width: 160 }} data-testid="rule-overrides" />, { extra: t('alarms.rule.overridesHelp') })}

      <Typography.Title level={5}>{t(`alarms.kind.${kind ?? 'threshold'}`)}</Typography.Title>
      {kind === 'threshold' && (
        <>
          <Row gutter={12}>
            {(['lowLow', 'low', 'high', 'highHigh'] as const).map((k) => (
              <Col span={6} key={k}>{field(k, num(`rule-${k}`))}</Col>
            ))}
          </Row>
          <Row gutter={12}>
            <Col span={8}>{field('deadband', num('rule-deadband', { min: 0 }), { extra: t('alarms.rule.deadbandHelp') })}</Col>
            <Col span={8}>{field('onDelaySeconds', <DurationInput testId="rule-on-delay" />)}</Col>
            <Col span={8}>{field('offDelaySeconds', <DurationInput testId="rule-off-delay" />)}</Col>
          </Row>
        </>
      )}
      {kind === 'rate' && (
        <Row gutter={12}>
          <Col span={8}>{field('windowSeconds', <DurationInput min={1} testId="rule-window" />, { rules: [req] })}</Col>
          <Col span={8}>{field('maxRise', num('rule-max-rise', { min: 0 }))}</Col>
          <Col span={8}>{field('maxFall', num('rule-max-fall', { min: 0 }))}</Col>
        </Row>
      )}
      {kind === 'no_data' && field('silenceSeconds', <DurationInput min={1} testId="rule-silence" />, { rules: [req], extra: t('alarms.rule.silenceHelp') })}
      {kind === 'window' && (
        <>
          <Row gutter={12}>
            <Col span={8}>{field('windowSeconds', <DurationInput min={1} testId="rule-window" />, { rules: [req] })}</Col>
            <Col span={8}>{field('aggregate', <Select options={(['mean', 'sum'] as const).map((a) => ({ value: a, label: t(`alarms.aggregate.${a}`) }))} data-testid="rule-aggregate" />, { rules: [req] })}</Col>
            <Col span={8}>{field('expectedIntervalSeconds', <DurationInput min={1} testId="rule-interval" />)}</Col>
          </Row>
          <Row gutter={12}>
            <Col span={8}>{field('high', num('rule-high'))}</Col>
            <Col span={8}>{field('low', num('rule-low'))}</Col>
            <Col span={8}>{field('minCompleteness', num('rule-completeness', { min: 0, max: 1, step: 0.05 }), { extra: t('alarms.rule.completenessHelp') })}</Col>
          </Row>
        </>
      )}
      {kind === 'spc' && (
        <>
          <Row gutter={12}>
            <Col span={12}>{field('chart', <Select options={(['imr', 'xbar_r'] as const).map((c) => ({ value: c, label: t(`alarms.chart.${c}`) }))} data-testid="rule-chart" />, { rules: [req] })}</Col>
            <Col span={12}>{field('subgroupSize', num('rule-subgroup', { min: 1, max: 25, precision: 0 }))}</Col>
          </Row>
          <Row gutter={12}>
            <Col span={12}>{field('baselineFrom', <ParkTimeInput testId="rule-baseline-from" />, { rules: [req] })}</Col>
            <Col span={12}>{field('baselineTo', <ParkTimeInput testId="rule-baseline-to" />, { rules: [req] })}</Col>
          </Row>
          {field(
            'runRules',
            <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', gap: 4 }} data-testid="rule-run-rules">
              {ALL_RULES.map((n) => (
                <Checkbox key={n} value={n}>{`${n}. ${t(`alarms.runRule.${n}`)}`}</Checkbox>
              ))}
            </Checkbox.Group>,
            { rules: [{ ...req, type: 'array', min: 1 }] },
          )}
        </>
      )}
      {kind === 'forecast' && (
        <>
          <Row gutter={12}>
            <Col span={12}>{field('high', num('rule-high'), { extra: t('alarms.rule.forecastLimitHelp') })}</Col>
            <Col span={12}>{field('low', num('rule-low'))}</Col>
          </Row>
          <Row gutter={12}>
            <Col span={12}>{field('horizonSeconds', <DurationInput min={60} testId="rule-horizon" />, { rules: [req] })}</Col>
            <Col span={12}>{field('stepSeconds', <DurationInput min={1} testId="rule-step" />, { rules: [req] })}</Col>
          </Row>
          <Row gutter={12}>
            <Col span={12}>{field('fitWindowSeconds', <DurationInput min={60} testId="rule-fit-window" />, { rules: [req] })}</Col>
            <Col span={12}>{field('confidence', num('rule-confidence', { min: 0.5, max: 0.999, step: 0.05 }), { rules: [req], extra: t('alarms.rule.confidenceHelp') })}</Col>
          </Row>
        </>
      )}
      {field('description', <Input.TextArea rows={2} maxLength={2000} />)}
    </>
  );
}
