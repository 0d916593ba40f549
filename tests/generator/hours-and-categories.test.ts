import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { HIDDEN_LEAVES, MULTI_PARENT_LEAVES, rootsOfLeaf } from '../../sync/generator/category-pools';
import { trapsOf } from '../../sync/generator/generate-directory';
import { isOpen24h, parseStoredTime } from '../../sync/generator/hours';
import type { LegacyTime, StoredTimeslot } from '../../sync/generator/stored-place';
import { allHours, directory, NOW, WEEK } from './generator-support';

interface TaxonomyNode {
  id: string;
  children: TaxonomyNode[];
}

function validTime(time: number): boolean {
  return Number.isInteger(time) && time >= 0 && time <= 2359 && time % 100 < 60;
}

describe('opening hours (API.md §2.4)', () => {
  const places = directory().places;

  it('are HHMM times, at most 3 slots a day, sorted, non-overlapping, open = has slots', () => {
    // Problems are collected rather than asserted one by one: there are ~1 million slots.
    const problems: string[] = [];
    for (const place of places) {
      for (const { where, hours } of allHours(place)) {
        for (const day of WEEK) {
          const slots = hours[day].timeslot as StoredTimeslot<LegacyTime>[];
          const label = `lieu_id ${place.lieu_id} ${where}.${day}`;
          if (slots.length > 3) problems.push(`${label}: ${slots.length} slots`);
          if (hours[day].open !== slots.length > 0) problems.push(`${label}: open is ${hours[day].open} with ${slots.length} slots`);
          let previousEnd = -1;
          for (const slot of slots) {
            const start = parseStoredTime(slot.start);
            const end = parseStoredTime(slot.end);
            if (!validTime(start) || !validTime(end) || start >= end) problems.push(`${label}: slot ${start}–${end}`);
            if (start < previousEnd) problems.push(`${label}: slot ${start}–${end} overlaps or is out of order`);
            previousEnd = end;
          }
        }
      }
    }
    expect(problems.slice(0, 10)).toEqual([]);
  });

  it('split overnight slots at midnight: …–2359 then 0–… the next day, Sunday into Monday', () => {
    const overnight = places.filter((place) => trapsOf(place, NOW).includes('overnightSlots'));
    expect(overnight.length).toBeGreaterThan(100);
    for (const place of overnight) {
      WEEK.forEach((day, index) => {
        const last = place.newhours[day].timeslot.at(-1);
        if (last?.end !== 2359) return;
        const next = place.newhours[WEEK[(index + 1) % 7] ?? 'monday'].timeslot[0];
        expect(next?.start, `lieu_id ${place.lieu_id} ${day}`).toBe(0);
      });
    }
  });

  it('open 24/7 is 0–2359 on all seven days', () => {
    const allDay = places.filter((place) => trapsOf(place, NOW).includes('h24'));
    expect(allDay.length).toBeGreaterThan(50);
    for (const place of allDay) expect(isOpen24h(place.newhours)).toBe(true);
  });

  it('keeps legacy "08:00" strings only in temporary hours, with the legacy keys', () => {
    const legacy = places.filter((place) => trapsOf(place, NOW).includes('legacyStringTimes'));
    expect(legacy.length).toBeGreaterThan(30);
    for (const place of legacy) {
      const hours = place.tempInfos.hours.hours;
      expect(hours?.h24).toBe(false);
      for (const day of WEEK) {
        expect(hours?.[day].show).toBe(false);
        for (const slot of hours?.[day].timeslot ?? []) expect(String(slot.start)).toMatch(/^\d\d:\d\d$/);
      }
    }
    for (const place of places) for (const day of WEEK) for (const slot of place.newhours[day].timeslot) expect(typeof slot.start).toBe('number');
  });

  it('copies the place hours, modalities and publics into services unless different* (§6 trap 13)', () => {
    const problems: string[] = [];
    for (const place of places) {
      for (const [index, service] of place.services_all.entries()) {
        const label = `lieu_id ${place.lieu_id} service ${index}`;
        if (!service.differentHours && JSON.stringify(service.hours) !== JSON.stringify(place.newhours)) problems.push(`${label}: hours`);
        if (!service.differentModalities && JSON.stringify(service.modalities) !== JSON.stringify(place.modalities)) problems.push(`${label}: modalities`);
        if (!service.differentPublics && JSON.stringify(service.publics) !== JSON.stringify(place.publics)) problems.push(`${label}: publics`);
        // Copies, not references: editing one must not change the other.
        if (service.hours === place.newhours || service.modalities === place.modalities || service.publics === place.publics) problems.push(`${label}: shared object`);
      }
    }
    expect(problems.slice(0, 10)).toEqual([]);
    expect(places.some((place) => place.services_all.some((service) => service.differentHours))).toBe(true);
  });
});

describe('service categories (API.md §3)', () => {
  const taxonomy = JSON.parse(readFileSync(fileURLToPath(new URL('../../sync/demo/demo-taxonomy.json', import.meta.url)), 'utf8')) as TaxonomyNode[];
  const leaves = new Set<string>();
  const visit = (node: TaxonomyNode): void => {
    if (node.children.length === 0) leaves.add(node.id);
    node.children.forEach(visit);
  };
  taxonomy.forEach((root) => root.children.forEach(visit));
  const services = directory().places.flatMap((place) => place.services_all);

  it('are always a leaf of the French category graph', () => {
    for (const service of services) expect(leaves.has(service.category), service.category).toBe(true);
  });

  it('knows the five multi-parent leaves and the hidden ones', () => {
    expect([...MULTI_PARENT_LEAVES].sort()).toEqual(['child_care', 'medical_accommodation', 'parent_assistance', 'psychiatry', 'psychological_support']);
    expect(HIDDEN_LEAVES).toEqual(expect.arrayContaining(['wifi', 'toilets', 'fountain', 'electrical_outlets_available', 'addiction_care', 'addiction_prevention_and_material']));
    expect(rootsOfLeaf('parent_assistance')).toEqual(['counseling', 'health']);
  });

  it('are mostly food, counselling, health, shelter and hygiene, as in the directory', () => {
    const byRoot = new Map<string, number>();
    for (const service of services) {
      const root = rootsOfLeaf(service.category)[0] ?? '?';
      byRoot.set(root, (byRoot.get(root) ?? 0) + 1);
    }
    const top = [...byRoot].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([root]) => root);
    expect(top.sort()).toEqual(['accomodation_and_housing', 'counseling', 'food', 'health', 'hygiene_and_wellness']);
  });
});
