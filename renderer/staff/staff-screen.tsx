/**
 * Staff mode (issue 9): the desk's tools, one tab each. Reached by the gesture and the PIN on the
 * welcome screen; ends with "leave", home, or the idle reset, like any session.
 */
import { LogOut } from 'lucide-preact';
import { useCallback, useMemo, useState } from 'preact/hooks';
import { KioskCallError } from '../../common/contract/errors';
import { withStaffToken } from '../api/with-staff-token';
import { useTranslation } from '../i18n/use-translation';
import { useSession } from '../session/session-context';
import { DataPanel } from './staff-data';
import { KioskPanel } from './staff-kiosk';
import { ListsPanel } from './staff-lists';
import { PrinterPanel } from './staff-printer';
import { QualityPanel } from './staff-quality';
import { ReportsPanel } from './staff-reports';
import { StaffContext } from './staff-shared';
import { UsagePanel } from './staff-usage';
import './staff.css';

const TABS = ['lists', 'printer', 'data', 'quality', 'reports', 'usage', 'kiosk'] as const;
type Tab = (typeof TABS)[number];

const PANELS: Record<Tab, () => preact.JSX.Element> = {
  lists: ListsPanel,
  printer: PrinterPanel,
  data: DataPanel,
  quality: QualityPanel,
  reports: ReportsPanel,
  usage: UsagePanel,
  kiosk: KioskPanel,
};

export function StaffScreen({ token }: { token: string }) {
  const { t } = useTranslation();
  const session = useSession();
  const [tab, setTab] = useState<Tab>('lists');
  const [problem, setProblem] = useState<string | null>(null);
  const failed = useCallback(
    (error: unknown) => {
      // The host forgot the token (idle, another unlock): staff mode is over.
      if (error instanceof KioskCallError && error.code === 'staff-only') session.home();
      else setProblem(error instanceof Error ? error.message : String(error));
    },
    [session],
  );
  const value = useMemo(() => ({ api: withStaffToken(session.api, token), status: session.status, failed }), [token, session.status, failed]);
  const Panel = PANELS[tab];
  return (
    <StaffContext.Provider value={value}>
      <main class="screen staff" data-screen="staff">
        <div class="staff__head">
          <h1 class="screen__title">{t('staff.title')}</h1>
          <button type="button" class="button" onClick={session.home} data-testid="staff-leave">
            <LogOut aria-hidden="true" size={28} />
            <span>{t('staff.leave')}</span>
          </button>
        </div>
        <div class="staff__tabs" role="tablist" aria-label={t('staff.title')}>
          {TABS.map((name) => (
            <button
              type="button"
              role="tab"
              key={name}
              id={`staff-tab-${name}`}
              aria-selected={tab === name}
              aria-controls="staff-panel"
              class="staff__tab"
              onClick={() => {
                setProblem(null);
                setTab(name);
              }}
              data-testid={`staff-tab-${name}`}
            >
              {t(`staff.tabs.${name}`)}
            </button>
          ))}
        </div>
        {problem && (
          <p class="staff__problem" role="alert" data-testid="staff-problem">
            {problem}
          </p>
        )}
        <section id="staff-panel" role="tabpanel" aria-labelledby={`staff-tab-${tab}`} class="staff__panel" data-panel={tab}>
          <Panel key={tab} />
        </section>
      </main>
    </StaffContext.Provider>
  );
}
