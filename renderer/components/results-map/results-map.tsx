/**
 * The map beside the list: numbered pins matching the numbered cards, the kiosk as "you are
 * here". Leaflet is loaded on first use (its own chunk, outside the start budget). Until the
 * kiosk has its own tiles (offline geodata issue) the map shows a plain background with the pins:
 * never a network call, never a grey broken map.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { Point } from '../../../common/geo/walking';
import { useTranslation } from '../../i18n/use-translation';
import type { MapPin } from './map-view';

export type { MapPin };

export interface ResultsMapProps {
  here: Point;
  hereLabel: string;
  pins: MapPin[];
  /** A dashed straight line from here to the only pin (the place screen's small map). */
  line?: boolean;
  label: string;
  onPin?: (id: number) => void;
  testId: string;
}

export function ResultsMap({ here, hereLabel, pins, line = false, label, onPin, testId }: ResultsMapProps) {
  const { language } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const view = useRef<import('./map-view').MapView | null>(null);
  // Leaflet arrives asynchronously: it must show what is current then, not what was at mount.
  const latest = useRef({ here, hereLabel, pins, line, onPin });
  latest.current = { here, hereLabel, pins, line, onPin };

  useEffect(() => {
    let disposed = false;
    void import('./map-view').then(({ MapView }) => {
      if (disposed || !container.current) return;
      view.current = new MapView(container.current);
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
    view.current?.show({ here, hereLabel, pins, line, onPin });
  }, [here.latitude, here.longitude, hereLabel, pins, line, language]);

  // Leaflet sets `position: relative` on its container: the frame is what sticks beside the list.
  return (
    <div class="map-frame" data-no-read>
      <div ref={container} class="map" role="region" aria-label={label} data-testid={testId} dir="ltr" />
    </div>
  );
}
