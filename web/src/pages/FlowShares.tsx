/**
 * Flow sharing (流量共享): an enterprise's rules on who sees its flows and stocks beyond the
 * enterprises at their ends — another enterprise or the park (operator and regulators), all of them
 * or only its exchanges (flows between two enterprises). The share-rule page with the flows' scopes.
 */
import { useTranslation } from 'react-i18next';
import { FLOW_SHARE_SCOPES, type FlowShare } from '../api/flows';
import SharesPage from '../components/SharesPage';

export default function FlowSharesPage() {
  const { t } = useTranslation();
  return (
    <SharesPage<FlowShare>
      collection="flow-shares"
      resource="flow_share"
      testId="flow-shares"
      title={t('flows.title.shares')}
      scopes={FLOW_SHARE_SCOPES.map((s) => ({ value: s, label: t(`flows.shares.scopes.${s}`), help: t(`flows.shares.scopeHelp.${s}`) }))}
      defaultScope="exchanges"
      intro={{
        enterprise: { title: t('flows.shares.intro'), detail: t('flows.shares.introDetail') },
        park: { title: t('flows.shares.introPark'), detail: t('flows.shares.introParkDetail') },
      }}
    />
  );
}
