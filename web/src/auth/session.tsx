/** The logged-in user, what they may do (as the API says), and the park, shared by every page. */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, onUnauthorized, request, setToken } from '../api/client';
import { parkQuery } from '../api/registry';
import type { LoginResult, Park, Role, User } from '../api/types';
import i18n, { rememberLanguage, savedLanguage, type Language } from '../i18n';
import { canWith, type Abilities, type Can, type Me } from './permissions';

interface Session {
  /** undefined while the first /auth/me is under way; null when logged out. */
  user: User | null | undefined;
  /** What the user may do, `<subject>.<action>` → any | own | none (empty when logged out). */
  abilities: Abilities;
  /** The roles the user may give to others. */
  grantableRoles: Role[];
  /** May the user do `action` to `subject` (to this row, if given)? */
  can: Can;
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

const NO_ABILITIES: Abilities = {};
const NO_ROLES: Role[] = [];

/** Who is logged in: the whole answer of /auth/me, so that the user and their abilities change together. */
const fetchMe = () => request<Me>('/auth/me', { quiet401: true });

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null | undefined>(() => (hint.get() ? undefined : null));
  const user = me === undefined ? undefined : (me?.user ?? null);
  const queryClient = useQueryClient();
  const setUserState = useCallback((u: User | null) => setMe((m) => (u === null ? null : m ? { ...m, user: u } : m)), []);

  useEffect(() => {
    let cancelled = false;
    if (hint.get()) {
      fetchMe()
        .then((r) => !cancelled && setMe(r))
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
  }, [queryClient, setUserState]);

  // A user's own language applies when this browser has no choice of its own yet.
  useEffect(() => {
    if (user && !savedLanguage() && (user.locale === 'zh-CN' || user.locale === 'en') && i18n.language !== user.locale) {
      void i18n.changeLanguage(user.locale);
    }
  }, [user]);

  const park = useQuery({ ...parkQuery, enabled: !!user });

  const login = useCallback(
    async (username: string, password: string) => {
      const r = await request<LoginResult>('/auth/login', { method: 'POST', body: { username, password }, quiet401: true });
      setToken(r.token);
      hint.set(true);
      queryClient.clear();
      // The log-in answers the user only; what they may do comes with /auth/me.
      const m = await fetchMe();
      setMe(m);
      return m.user;
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
  }, [queryClient, setUserState]);

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
    [user, setUserState],
  );

  const abilities = me?.abilities ?? NO_ABILITIES;
  const enterpriseId = me?.user.enterpriseId ?? null;
  const can = useMemo(() => canWith(abilities, enterpriseId), [abilities, enterpriseId]);
  const value = useMemo<Session>(
    () => ({ user, abilities, grantableRoles: me?.grantableRoles ?? NO_ROLES, can, park: park.data, login, logout, setUser: setUserState, setLanguage }),
    [user, abilities, me?.grantableRoles, can, park.data, login, logout, setUserState, setLanguage],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}

/** The question every page asks before showing an action: `can('update', 'device', row)`. */
export function useCan(): Can {
  return useSession().can;
}

/** The logged-in user (pages under the layout are only rendered with one). */
export function useUser(): User {
  const { user } = useSession();
  if (!user) throw new Error('no user');
  return user;
}
