/**
 * The KPI report (绿色指标报告): the report of a scope and month or year previewed as the API makes
 * it (PDF), downloaded as PDF, CSV or XLSX, kept; the kept reports listed; the schedules that make
 * them each month or year; and an enterprise's inventory exported for openLCA (olca-schema).
 */
import { useState } from 'react';
import { useSession } from '../auth/session';
import { App, Button, Card, Col, Empty, Popconfirm, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { CloudDownloadOutlined, DeleteOutlined, DownloadOutlined, ExportOutlined, EyeOutlined, SaveOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { download } from '../api/client';
import { useAll, useDelete, useNameOf } from '../api/hooks';
import { kpiReportUrl, useKpiReports, useMakeKpiReport } from '../api/kpis';
import { REPORT_FORMATS, type KpiReportRecord, type ReportFormat } from '../api/kpiShapes';
import { LOCALES, type Enterprise, type Locale } from '../api/types';
import { useUser } from '../auth/session';
import { ErrorAlert, useNotifyError } from '../components/errors';
import KpiPeriodPicker from '../components/kpis/KpiPeriodPicker';
import KpiScopePicker from '../components/kpis/KpiScopePicker';
import ReportSchedules from '../components/kpis/ReportSchedules';
import { useKpiView } from '../components/kpis/useKpiView';
import QueryState from '../components/QueryState';
import { TimeCell } from './common';

const REPORT_KINDS = ['month', 'year'] as const;

export default function KpiReportsPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const user = useUser();
  const nameOf = useNameOf();
  const { can } = useSession();
  const { view, setView, months, periods } = useKpiView();
  // A report is of a month or a year: a quarter in the address is read as its year.
  const period = view.period?.includes('-Q') ? view.period.slice(0, 4) : view.period;
  const [lang, setLang] = useState<Locale>(i18n.language === 'en' ? 'en' : 'zh-CN');
  // The URL shown in the preview frame (the report is made when the frame asks for it), and whether the frame has loaded.
  const [preview, setPreview] = useState<{ url: string; n: number } | null>(null);
  const [previewLoaded, setPreviewLoaded] = useState(false);
  const make = useMakeKpiReport();
  const [page, setPage] = useState({ current: 1, pageSize: 10 });
  const stored = useKpiReports({ limit: page.pageSize, offset: (page.current - 1) * page.pageSize });
  const remove = useDelete('kpi-reports');
  const enterprises = useAll<Enterprise>('enterprises');
  const [olcaEnterprise, setOlcaEnterprise] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState<string | null>(null);
  const ready = !!period && (view.scope.scope === 'park' || !!view.scope.code);

  const fetchFile = async (name: string, run: () => Promise<string>) => {
    setBusy(name);
    try {
      const file = await run();
      message.success(t('kpis.reports.downloaded', { file }));
    } catch (err) {
      notifyError(err);
    } finally {
      setBusy(null);
    }
  };
  const downloadReport = (format: ReportFormat) =>
    fetchFile(format, () => download(kpiReportUrl(view.scope, period!, lang, format).replace(/^\/api\/v1/, ''), undefined, `kpi-report-${period}.${format}`));
  const keep = async () => {
    try {
      await make.mutateAsync({ period: period!, scope: view.scope.scope, ...(view.scope.scope !== 'park' ? { code: view.scope.code } : {}), language: lang });
      message.success(t('kpis.reports.kept'));
    } catch (err) {
      notifyError(err);
    }
  };
  const olcaChoices = enterprises.items.filter((e) => user.enterpriseId === null || e.id === user.enterpriseId);
  const olcaCode = olcaEnterprise ?? (view.scope.scope === 'enterprise' ? view.scope.code : undefined) ?? (olcaChoices.length === 1 ? olcaChoices[0].code : undefined);

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }} data-testid="kpi-reports-page">
      <Card title={t('kpis.title.reports')}>
        <QueryState query={periods}>
          {() => (
            <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
              <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
                <KpiScopePicker value={view.scope} onChange={(scope) => setView({ scope })} />
                <Space wrap>
                  <KpiPeriodPicker value={period} months={months} kinds={REPORT_KINDS} onChange={(p) => setView({ period: p })} testId="report-period" />
                  <Select value={lang} onChange={setLang} options={LOCALES.map((l) => ({ value: l, label: t(`kpis.reports.language.${l}`) }))} style={{ width: 120 }} data-testid="report-language" />
                </Space>
              </Space>
              <Space wrap>
                <Button
                  type="primary"
                  icon={<EyeOutlined />}
                  disabled={!ready}
                  onClick={() => {
                    // The same report asked again is made again (a new frame).
                    setPreviewLoaded(false);
                    setPreview((p) => ({ url: kpiReportUrl(view.scope, period!, lang, 'pdf'), n: (p?.n ?? 0) + 1 }));
                  }}
                  data-testid="report-preview"
                >
                  {t('kpis.reports.preview')}
                </Button>
                {REPORT_FORMATS.map((f) => (
                  <Button key={f} icon={<DownloadOutlined />} disabled={!ready} loading={busy === f} onClick={() => void downloadReport(f)} data-testid={`report-download-${f}`}>
                    {t(`kpis.reports.download.${f}`)}
                  </Button>
                ))}
                {can('create', 'kpi_report') && (
                  <Button icon={<SaveOutlined />} disabled={!ready} loading={make.isPending} onClick={() => void keep()} data-testid="report-keep">
                    {t('kpis.reports.keep')}
                  </Button>
                )}
              </Space>
              {preview && (
                <div>
                  <Typography.Text type="secondary">{t('kpis.reports.previewHelp')}</Typography.Text>
                  <iframe
                    key={preview.n}
                    src={preview.url}
                    title={t('kpis.reports.preview')}
                    onLoad={() => setPreviewLoaded(true)}
                    style={{ width: '100%', height: 720, border: '1px solid #f0f0f0', marginTop: 8 }}
                    data-testid="report-preview-frame"
                    data-loaded={previewLoaded ? '1' : '0'}
                  />
                </div>
              )}
            </Space>
          )}
        </QueryState>
      </Card>

      <Card title={t('kpis.reports.storedTitle')} size="small">
        <ErrorAlert error={stored.error} testId="kpi-reports-error" />
        <Table<KpiReportRecord>
          rowKey="id"
          size="small"
          data-testid="kpi-reports-table"
          loading={stored.isFetching && !stored.data}
          dataSource={stored.data?.items ?? []}
          locale={{ emptyText: <Empty description={t('kpis.reports.noneKept')} /> }}
          onRow={(r) => ({ 'data-testid': 'kpi-report-row', 'data-id': r.id }) as React.HTMLAttributes<HTMLElement>}
          pagination={{ current: page.current, pageSize: page.pageSize, total: stored.data?.total ?? 0, onChange: (current, pageSize) => setPage({ current, pageSize }), showTotal: (n) => t('common.total', { count: n }) }}
          scroll={{ x: 'max-content' }}
          columns={[
            { key: 'period', title: t('kpis.field.period'), dataIndex: 'period' },
            { key: 'scope', title: t('kpis.field.scope'), render: (_, r) => `${t(`kpis.scope.${r.scope}`)}${r.code ? ` · ${r.code}` : ''}` },
            { key: 'language', title: t('kpis.field.language'), render: (_, r) => <Tag>{t(`kpis.reports.language.${r.language}`)}</Tag> },
            { key: 'pages', title: t('kpis.reports.pages'), dataIndex: 'pages', align: 'right' },
            { key: 'size', title: t('kpis.reports.size'), align: 'right', render: (_, r) => `${Math.max(1, Math.round(r.bytes / 1024))} KB` },
            { key: 'by', title: t('kpis.reports.madeBy'), render: (_, r) => (r.scheduleId !== null ? <Tag color="blue">{t('kpis.reports.bySchedule')}</Tag> : r.createdBy) },
            { key: 'at', title: t('kpis.reports.createdAt'), render: (_, r) => <TimeCell ms={r.createdAt} /> },
            {
              key: 'actions',
              title: t('common.actions'),
              fixed: 'right',
              render: (_, r) => (
                <Space size={4}>
                  <Button size="small" type="link" icon={<CloudDownloadOutlined />} loading={busy === `stored-${r.id}`} onClick={() => void fetchFile(`stored-${r.id}`, () => download(`/kpi-reports/${r.id}/pdf`, undefined, `kpi-report-${r.period}.pdf`))} data-testid="kpi-report-download">
                    PDF
                  </Button>
                  {can('delete', 'kpi_report') && (
                    <Popconfirm
                      title={t('confirm.delete')}
                      okText={t('action.delete')}
                      cancelText={t('action.cancel')}
                      okButtonProps={{ danger: true, ...({ 'data-testid': 'confirm-ok' } as object) }}
                      onConfirm={() => remove.mutateAsync(r.id).catch(notifyError)}
                    >
                      <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('action.delete')} data-testid="kpi-report-delete" />
                    </Popconfirm>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <ReportSchedules />
        </Col>
        <Col xs={24} xl={8}>
          <Card title={t('kpis.reports.olcaTitle')} size="small" data-testid="olca-export">
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Typography.Text type="secondary">{t('kpis.reports.olcaHelp')}</Typography.Text>
              <Select
                value={olcaCode}
                onChange={setOlcaEnterprise}
                options={olcaChoices.map((e) => ({ value: e.code, label: `${nameOf(e)} (${e.code})` }))}
                showSearch={{ optionFilterProp: 'label' }}
                placeholder={t('kpis.scope.choose_enterprise')}
                style={{ width: '100%' }}
                data-testid="olca-enterprise"
              />
              <Button
                icon={<ExportOutlined />}
                disabled={!olcaCode || !period}
                loading={busy === 'olca'}
                onClick={() => void fetchFile('olca', () => download('/kpis/olca', { period, enterprise: olcaCode }, `olca-${olcaCode}-${period}.zip`))}
                data-testid="olca-download"
              >
                {t('kpis.reports.olcaDownload', { period: period ?? '' })}
              </Button>
            </Space>
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
