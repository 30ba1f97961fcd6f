/**
 * The recall impact of a lot: every lot downstream of it (what it went into, step by step), how much
 * of the recalled lot each holds, who holds it and whether the material is still there (an
 * endpoint), summed up per enterprise. From an identifier's page (/identifiers/:id/recall) or for
 * any identifier (/recall?id=<URI>). Downloadable as CSV; printing leaves the console's frame out.
 */
import { useState } from 'react';
import { Alert, App, Breadcrumb, Button, Card, Descriptions, Result, Space, Spin, Typography } from 'antd';
import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useItem } from '../api/hooks';
import { downloadRecallCsv, useRecall, type TraceSource } from '../api/trace';
import { ErrorAlert, useNotifyError } from '../components/errors';
import QueryState from '../components/QueryState';
import { compactRef, type Identifier } from '../components/identifiers';
import { DepthInput } from '../components/fields';
import { HoldersTable, LotsTable } from '../components/recall';
import { UnconfirmedSwitch } from '../components/TraceExplorer';
import { TimeCell } from './common';

const PRINT_CSS = `
@media print {
  .ant-layout-sider, .ant-layout-header, .ant-message, .symbiont-no-print { display: none !important; }
  .ant-layout-content { padding: 0 !important; }
  .symbiont-recall .ant-card { border: none !important; box-shadow: none !important; break-inside: auto; }
  .symbiont-recall .ant-card-head { padding: 0 !important; min-height: 0 !important; }
  .symbiont-recall .ant-card-body { padding: 8px 0 !important; }
  .symbiont-recall tr { break-inside: avoid; }
  .symbiont-recall a { color: inherit !important; text-decoration: none !important; }
}`;

interface ReportProps {
  source: TraceSource;
  /** The breadcrumb's trail before "Recall impact". */
  trail: { title: React.ReactNode }[];
}

function RecallReportView({ source, trail }: ReportProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const [depth, setDepth] = useState(50);
  const [saving, setSaving] = useState(false);
  const [unconfirmed, setUnconfirmed] = useState(false);
  const q = useRecall(source, depth, unconfirmed);
  const report = q.data;

  const saveCsv = async () => {
    setSaving(true);
    try {
      const name = await downloadRecallCsv(source, depth, unconfirmed);
      message.success(t('recall.downloaded', { name }));
    } catch (err) {
      notifyError(err);
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="symbiont-recall" data-testid="recall-page">
      <style>{PRINT_CSS}</style>
      <Breadcrumb className="symbiont-no-print" style={{ marginBottom: 12 }} items={[...trail, { title: t('recall.title') }]} />
      <Card
        title={t('recall.title')}
        style={{ marginBottom: 16 }}
        extra={
          <Space wrap className="symbiont-no-print">
            <DepthInput value={depth} onChange={setDepth} testId="recall-depth" />
            <UnconfirmedSwitch value={unconfirmed} onChange={setUnconfirmed} testId="recall-unconfirmed" />
            {q.isFetching && <Spin size="small" />}
            <Button size="small" icon={<DownloadOutlined />} loading={saving} onClick={saveCsv} disabled={!report} data-testid="recall-csv">
              {t('recall.downloadCsv')}
            </Button>
            <Button size="small" type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} disabled={!report} data-testid="recall-print">
              {t('identifier.print')}
            </Button>
          </Space>
        }
      >
        <QueryState query={q} errorTestId="recall-error" notFound={<ErrorAlert error={q.error} testId="recall-error" />}>
          {(report) => (
            <>
              <Descriptions column={{ xs: 1, md: 2 }} size="small" data-testid="recall-summary">
                <Descriptions.Item label={t('recall.lot')} span="filled">
                  <Space vertical size={0}>
                    <Typography.Text strong data-testid="recall-root">{compactRef(report.root)}</Typography.Text>
                    <Typography.Text type="secondary" style={{ fontSize: 12, wordBreak: 'break-all' }}>
                      {report.root}
                    </Typography.Text>
                  </Space>
                </Descriptions.Item>
                {report.rootHandle && (
                  <Descriptions.Item label={t('identifier.handle')}>
                    <span style={{ fontFamily: 'monospace' }}>{report.rootHandle}</span>
                  </Descriptions.Item>
                )}
                <Descriptions.Item label={t('recall.generatedAt')}>
                  <span data-testid="recall-generated">
                    <TimeCell ms={Date.parse(report.generatedAt)} />
                  </span>
                </Descriptions.Item>
                <Descriptions.Item label={t('trace.depth')}>{report.depth}</Descriptions.Item>
                <Descriptions.Item label={t('recall.counts')}>
                  <span data-testid="recall-counts">
                    {t('recall.countsValue', { lots: report.lots.filter((l) => l.confirmed !== false).length, endpoints: report.lots.filter((l) => l.endpoint && l.confirmed !== false).length, holders: report.holders.length })}
                  </span>
                </Descriptions.Item>
              </Descriptions>
              {report.truncated && <Alert type="warning" showIcon title={t('recall.truncated', { depth: report.depth })} style={{ marginTop: 12 }} data-testid="recall-truncated" />}
              {report.lots.length === 0 && <Alert type="info" showIcon title={t('recall.none')} style={{ marginTop: 12 }} data-testid="recall-none" />}
              {report.lots.some((l) => l.confirmed === false) && (
                <Alert type="warning" showIcon title={t('recall.unconfirmedLots', { count: report.lots.filter((l) => l.confirmed === false).length })} style={{ marginTop: 12 }} data-testid="recall-unconfirmed-note" />
              )}
              <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '12px 0 0' }}>
                {t('recall.help')}
              </Typography.Paragraph>
            </>
          )}
        </QueryState>
      </Card>
      {report && report.lots.length > 0 && (
        <>
          <Card size="small" title={t('recall.byHolder')} style={{ marginBottom: 16 }}>
            <HoldersTable holders={report.holders} />
          </Card>
          <Card size="small" title={t('recall.downstream')}>
            <LotsTable lots={report.lots} unconfirmed={!!report.unconfirmed} />
          </Card>
        </>
      )}
    </div>
  );
}

/** /identifiers/:id/recall: the recall of an identifier minted here. */
function IdentifierRecall({ id }: { id: number }) {
  const { t } = useTranslation();
  const q = useItem<Identifier>('identifiers', id);
  return (
    <QueryState query={q}>
      {(item) => (
        <RecallReportView
          source={item}
          trail={[{ title: <Link to="/identifiers">{t('menu.identifiers')}</Link> }, { title: <Link to={`/identifiers/${item.id}`}>{item.handle}</Link> }]}
        />
      )}
    </QueryState>
  );
}

export default function RecallPage() {
  const { t } = useTranslation();
  const id = useParams().id;
  const [params] = useSearchParams();
  if (id !== undefined) return <IdentifierRecall id={Number(id)} />;
  const uri = params.get('id')?.trim();
  if (!uri) return <Result status="info" title={t('recall.title')} subTitle={t('recall.noId')} extra={<Link to="/trace">{t('traceAny.title')}</Link>} />;
  return (
    <RecallReportView
      source={{ uri }}
      trail={[
        { title: <Link to="/identifiers">{t('menu.identifiers')}</Link> },
        { title: <Link to={`/trace?${new URLSearchParams({ id: uri })}`}>{compactRef(uri)}</Link> },
      ]}
    />
  );
}
