/**
 * The reconciliation of a balance in words: the global chi-square test (passed or failed, and what
 * that means), why it could not run if it could not, and each suspect as a sentence.
 */
import { Alert, Descriptions, List, Space, Tag, Typography } from 'antd';
import { CheckCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Balances } from '../../api/flows';
import { equalTestGroups, explainEqualTests, explainSuspect, type ExplainContext } from './explain';
import { formatProbability, formatStat } from './format';

export default function ReconciliationSummary({ balances, names }: { balances: Balances; names: Pick<ExplainContext, 'nodeName' | 'materialName'> }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const r = balances.reconciliation;
  const ctx: ExplainContext = { t, lang, ...names };
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      {r.problem ? (
        <Alert
          type="warning"
          showIcon
          data-testid="reconciliation-problem"
          data-reason={r.problem.reason}
          title={t(`flows.balances.${r.problem.reason}`, { flows: r.problem.variables.join(', ') || r.problem.constraints.join(', ') })}
          description={r.problem.detail}
        />
      ) : (
        <Descriptions
          size="small"
          bordered
          column={{ xs: 1, sm: 2, lg: 4 }}
          data-testid="global-test"
          data-passed={r.passed === null ? '' : r.passed ? '1' : '0'}
          data-chi-square={r.chiSquare ?? ''}
          title={t('flows.balances.globalTest')}
          items={[
            {
              key: 'result',
              label: t('flows.balances.globalTest'),
              children:
                r.passed === null ? (
                  <Tag data-testid="global-test-result">{t('flows.balances.notTested')}</Tag>
                ) : r.passed ? (
                  <Tag icon={<CheckCircleOutlined />} color="success" data-testid="global-test-result">{t('flows.balances.passed')}</Tag>
                ) : (
                  <Tag icon={<WarningOutlined />} color="error" data-testid="global-test-result">{t('flows.balances.failed')}</Tag>
                ),
            },
            { key: 'chi', label: t('flows.balances.chiSquare'), children: formatStat(r.chiSquare, lang) },
            { key: 'dof', label: t('flows.balances.dof'), children: r.dof ?? '–' },
            { key: 'p', label: t('flows.balances.pValue'), children: formatProbability(r.pValue, lang) },
          ]}
        />
      )}
      {!r.problem && r.passed !== null && (
        <Typography.Text type={r.passed ? 'secondary' : 'danger'}>{r.passed ? t('flows.balances.passedHelp') : t('flows.balances.failedHelp')}</Typography.Text>
      )}
      <div>
        <Typography.Title level={5}>{t('flows.balances.suspectsTitle')}</Typography.Title>
        {equalTestGroups(balances).map((g) => (
          <Alert key={g.nodeCode} type="info" showIcon style={{ marginBottom: 8 }} data-testid="equal-tests" data-node={g.nodeCode} title={explainEqualTests(g, ctx)} />
        ))}
        <List
          size="small"
          bordered
          data-testid="suspects"
          data-count={balances.suspects.length}
          locale={{ emptyText: t('flows.balances.noSuspects') }}
          dataSource={balances.suspects}
          renderItem={(s) => (
            <List.Item data-testid="suspect" data-kind={s.kind} data-key={s.key} data-meaning={s.meaning} data-node={s.nodeCode ?? ''}>
              <Space align="start">
                <WarningOutlined style={{ color: '#cf1322', marginTop: 4 }} />
                <span>{explainSuspect(s, balances, ctx)}</span>
              </Space>
            </List.Item>
          )}
        />
      </div>
    </Space>
  );
}
