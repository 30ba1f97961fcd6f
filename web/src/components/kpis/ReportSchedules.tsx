/**
 * The reports made on a schedule: each month's (or year's) report of a scope, once the period is
 * over, in the chosen language — added, switched on and off, and deleted here.
 */
import { App, Form, Radio, Select, Switch, Tag } from 'antd';
import { useSession } from '../../auth/session';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { useFlowNodes } from '../../api/flows';
import { useAll, useNameOf, useUpdate } from '../../api/hooks';
import { KPI_SCOPES, REPORT_GRAINS, type KpiReportSchedule } from '../../api/kpiShapes';
import { LOCALES, type Enterprise } from '../../api/types';
import { useUser } from '../../auth/session';
import { useNotifyError } from '../errors';
import ResourcePage, { type FormSpec } from '../ResourcePage';
import { TimeCell } from '../../pages/common';

export default function ReportSchedules() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const user = useUser();
  const nameOf = useNameOf();
  const { can } = useSession();
  const update = useUpdate<KpiReportSchedule>('kpi-report-schedules');
  const enterprises = useAll<Enterprise>('enterprises');
  const nodes = useFlowNodes();
  const mine = (id: number | null) => user.enterpriseId === null || id === user.enterpriseId;
  const scopes = user.enterpriseId === null ? KPI_SCOPES : KPI_SCOPES.filter((s) => s !== 'park');

  const toggle = async (row: KpiReportSchedule, enabled: boolean) => {
    try {
      await update.mutateAsync({ id: row.id, body: { enabled } });
      message.success(t(enabled ? 'kpis.reports.enabledNow' : 'kpis.reports.disabledNow'));
    } catch (err) {
      notifyError(err);
    }
  };

  const columns: ColumnsType<KpiReportSchedule> = [
    { title: t('kpis.field.scope'), key: 'scope', render: (_: unknown, r) => <span data-testid="schedule-scope">{t(`kpis.scope.${r.scope}`)}{r.code ? ` · ${r.code}` : ''}</span> },
    { title: t('kpis.field.grain'), key: 'grain', render: (_: unknown, r) => t(`kpis.reports.grain.${r.grain}`) },
    { title: t('kpis.field.language'), key: 'language', render: (_: unknown, r) => <Tag>{t(`kpis.reports.language.${r.language}`)}</Tag> },
    { title: t('kpis.reports.lastPeriod'), dataIndex: 'lastPeriod', key: 'lastPeriod', render: (v: string | null) => v ?? '–' },
    {
      title: t('kpis.field.enabled'),
      key: 'enabled',
      render: (_: unknown, r) => (
        <Switch
          size="small"
          checked={r.enabled}
          disabled={!can('update', 'kpi_report_schedule', r)}
          onChange={(on) => void toggle(r, on)}
          data-testid="schedule-enabled"
          data-enabled={r.enabled ? '1' : '0'}
        />
      ),
    },
    { title: t('kpis.reports.createdAt'), key: 'createdAt', render: (_: unknown, r) => <TimeCell ms={r.createdAt} /> },
  ];

  const form: FormSpec<KpiReportSchedule> = {
    width: 480,
    defaults: { scope: scopes[0], grain: 'month', language: 'zh-CN', enabled: true },
    render: (f, editing) => (
      <>
        <Form.Item name="scope" label={t('kpis.field.scope')} rules={[{ required: true, message: t('validation.required') }]}>
          <Radio.Group disabled={!!editing} onChange={() => f.setFieldValue('code', undefined)} data-testid="field-scope">
            {scopes.map((s) => (
              <Radio key={s} value={s} data-testid={`scope-${s}`}>
                {t(`kpis.scope.${s}`)}
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item noStyle shouldUpdate={(a, b) => a.scope !== b.scope}>
          {() => {
            const scope = f.getFieldValue('scope') as string;
            if (scope === 'park') return null;
            const options =
              scope === 'enterprise'
                ? enterprises.items.filter((e) => mine(e.id)).map((e) => ({ value: e.code, label: `${nameOf(e)} (${e.code})` }))
                : (nodes.data?.items ?? []).filter((n) => n.kind === 'unit' && mine(n.enterpriseId)).map((n) => ({ value: n.code, label: `${nameOf(n)} (${n.code})` }));
            return (
              <Form.Item name="code" label={t(`kpis.scope.choose_${scope}`)} rules={[{ required: true, message: t('validation.required') }]}>
                <Select options={options} showSearch={{ optionFilterProp: 'label' }} data-testid="field-code" />
              </Form.Item>
            );
          }}
        </Form.Item>
        <Form.Item name="grain" label={t('kpis.field.grain')} rules={[{ required: true, message: t('validation.required') }]}>
          <Radio.Group data-testid="field-grain">
            {REPORT_GRAINS.map((g) => (
              <Radio key={g} value={g}>
                {t(`kpis.reports.grain.${g}`)}
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item name="language" label={t('kpis.field.language')}>
          <Radio.Group data-testid="field-language">
            {LOCALES.map((l) => (
              <Radio key={l} value={l}>
                {t(`kpis.reports.language.${l}`)}
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item name="enabled" label={t('kpis.field.enabled')} valuePropName="checked">
          <Switch data-testid="field-enabled" />
        </Form.Item>
      </>
    ),
    // The park has no code; a park user's schedule (of any scope) is the park's, an enterprise user's their own.
    toBody: (body, values, editing) => (editing ? body : { ...body, code: values.scope === 'park' ? null : (values.code as string) }),
  };

  return (
    <ResourcePage<KpiReportSchedule>
      collection="kpi-report-schedules"
      resource={'kpi_report_schedule'}
      testId="kpi-report-schedules"
      title={t('kpis.reports.schedulesTitle')}
      entityLabel={t('kpis.reports.scheduleEntity')}
      columns={columns}
      form={form}
      noSearch
    />
  );
}
