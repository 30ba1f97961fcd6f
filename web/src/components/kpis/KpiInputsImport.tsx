/**
 * Upload of a CSV file of value added and production (`enterprise,unit,period,value_added_10k_cny,
 * production_t,main_product`): all or nothing — a file with a bad row writes nothing, and every
 * bad row is listed with its reason.
 */
import { Button, Space, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { KpiImportRefused, useUploadKpiInputsCsv } from '../../api/kpis';
import { ErrorAlert } from '../errors';
import { RejectedRows } from '../flows/CsvImport';

export default function KpiInputsImport() {
  const { t } = useTranslation();
  const upload = useUploadKpiInputsCsv();
  const refused = upload.error instanceof KpiImportRefused && upload.error.rows.length > 0 ? upload.error : null;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="kpi-inputs-import">
      <Typography.Text type="secondary">{t('kpis.inputs.importHelp')}</Typography.Text>
      <Typography.Text code style={{ fontSize: 12 }}>
        enterprise,unit,period,value_added_10k_cny,production_t,main_product
      </Typography.Text>
      <Upload
        accept=".csv,text/csv"
        showUploadList={false}
        maxCount={1}
        customRequest={({ file, onSuccess, onError }) => {
          upload.mutate(file as File, { onSuccess: (a) => onSuccess?.(a), onError: (err) => onError?.(err as Error) });
        }}
      >
        <Button icon={<UploadOutlined />} loading={upload.isPending} data-testid="kpi-inputs-upload">
          {t('kpis.inputs.upload')}
        </Button>
      </Upload>
      {upload.data && (
        <Typography.Text type="success" data-testid="kpi-inputs-imported" data-imported={upload.data.imported}>
          {t('kpis.inputs.imported', { count: upload.data.imported, created: upload.data.created, updated: upload.data.updated })}
        </Typography.Text>
      )}
      {upload.error && !refused && <ErrorAlert error={upload.error} testId="kpi-inputs-import-error" />}
      {refused && (
        <div data-testid="kpi-inputs-refused" data-rejected={refused.rows.length}>
          <Typography.Text type="danger">{t('kpis.inputs.refused', { count: refused.rows.length })}</Typography.Text>
          <RejectedRows rows={refused.rows} testId="kpi-inputs-rejected" />
        </div>
      )}
    </Space>
  );
}
