/**
 * Trace sharing: an enterprise's rules on who sees its EPCIS events beyond the parties of its
 * shipments — another enterprise or the park (operator and regulators), all events or only
 * shipments. The page is the share-rule page (components/SharesPage) with trace's scopes and texts.
 */
import { useTranslation } from 'react-i18next';
import { SHARE_SCOPES, type TraceShare } from '../api/trace';
import SharesPage from '../components/SharesPage';

export default function TraceSharesPage() {
  const { t } = useTranslation();
  return (
    <SharesPage<TraceShare>
      collection="trace-shares"
      resource="trace_share"
      testId="trace-shares"
      title={t('menu.traceShares')}
      scopes={SHARE_SCOPES.map((s) => ({ value: s, label: t(`share.scopes.${s}`), help: t(`share.scopeHelp.${s}`) }))}
      defaultScope="shipments"
      intro={{
        enterprise: { title: t('share.intro'), detail: t('share.introDetail') },
        park: { title: t('share.introPark'), detail: t('share.introParkDetail') },
      }}
    />
  );
}
