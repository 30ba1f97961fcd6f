/**
 * Upload of a CSV file of flows: sent as it is, its progress followed until the import is done or
 * failed, and every rejected row listed with its reason (nothing is imported when any row is).
 */
import { useState } from 'react';
import { Button, Progress, Space, Table, Tag, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useFlowImport, useUploadFlowsCsv, type ImportState, type RejectedRow } from '../../api/flows';
import { ErrorAlert } from '../errors';

const STATE_COLOR: Record<ImportState, string> = { running: 'processing', done: 'success', failed: 'error' };

export default function CsvImport() {
  const { t } = useTranslation();
  const upload = useUploadFlowsCsv();
  const [importId, setImportId] = useState<number | null>(null);
  const imp = useFlowImport(importId).data;
  const percent = imp && imp.totalRows > 0 ? Math.round((imp.processedRows / imp.totalRows) * 100) : imp?.state === 'running' ? 0 : 100;

  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="flow-import">
      <Typography.Text type="secondary">{t('flows.ledger.importHelp')}</Typography.Text>
      <Upload
        accept=".csv,text/csv"
        showUploadList={false}
        maxCount={1}
        customRequest={({ file, onSuccess, onError }) => {
          upload.mutate(file as File, {
            onSuccess: (answer) => {
              setImportId(answer.id);
              onSuccess?.(answer);
            },
            onError: (err) => onError?.(err as Error),
          });
        }}
      >
        <Button icon={<UploadOutlined />} loading={upload.isPending} data-testid="flow-import-upload">
          {t('flows.ledger.upload')}
        </Button>
      </Upload>
      <ErrorAlert error={upload.error} testId="flow-import-error" />
      {imp && (
        <div data-testid="flow-import-result" data-state={imp.state} data-accepted={imp.accepted} data-rejected={imp.rejected}>
          <Space wrap>
            <Tag color={STATE_COLOR[imp.state]}>{t(`flows.ledger.importState.${imp.state}`)}</Tag>
            <Typography.Text>{t('flows.ledger.importProgress', { processed: imp.processedRows, total: imp.totalRows })}</Typography.Text>
            {imp.state !== 'running' && <Typography.Text type="success">{t('flows.ledger.accepted', { count: imp.accepted })}</Typography.Text>}
            {imp.rejected > 0 && <Typography.Text type="danger">{t('flows.ledger.rejected', { count: imp.rejected })}</Typography.Text>}
          </Space>
          <Progress percent={percent} status={imp.state === 'failed' ? 'exception' : imp.state === 'done' ? 'success' : 'active'} size="small" />
          {imp.errors.length > 0 && <RejectedRows rows={imp.errors} testId="flow-import-errors" />}
        </div>
      )}
    </Space>
  );
}

export function RejectedRows({ rows, testId }: { rows: readonly RejectedRow[]; testId: string }) {
  const { t } = useTranslation();
  return (
    <Table<RejectedRow>
      rowKey={(r) => `${r.row}:${r.reason}`}
      size="small"
      data-testid={testId}
      dataSource={[...rows]}
      pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      onRow={(r) => ({ 'data-testid': 'rejected-row', 'data-row': r.row }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        { key: 'row', title: t('flows.ledger.row'), dataIndex: 'row', width: 80 },
        { key: 'reason', title: t('flows.ledger.reason'), dataIndex: 'reason' },
      ]}
    />
  );
}
