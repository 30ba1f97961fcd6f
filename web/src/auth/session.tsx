/** The logged-in user and the park, shared by every page. */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, onUnauthorized, request, setToken } from '../api/client';
import type { LoginResult, Park, User } from '../api/types';
import i18n, { rememberLanguage, savedLanguage, type Language } from '../i18n';

interface Session {
  /** undefined while the first /auth/me is under way; null when logged out. */
  user: User | null | undefined;
  park: Park | undefined;
  login(username: string, password: string): Promise<User>;
  logout(): Promise<void>;
  setUser(u: User): void;
  setLanguage(lang: Language): void;
}

const SessionContext = createContext<Session | null>(null);

/**
 * Whether this browser logged in (the session cookie itself is HttpOnly). Without it the console
 * shows the log-in page at once instead of asking /auth/me for a 401.
 */
const SESSION_HINT = 'symbiont.session';
const hint = {
  get: () => {
    try {
      return localStorage.getItem(SESSION_HINT) === '1';
    } catch {
      return true;
    }
  },
  set: (on: boolean) => {
    try {
      if (on) localStorage.setItem(SESSION_HINT, '1');
      else localStorage.removeItem(SESSION_HINT);
    } catch {
      /* ignore */
    }
  },
};

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUserState] = useState<User | null | undefined>(() => (hint.get() ? undefined : null));
  const queryClient = useQueryClient();

  useEffect(() => {
    let cancelled = false;
    if (hint.get()) {
      request<{ user: User }>('/auth/me', { quiet401: true })
        .then((r) => !cancelled && setUserState(r.user))
        .catch(() => {
          hint.set(false);
          if (!cancelled) setUserState(null);
        });
    }
    onUnauthorized(() => {
      hint.set(false);
      setUserState(null);
      queryClient.clear();
    });
    return () => {
      cancelled = true;
      onUnauthorized(null);
    };
  }, [queryClient]);

  // A user's own language applies when this browser has no choice of its own yet.
  useEffect(() => {
    if (user && !savedLanguage() && (user.locale === 'zh-CN' || user.locale === 'en') && i18n.language !== user.locale) {
      void i18n.changeLanguage(user.locale);
    }
  }, [user]);

  const park = useQuery({ queryKey: ['park'], queryFn: () => api.get<Park>('/park'), enabled: !!user, staleTime: 60_000 });

  const login = useCallback(
    async (username: string, password: string) => {
      const r = await request<LoginResult>('/auth/login', { method: 'POST', body: { username, password }, quiet401: true });
      setToken(r.token);
      hint.set(true);
      queryClient.clear();
      setUserState(r.user);
      return r.user;
    },
    [queryClient],
  );

  const logout = useCallback(async () => {
    try {
      await request('/auth/logout', { method: 'POST', quiet401: true });
    } finally {
      setToken(null);
      hint.set(false);
      queryClient.clear();
      setUserState(null);
    }
  }, [queryClient]);

  const setLanguage = useCallback(
    (lang: Language) => {
      rememberLanguage(lang);
      void i18n.changeLanguage(lang);
      if (user && user.locale !== lang) {
        setUserState({ ...user, locale: lang });
        api.patch<{ user: User }>('/auth/me', { locale: lang }).then(
          (r) => setUserState(r.user),
          () => undefined,
        );
      }
    },
    [user],
  );

  const value = useMemo<Session>(
    () => ({ user, park: park.data, login, logout, setUser: setUserState, setLanguage }),
    [user, park.data, login, logout, setLanguage],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}

/** The logged-in user (pages under the layout are only rendered with one). */
export function useUser(): User {
  const { user } = useSession();
  if (!user) throw new Error('no user');
  return user;
}
