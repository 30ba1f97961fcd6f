/** 中文 / English, remembered in this browser and, once logged in, in the user's profile. */
import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/session';
import type { Language } from '../i18n';

export default function LanguageSwitch() {
  const { i18n } = useTranslation();
  const { setLanguage } = useSession();
  return (
    <Segmented<Language>
      size="small"
      value={i18n.language === 'en' ? 'en' : 'zh-CN'}
      onChange={(v) => setLanguage(v)}
      options={[
        { value: 'zh-CN', label: <span data-testid="lang-zh">中文</span> },
        { value: 'en', label: <span data-testid="lang-en">English</span> },
      ]}
      data-testid="lang-switch"
    />
  );
}
