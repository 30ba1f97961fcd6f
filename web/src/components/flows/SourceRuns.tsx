/**
 * Re-runs of the automatic sources for a period: the flow meters (telemetry) and the shipments
 * (EPCIS). Each replaces its own earlier rows for the period; the answer shows what was written,
 * the rows refused, and the meter gaps or skipped events the source reports rather than fills.
 */
import { useState } from 'react';
import { Button, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRunEpcisSource, useRunTelemetrySource, type FlowPeriod, type TelemetryGap } from '../../api/flows';
import { useFormatTime } from '../../api/hooks';
import { ErrorAlert } from '../errors';
import { RejectedRows } from './CsvImport';
import { PeriodSelect } from './FlowViewControls';

export default function SourceRuns({ periods, defaultPeriod }: { periods: readonly FlowPeriod[]; defaultPeriod?: string }) {
  const { t } = useTranslation();
  const formatTime = useFormatTime();
  const [period, setPeriod] = useState<string | undefined>(defaultPeriod);
  const telemetry = useRunTelemetrySource();
  const epcis = useRunEpcisSource();
  const chosen = period ?? defaultPeriod;

  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="flow-sources">
      <Typography.Text type="secondary">{t('flows.ledger.sourcesHelp')}</Typography.Text>
      <Space wrap>
        <PeriodSelect value={chosen} periods={periods} onChange={setPeriod} testId="flow-source-period" />
        <Button disabled={!chosen} loading={telemetry.isPending} onClick={() => chosen && telemetry.mutate(chosen)} data-testid="flow-run-telemetry">
          {t('flows.ledger.runTelemetry')}
        </Button>
        <Button disabled={!chosen} loading={epcis.isPending} onClick={() => chosen && epcis.mutate(chosen)} data-testid="flow-run-epcis">
          {t('flows.ledger.runEpcis')}
        </Button>
      </Space>
      <ErrorAlert error={telemetry.error ?? epcis.error} testId="flow-source-error" />
      {telemetry.data && (
        <div data-testid="flow-telemetry-result" data-written={telemetry.data.written} data-gaps={telemetry.data.gaps.length}>
          <Typography.Title level={5}>{t('flows.ledger.runTelemetry')}</Typography.Title>
          <Typography.Text>{t('flows.ledger.written', { count: telemetry.data.written })}</Typography.Text>
          {telemetry.data.rejected.length > 0 && (
            <Table
              rowKey={(r) => `${r.tagId}:${r.reason}`}
              size="small"
              data-testid="flow-telemetry-rejected"
              dataSource={telemetry.data.rejected}
              pagination={false}
              columns={[
                { key: 'tag', title: t('flows.ledger.tag'), dataIndex: 'tagId' },
                { key: 'reason', title: t('flows.ledger.reason'), dataIndex: 'reason' },
              ]}
            />
          )}
          <Typography.Paragraph strong style={{ marginTop: 8, marginBottom: 4 }}>{t('flows.ledger.gaps')}</Typography.Paragraph>
          <Table<TelemetryGap>
            rowKey={(g) => `${g.tagId}:${g.from}`}
            size="small"
            dataSource={telemetry.data.gaps}
            locale={{ emptyText: t('flows.ledger.noGaps') }}
            pagination={telemetry.data.gaps.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
            columns={[
              { key: 'device', title: t('flows.ledger.device'), dataIndex: 'deviceCode' },
              { key: 'tag', title: t('flows.ledger.tag'), dataIndex: 'tagKey' },
              { key: 'from', title: t('flows.ledger.gapFrom'), render: (_, g) => formatTime(g.from) },
              { key: 'to', title: t('flows.ledger.gapTo'), render: (_, g) => formatTime(g.to) },
              { key: 'reason', title: t('flows.ledger.reason'), dataIndex: 'reason' },
            ]}
          />
        </div>
      )}
      {epcis.data && (
        <div data-testid="flow-epcis-result" data-written={epcis.data.written} data-skipped={epcis.data.skipped.length}>
          <Typography.Title level={5}>{t('flows.ledger.runEpcis')}</Typography.Title>
          <Typography.Text>{t('flows.ledger.written', { count: epcis.data.written })}</Typography.Text>
          {epcis.data.rejected.length > 0 && <RejectedRows rows={epcis.data.rejected} testId="flow-epcis-rejected" />}
          <Typography.Paragraph strong style={{ marginTop: 8, marginBottom: 4 }}>{t('flows.ledger.skipped')}</Typography.Paragraph>
          <Table
            rowKey={(s) => `${s.eventId}:${s.reason}`}
            size="small"
            dataSource={epcis.data.skipped}
            locale={{ emptyText: t('flows.ledger.noSkipped') }}
            pagination={epcis.data.skipped.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
            columns={[
              { key: 'event', title: t('flows.ledger.event'), dataIndex: 'eventId' },
              { key: 'reason', title: t('flows.ledger.reason'), dataIndex: 'reason' },
            ]}
          />
        </div>
      )}
    </Space>
  );
}
