/**
 * Turn by turn, for the screen and the ticket: one sentence per maneuver in the person's
 * language, the street as written on its sign (French, left to right), and the distance.
 */
import { ArrowLeft, ArrowRight, ArrowUp, ArrowUpLeft, ArrowUpRight, CornerUpLeft, CornerUpRight, Flag, Footprints, RotateCcw, RotateCw } from 'lucide-preact';
import type { ItineraryResponse } from '../../../common/contract/kiosk-api';
import type { Maneuver } from '../../../common/geo/maneuvers';
import { formatDistance } from '../../../common/geo/walking';
import { useTranslation } from '../../i18n/use-translation';

const ICON: Record<Maneuver, typeof ArrowUp> = {
  depart: Footprints,
  straight: ArrowUp,
  left: ArrowLeft,
  right: ArrowRight,
  slightLeft: ArrowUpLeft,
  slightRight: ArrowUpRight,
  sharpLeft: CornerUpLeft,
  sharpRight: CornerUpRight,
  uturn: RotateCcw,
  roundabout: RotateCw,
  arrive: Flag,
};

export function RouteSteps({ steps }: { steps: ItineraryResponse['steps'] }) {
  const { t, language } = useTranslation();
  return (
    <ol class="route-steps" data-testid="route-steps">
      {steps.map((step, index) => {
        const Icon = ICON[step.maneuver];
        const sentence =
          step.maneuver === 'roundabout' && step.exit !== null ? t('route.roundabout', { exit: step.exit }) : t(`route.${step.maneuver === 'roundabout' ? 'straight' : step.maneuver}`);
        return (
          <li key={index} class="route-steps__step" data-maneuver={step.maneuver}>
            <Icon aria-hidden="true" size={28} />
            <span class="route-steps__text">
              <span>{sentence}</span>
              {step.maneuver !== 'arrive' && (
                <span class="route-steps__street">
                  {step.street ? (
                    <bdi lang="fr" dir="ltr">
                      {step.street}
                    </bdi>
                  ) : (
                    t('route.unnamedWay')
                  )}
                  {step.distanceMetres > 0 && (
                    <>
                      {' · '}
                      <bdi>{formatDistance(step.distanceMetres, language)}</bdi>
                    </>
                  )}
                </span>
              )}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
