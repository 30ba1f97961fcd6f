/** The console's and reports' languages. */
export const LOCALES = ['zh-CN', 'en'] as const;
