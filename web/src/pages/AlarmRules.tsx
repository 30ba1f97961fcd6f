/**
 * Alarm rules: the list (by kind, tag, origin), and the editor whose fields follow the rule's kind,
 * with a back-test preview on the last days of data before saving. Rules a tag's own limits make
 * are shown with their origin and link to the tag, where those limits are edited.
 */
import { useMemo } from 'react';
import { Form, Select, Tag as AntTag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useFormatValue } from '../api/telemetry';
import { RULE_KINDS, type AlarmRule } from '../api/alarms';
import type { Resource } from '../auth/permissions';
import ResourcePage, { RowAction, type FormSpec } from '../components/ResourcePage';
import { SeverityTag } from '../components/alarms/AlarmLabels';
import BacktestPreview from '../components/alarms/BacktestPreview';
import { RULE_DEFAULTS, RuleFields, ruleBody, subjectOf, TagSelect } from '../components/alarms/RuleForm';
import { EditOutlined } from '@ant-design/icons';
import { EnterpriseHelperField, useLookups } from './common';

// The rules' subject in the API's abilities (`alarm_rule.create` …); permissions.ts lists the registry's.
const RESOURCE = 'alarm_rule' as Resource;

function RuleSubject({ r }: { r: AlarmRule }) {
  const { t } = useTranslation();
  const { devices, units } = useLookups({ devices: !!r.deviceId, units: !!r.unitId });
  if (r.tagId) return <Link to={`/tags/${r.tagId}`} onClick={(e) => e.stopPropagation()} data-testid="rule-tag-link">{t('alarms.subject.tag')} #{r.tagId}</Link>;
  const key = r.tagKey ? <Typography.Text code>{r.tagKey}</Typography.Text> : null;
  if (r.deviceId) return <span><Link to={`/devices/${r.deviceId}`} onClick={(e) => e.stopPropagation()}>{devices.get(r.deviceId)?.code ?? `#${r.deviceId}`}</Link> {key}</span>;
  if (r.unitId) return <span>{units.get(r.unitId)?.code ?? `#${r.unitId}`} {key}</span>;
  if (r.deviceKind) return <span>{t(`enum.deviceKind.${r.deviceKind}`, { defaultValue: r.deviceKind })} {key}</span>;
  return null;
}

export default function AlarmRulesPage() {
  const { t } = useTranslation();
  const fmtValue = useFormatValue();
  const columns = useMemo<ColumnsType<AlarmRule>>(
    () => [
      { title: t('alarms.rule.name'), dataIndex: 'name', render: (v: string, r) => <span data-testid="rule-row-name" data-rule-id={r.id}>{v}</span> },
      { title: t('alarms.rule.kind'), dataIndex: 'kind', render: (v: string) => <AntTag color="purple">{t(`alarms.kind.${v}`, { defaultValue: v })}</AntTag> },
      { title: t('alarms.rule.subject'), key: 'subject', render: (_: unknown, r) => <RuleSubject r={r} /> },
      { title: t('alarms.field.severity'), dataIndex: 'severity', render: (v: AlarmRule['severity']) => <SeverityTag value={v} /> },
      { title: t('alarms.field.category'), dataIndex: 'category', render: (v: string) => t(`alarms.category.${v}`, { defaultValue: v }) },
      {
        title: t('alarms.rule.limits'),
        key: 'limits',
        render: (_: unknown, r) =>
          r.kind === 'threshold' || r.kind === 'window' || r.kind === 'forecast' ? (
            <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
              {[r.lowLow, r.low, r.high, r.highHigh].map((v) => (v === null || v === undefined ? '–' : fmtValue(v))).join(' / ')}
            </Typography.Text>
          ) : null,
      },
      {
        title: t('alarms.rule.origin'),
        dataIndex: 'origin',
        render: (v: AlarmRule['origin']) => <AntTag color={v === 'tag_limits' ? 'cyan' : 'default'} data-testid="rule-origin" data-origin={v}>{t(`alarms.origin.${v}`, { defaultValue: v })}</AntTag>,
      },
      { title: t('alarms.rule.enabled'), dataIndex: 'enabled', render: (v: boolean) => (v ? t('common.yes') : t('common.no')) },
    ],
    [t, fmtValue],
  );

  const form: FormSpec<AlarmRule> = {
    width: 860,
    defaults: RULE_DEFAULTS,
    toValues: (r) => ({ ...r, _subject: subjectOf(r), _enterpriseId: r.enterpriseId }),
    toBody: ruleBody as FormSpec<AlarmRule>['toBody'],
    render: (f, editing) => (
      <>
        <EnterpriseHelperField disabled={!!editing} />
        <Form.Item noStyle shouldUpdate={(a, b) => a._enterpriseId !== b._enterpriseId}>
          {() => {
            const enterpriseId = (f.getFieldValue('_enterpriseId') as number | undefined) ?? editing?.enterpriseId;
            return (
              <>
                <RuleFields form={f} editing={editing} enterpriseId={enterpriseId} />
                <BacktestPreview form={f} enterpriseId={enterpriseId} />
              </>
            );
          }}
        </Form.Item>
      </>
    ),
  };

  return (
    <ResourcePage<AlarmRule>
      collection="alarm-rules"
      resource={RESOURCE}
      testId="alarm-rules"
      title={t('menu.alarmRules')}
      columns={columns}
      form={form}
      searchPlaceholder={t('alarms.rule.search')}
      // A tag's own limits are its rule: edited on the tag, not here.
      rowWritable={(r) => r.origin !== 'tag_limits'}
      rowActions={(r) =>
        r.origin === 'tag_limits' && r.tagId ? (
          <Link to={`/tags/${r.tagId}`} data-testid="rule-edit-on-tag">
            <RowAction label={t('alarms.rule.editOnTag')} icon={<EditOutlined />} />
          </Link>
        ) : null
      }
      toolbar={(filters, setFilter) => (
        <>
          <Select allowClear placeholder={t('alarms.rule.kind')} value={filters.kind as string | undefined} onChange={(v) => setFilter('kind', v)} options={RULE_KINDS.map((k) => ({ value: k, label: t(`alarms.kind.${k}`) }))} style={{ width: 150 }} data-testid="filter-kind" />
          <TagSelect value={filters.tagId as number | undefined} onChange={(v) => setFilter('tagId', v)} placeholder={t('alarms.field.tag')} style={{ width: 260 }} data-testid="filter-tag" />
          <Select allowClear placeholder={t('alarms.rule.origin')} value={filters.origin as string | undefined} onChange={(v) => setFilter('origin', v)} options={(['user', 'tag_limits'] as const).map((o) => ({ value: o, label: t(`alarms.origin.${o}`) }))} style={{ width: 150 }} data-testid="filter-origin" />
        </>
      )}
    />
  );
}
