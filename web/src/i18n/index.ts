/** The console's languages: Chinese (the default in China) and English, a shared resource file and one per module area each (resources.ts). */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { TEXT } from './resources';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const STORAGE_KEY = 'symbiont.lang';

export function savedLanguage(): Language | null {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return v === 'zh-CN' || v === 'en' ? v : null;
  } catch {
    return null;
  }
}

/** The saved choice, else Chinese for a Chinese browser, else English. */
export function initialLanguage(): Language {
  return savedLanguage() ?? (typeof navigator !== 'undefined' && navigator.language?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en');
}

export function rememberLanguage(lang: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    /* private mode: the choice lasts for this page only */
  }
}

const lng = initialLanguage();
void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: TEXT['zh-CN'] }, en: { translation: TEXT.en } },
  lng,
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  returnNull: false,
});
document.documentElement.lang = lng;
i18n.on('languageChanged', (l) => {
  document.documentElement.lang = l;
});

export default i18n;
