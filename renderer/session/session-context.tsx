/**
 * Everything one person's session holds, in one place, so that the idle reset can drop it whole:
 * the app unmounts the session and mounts a new one. Nothing here is written to storage.
 */
import { createContext, type ComponentChildren } from 'preact';
import { useContext, useMemo, useRef, useState } from 'preact/hooks';
import type { CategoryNode, KioskApi, KioskResponse, KioskStatus } from '../../common/contract/kiosk-api';
import type { UsageEvent } from '../../common/contract/staff-api';
import { DEFAULT_FILTERS, type FilterState } from './filters';
import type { Route } from './routes';

export type Town = KioskResponse<'towns'>['towns'][number];

export interface Session {
  api: KioskApi;
  /** Drawn at random when the session starts, forgotten at the idle reset: counts its tickets, nothing else. */
  id: string;
  status: KioskStatus;
  categories: CategoryNode[];
  categoryById: ReadonlyMap<string, CategoryNode>;
  route: Route;
  canGoBack: boolean;
  navigate: (route: Route) => void;
  back: () => void;
  home: () => void;
  filters: FilterState;
  setFilters: (filters: FilterState) => void;
  /** Results are measured from this town instead of the kiosk; null: near the kiosk. */
  town: Town | null;
  setTown: (town: Town | null) => void;
  /** Text typed on the on-screen keyboard, kept while moving between screens of the session. */
  typed: string;
  setTyped: (text: string) => void;
  /**
   * Adds to the kiosk's anonymous daily counters; with `once`, only the first time in this session
   * (a search seen again on the way back counts once). Staff sessions count nothing.
   */
  countUsage: (event: UsageEvent, once?: string) => void;
  /** Staff mode, unlocked with the PIN: the token lives in this session only. */
  enterStaff: (token: string) => void;
  /** This session is staff's (nothing in it is counted as a person's). */
  isStaff: boolean;
}

const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a SessionProvider');
  return session;
}

function indexCategories(roots: CategoryNode[]): Map<string, CategoryNode> {
  const byId = new Map<string, CategoryNode>();
  const walk = (node: CategoryNode): void => {
    byId.set(node.id, node);
    node.children.forEach(walk);
  };
  roots.forEach(walk);
  return byId;
}

interface ProviderProps {
  api: KioskApi;
  status: KioskStatus;
  categories: CategoryNode[];
  children: ComponentChildren;
}

export function SessionProvider({ api, status, categories, children }: ProviderProps) {
  const [stack, setStack] = useState<Route[]>([{ screen: 'welcome' }]);
  const [filters, setFilters] = useState<FilterState>(DEFAULT_FILTERS);
  const [town, setTown] = useState<Town | null>(null);
  const [typed, setTyped] = useState('');
  const categoryById = useMemo(() => indexCategories(categories), [categories]);
  const [id] = useState(() => crypto.randomUUID());
  const [isStaff, setStaff] = useState(false);
  const counted = useRef(new Set<string>());
  const route = stack[stack.length - 1] as Route;

  const session: Session = {
    api,
    id,
    status,
    categories,
    categoryById,
    route,
    canGoBack: stack.length > 1,
    navigate: (next) => setStack((current) => [...current, next]),
    back: () => setStack((current) => (current.length > 1 ? current.slice(0, -1) : current)),
    home: () => setStack([{ screen: 'welcome' }]),
    filters,
    setFilters,
    town,
    setTown,
    typed,
    setTyped,
    countUsage: (event, once) => {
      if (isStaff) return;
      if (once !== undefined) {
        if (counted.current.has(once)) return;
        counted.current.add(once);
      }
      // A counter that is not written is no reason to trouble the person.
      api.usage(event).catch(() => undefined);
    },
    enterStaff: (token) => {
      setStaff(true);
      setStack((current) => [...current, { screen: 'staff', token }]);
    },
    isStaff,
  };
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}
