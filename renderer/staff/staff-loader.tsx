/**
 * Staff mode's screens are loaded only once the PIN was accepted: a separate chunk, so a person's
 * kiosk never downloads or parses them. Leaving (home, the idle reset) locks staff mode on the host.
 */
import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { withStaffToken } from '../api/with-staff-token';
import { MessageScreen } from '../components/message-screen/message-screen';
import { useSession } from '../session/session-context';

type StaffScreenComponent = FunctionComponent<{ token: string }>;

export function StaffLoader({ token }: { token: string }) {
  const session = useSession();
  const [Screen, setScreen] = useState<StaffScreenComponent | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let current = true;
    import('./staff-screen').then(
      (module) => current && setScreen(() => module.StaffScreen),
      () => current && setFailed(true),
    );
    return () => {
      current = false;
      // The token dies with the screen: home, back or the idle reset.
      withStaffToken(session.api, token).staffLock({}).catch(() => undefined);
    };
  }, [token]);
  if (failed || !Screen) return <MessageScreen failed={failed} />;
  return <Screen token={token} />;
}
