/**
 * The staff PIN, typed on a digit pad (no keyboard on a kiosk). A wrong PIN makes the next try
 * wait longer each time (the host decides and says how long); the pad counts the wait down.
 */
import { Delete } from 'lucide-preact';
import { useEffect, useState } from 'preact/hooks';
import { useTranslation } from '../../i18n/use-translation';
import { useSession } from '../../session/session-context';
import { Dialog } from '../dialog/dialog';

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'] as const;
const MAX_DIGITS = 12;

type Notice = { kind: 'wrong' | 'wait' | 'not-configured' | 'failed' } | null;

export function StaffPinDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const session = useSession();
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  const [waitUntil, setWaitUntil] = useState(0);
  const [, setTick] = useState(0);
  const secondsLeft = Math.max(0, Math.ceil((waitUntil - Date.now()) / 1000));

  useEffect(() => {
    if (waitUntil === 0) return;
    const timer = window.setInterval(() => setTick((n) => n + 1), 250);
    return () => window.clearInterval(timer);
  }, [waitUntil]);

  const submit = (): void => {
    if (busy || pin.length === 0) return;
    setBusy(true);
    session.api.staffUnlock({ pin }).then(
      (answer) => {
        setBusy(false);
        setPin('');
        if (answer.unlocked) {
          session.enterStaff(answer.token);
          onClose();
          return;
        }
        setNotice({ kind: answer.reason === 'wrong-pin' ? 'wrong' : answer.reason });
        setWaitUntil(answer.retryAfterSeconds > 0 ? Date.now() + answer.retryAfterSeconds * 1000 : 0);
      },
      () => {
        setBusy(false);
        setNotice({ kind: 'failed' });
      },
    );
  };

  const waiting = secondsLeft > 0;
  return (
    <Dialog title={t('staff.pin.title')} onClose={onClose} testId="staff-pin">
      <div class="pin-pad" data-waiting={waiting ? 'yes' : 'no'}>
        <p class="pin-pad__dots" aria-live="polite" data-testid="staff-pin-dots">
          <span aria-hidden="true">{pin.length > 0 ? '●'.repeat(pin.length) : t('staff.pin.prompt')}</span>
          <span class="visually-hidden">{pin.length > 0 ? t('staff.pin.entered', { count: pin.length }) : t('staff.pin.prompt')}</span>
        </p>
        <div class="pin-pad__keys">
          {DIGITS.map((digit) => (
            <button
              type="button"
              key={digit}
              class="pin-pad__key"
              disabled={busy || pin.length >= MAX_DIGITS}
              onClick={() => setPin((current) => current + digit)}
              data-testid={`staff-pin-${digit}`}
            >
              {digit}
            </button>
          ))}
          <button type="button" class="pin-pad__key" onClick={() => setPin((current) => current.slice(0, -1))} aria-label={t('staff.pin.erase')} data-testid="staff-pin-erase">
            <Delete aria-hidden="true" size={32} />
          </button>
        </div>
        <button type="button" class="button button--primary pin-pad__submit" disabled={busy || waiting || pin.length === 0} onClick={submit} data-testid="staff-pin-submit">
          {t('staff.pin.submit')}
        </button>
        {notice && (
          <p class="pin-pad__notice" role="alert" data-testid="staff-pin-notice" data-kind={notice.kind}>
            {notice.kind === 'wrong' && t('staff.pin.wrong')}
            {notice.kind === 'not-configured' && t('staff.pin.notConfigured')}
            {notice.kind === 'failed' && t('app.unavailable')}
            {waiting && (
              <>
                {' '}
                <span data-testid="staff-pin-wait" data-seconds={secondsLeft}>
                  {t('staff.pin.wait', { seconds: secondsLeft })}
                </span>
              </>
            )}
          </p>
        )}
      </div>
    </Dialog>
  );
}
