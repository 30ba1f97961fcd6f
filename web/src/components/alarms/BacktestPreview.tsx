/**
 * How a rule being written would have fired: the back-test of the form's rule over the last N days
 * of its tag (or a chosen tag, for a rule on a device, unit or device kind), drawn as the series
 * with the rule's limits and its episodes shaded, with the counts: episodes, time in alarm, and for
 * a forecast its warnings, hits, false-alarm rate and median lead time. Shown before saving.
 */
import { useMemo, useState } from 'react';
import { Alert, Button, Card, Col, Form, InputNumber, Row, Space, Statistic, Typography, type FormInstance } from 'antd';
import { ExperimentOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useFormatTime } from '../../api/hooks';
import { useFormatValue, useParkClock } from '../../api/telemetry';
import { usePreviewRule, type PreviewResult } from '../../api/alarms';
import EChart from '../EChart';
import { ErrorAlert } from '../errors';
import { EPISODE_AXIS, episodeSeries, limitLines, valueExtent } from './AlarmChartParts';
import { useDurationText } from './AlarmLabels';
import { previewRule, TagSelect } from './RuleForm';

export default function BacktestPreview({ form, enterpriseId }: { form: FormInstance; enterpriseId?: number | null }) {
  const { t } = useTranslation();
  const preview = usePreviewRule();
  const [days, setDays] = useState(7);
  const [tagId, setTagId] = useState<number | undefined>();
  const [limits, setLimits] = useState<{ highHigh?: number; high?: number; low?: number; lowLow?: number }>({});
  const subject = Form.useWatch('_subject', form) as string | undefined;
  const onTag = !subject || subject === 'tag';

  const run = async () => {
    try {
      await form.validateFields();
    } catch {
      return;
    }
    const values = form.getFieldsValue();
    const rule = previewRule(values);
    const pick = (k: 'highHigh' | 'high' | 'low' | 'lowLow') => (typeof values[k] === 'number' ? (values[k] as number) : undefined);
    setLimits({ highHigh: pick('highHigh'), high: pick('high'), low: pick('low'), lowLow: pick('lowLow') });
    preview.mutate(
      { rule, days, ...(onTag || tagId === undefined ? {} : { tagId }) },
      {
        // The rule's problems (`/body/rule/high`) belong on the form's fields.
        onError: (err) => {
          if (!(err instanceof ApiError)) return;
          const known = Object.keys(form.getFieldsValue());
          const byField = new Map<string, string[]>();
          for (const e of err.errors) {
            const m = /^\/body\/rule\/([^/]+)/.exec(e.path);
            if (m && known.includes(m[1])) byField.set(m[1], [...(byField.get(m[1]) ?? []), e.message]);
          }
          if (byField.size) form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
        },
      },
    );
  };

  return (
    <Card size="small" title={t('alarms.preview.title')} style={{ margin: '8px 0 16px' }} data-testid="rule-preview">
      <Space wrap style={{ marginBottom: 8 }}>
        <Typography.Text>{t('alarms.preview.lastDays')}</Typography.Text>
        <InputNumber<number> min={1} max={30} precision={0} value={days} onChange={(v) => v !== null && setDays(v)} style={{ width: 80 }} data-testid="preview-days" />
        {!onTag && (
          <TagSelect enterpriseId={enterpriseId} value={tagId} onChange={setTagId} placeholder={t('alarms.preview.tag')} style={{ width: 280 }} data-testid="preview-tag" />
        )}
        <Button icon={<ExperimentOutlined />} onClick={() => void run()} loading={preview.isPending} data-testid="preview-run">
          {t('alarms.preview.run')}
        </Button>
      </Space>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{t('alarms.preview.help')}</Typography.Paragraph>
      <ErrorAlert error={preview.error} testId="preview-error" />
      {preview.data && !preview.isPending && <PreviewResultView r={preview.data} limits={limits} />}
    </Card>
  );
}

function PreviewResultView({ r, limits }: { r: PreviewResult; limits: { highHigh?: number; high?: number; low?: number; lowLow?: number } }) {
  const { t } = useTranslation();
  const clock = useParkClock();
  const fmtValue = useFormatValue();
  const fmtTime = useFormatTime();
  const duration = useDurationText();
  const res = r.result;
  const f = res.forecast;

  const option = useMemo(() => {
    const lines = limitLines(limits, fmtValue);
    const extent = valueExtent([...r.series.map((p) => p.value), ...lines.map((l) => l.yAxis)]);
    return {
      useUTC: true,
      animation: false,
      grid: { left: 12, right: 24, top: 24, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => fmtValue(v) },
      xAxis: { type: 'time', min: clock.toWall(r.from), max: clock.toWall(r.to), axisLabel: { hideOverlap: true } },
      yAxis: [{ type: 'value', ...extent, splitLine: { lineStyle: { type: 'dashed', opacity: 0.6 } } }, EPISODE_AXIS],
      series: [
        {
          type: 'line', name: t('telemetry.value'), symbol: 'none', sampling: 'lttb', lineStyle: { width: 1.2, color: '#1677ff' }, itemStyle: { color: '#1677ff' },
          data: r.series.map((p) => [clock.toWall(p.ts), p.value]),
          markLine: lines.length ? { symbol: 'none', silent: true, animation: false, data: lines } : undefined,
        },
        ...episodeSeries(res.episodes, r.to, clock.toWall, t('alarms.preview.episodes')),
      ],
    };
  }, [r, res.episodes, limits, clock, fmtValue, t]);

  const pct = (x: number | null | undefined) => (x === null || x === undefined ? '–' : `${Math.round(x * 1000) / 10}%`);
  return (
    <div data-testid="preview-result" data-episodes={res.episodes.length} data-points={res.points}>
      <Row gutter={[12, 8]}>
        <Col flex="1 1 110px"><Statistic title={t('alarms.preview.episodes')} value={res.episodes.length} /></Col>
        <Col flex="1 1 140px"><Statistic title={t('alarms.preview.timeInAlarm')} value={pct(res.timeInAlarm)} /></Col>
        <Col flex="1 1 110px"><Statistic title={t('alarms.preview.points')} value={res.points} /></Col>
        {res.invalid > 0 && <Col flex="1 1 110px"><Statistic title={t('alarms.preview.invalid')} value={res.invalid} /></Col>}
        {f && (
          <>
            <Col flex="1 1 110px"><Statistic title={t('alarms.preview.warnings')} value={f.warnings} /></Col>
            <Col flex="1 1 110px"><Statistic title={t('alarms.preview.hits')} value={`${f.hits} / ${f.crossings}`} /></Col>
            <Col flex="1 1 130px"><Statistic title={t('alarms.preview.falseAlarmRate')} value={pct(f.falseAlarmRate)} /></Col>
            <Col flex="1 1 140px"><Statistic title={t('alarms.preview.medianLead')} value={duration(f.medianLeadMs)} /></Col>
          </>
        )}
      </Row>
      {r.series.length === 0 ? (
        <Alert type="info" showIcon title={t('alarms.preview.noData')} style={{ marginTop: 12 }} />
      ) : (
        <EChart option={option} style={{ height: 260, marginTop: 8 }} data-testid="preview-chart" />
      )}
      {res.episodes.length > 0 && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('alarms.preview.firstEpisode', { at: fmtTime(res.episodes[0].from) })}
        </Typography.Text>
      )}
    </div>
  );
}
