/**
 * The map beside the list: numbered pins matching the numbered cards, the kiosk as "you are
 * here", on the kiosk's own stored tiles (a plain background before the first sync has fetched
 * any): never a network call, never a grey broken map. Leaflet is loaded on first use (its own
 * chunk, outside the start budget).
 */
import { useEffect, useRef } from 'preact/hooks';
import type { Point } from '../../../common/geo/walking';
import { useTranslation } from '../../i18n/use-translation';
import { useSession } from '../../session/session-context';
import type { MapPin, MapWalk } from './map-view';

export type { MapPin, MapWalk };

export interface ResultsMapProps {
  here: Point;
  hereLabel: string;
  pins: MapPin[];
  /** The walk from here to the only pin (the place screen's small map). */
  walk?: MapWalk | null;
  label: string;
  onPin?: (id: number) => void;
  testId: string;
}

export function ResultsMap({ here, hereLabel, pins, walk = null, label, onPin, testId }: ResultsMapProps) {
  const { language } = useTranslation();
  const { status } = useSession();
  const container = useRef<HTMLDivElement>(null);
  const view = useRef<import('./map-view').MapView | null>(null);
  // Leaflet arrives asynchronously: it must show what is current then, not what was at mount.
  const latest = useRef({ here, hereLabel, pins, walk, onPin });
  latest.current = { here, hereLabel, pins, walk, onPin };

  useEffect(() => {
    let disposed = false;
    void import('./map-view').then(({ MapView }) => {
      if (disposed || !container.current) return;
      view.current = new MapView(container.current, status.map);
      view.current.show(latest.current);
    });
    return () => {
      disposed = true;
      view.current?.destroy();
      view.current = null;
    };
    // The map is built once; later updates go through show().
  }, []);

  useEffect(() => {
    view.current?.show({ here, hereLabel, pins, walk, onPin });
  }, [here.latitude, here.longitude, hereLabel, pins, walk, language]);

  // Leaflet sets `position: relative` on its container: the frame is what sticks beside the list.
  return (
    <div class="map-frame" data-no-read>
      <div ref={container} class="map" role="region" aria-label={label} data-testid={testId} dir="ltr" />
    </div>
  );
}
