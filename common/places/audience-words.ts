/**
 * Who a place or service is for: everyone, everyone with some groups preferred, or only some
 * groups (Soliguide's publics, API.md §2.6). "Every value listed" means nobody is singled out,
 * so a kind whose list holds all its values is left out, and an empty list says nothing.
 */
import type { AudienceView } from '../contract/kiosk-api';

export interface AudienceWords {
  policy: AudienceView['policy'];
  groups: { key: string; values?: Record<string, string> }[];
  /** The place's own words, French plain text. */
  description: string | null;
}

const KINDS = [
  ['genders', ['women', 'men']],
  ['family', ['isolated', 'family', 'couple', 'pregnant']],
  ['administrative', ['regular', 'asylum', 'refugee', 'undocumented']],
  ['other', ['addiction', 'handicap', 'hiv', 'lgbt', 'prison', 'prostitution', 'student', 'mentalHealth', 'violence']],
] as const;

export function audienceWords(audience: AudienceView): AudienceWords {
  const groups: AudienceWords['groups'] = [];
  if (audience.policy !== 'everyone') {
    for (const [kind, all] of KINDS) {
      const listed = all.filter((value) => audience[kind].includes(value));
      if (listed.length === 0 || listed.length === all.length) continue;
      for (const value of listed) groups.push({ key: `audience.${value}` });
    }
    const min = audience.ageMin > 0 ? String(audience.ageMin) : null;
    const max = audience.ageMax < 99 ? String(audience.ageMax) : null;
    if (min && max) groups.push({ key: 'audience.ageRange', values: { min, max } });
    else if (min) groups.push({ key: 'audience.ageFrom', values: { min } });
    else if (max) groups.push({ key: 'audience.ageUpTo', values: { max } });
  }
  // An exclusive or preferential welcome that singles nobody out welcomes everyone.
  return { policy: groups.length === 0 ? 'everyone' : audience.policy, groups, description: audience.description };
}
