/**
 * Idle detection: any touch, click or key press restarts the clock. After `idleSeconds` the
 * countdown shows; after `countdownSeconds` more the session is reset.
 */
import { useEffect, useState } from 'preact/hooks';

export type IdlePhase = { kind: 'active' } | { kind: 'countdown'; secondsLeft: number };

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

export function useIdle(idleSeconds: number, countdownSeconds: number, onTimeout: () => void): { phase: IdlePhase; stillHere: () => void } {
  const [phase, setPhase] = useState<IdlePhase>({ kind: 'active' });
  const [epoch, setEpoch] = useState(0);

  useEffect(() => {
    let lastActivity = Date.now();
    const onActivity = (): void => {
      lastActivity = Date.now();
    };
    ACTIVITY_EVENTS.forEach((name) => document.addEventListener(name, onActivity, { capture: true, passive: true }));
    const timer = window.setInterval(() => {
      const idle = (Date.now() - lastActivity) / 1000;
      if (idle < idleSeconds) {
        setPhase((current) => (current.kind === 'active' ? current : { kind: 'active' }));
        return;
      }
      const secondsLeft = Math.max(0, Math.ceil(idleSeconds + countdownSeconds - idle));
      if (secondsLeft === 0) {
        lastActivity = Date.now();
        setPhase({ kind: 'active' });
        onTimeout();
        return;
      }
      setPhase((current) => (current.kind === 'countdown' && current.secondsLeft === secondsLeft ? current : { kind: 'countdown', secondsLeft }));
    }, 250);
    return () => {
      window.clearInterval(timer);
      ACTIVITY_EVENTS.forEach((name) => document.removeEventListener(name, onActivity, { capture: true }));
    };
  }, [idleSeconds, countdownSeconds, onTimeout, epoch]);

  return { phase, stillHere: () => setEpoch((value) => value + 1) };
}
