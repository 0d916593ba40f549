import { describe, expect, it } from 'vitest';
import { findDepartment } from '../../sync/generator/french-towns';
import { generateDirectory } from '../../sync/generator/generate-directory';
import { SCATTER_KM } from '../../sync/generator/position';
import { directory, haversineKm, NOW } from './generator-support';

describe('generateDirectory', () => {
  it('gives byte-identical output for the same seed and options', () => {
    const options = { count: 1500, seed: 7, departments: ['67', '974'], now: NOW };
    const first = generateDirectory(options);
    const second = generateDirectory(options);
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
    expect(second).toEqual(first);
  });

  it('gives a different directory for another seed', () => {
    const first = generateDirectory({ count: 200, seed: 7, departments: ['67'], now: NOW });
    const other = generateDirectory({ count: 200, seed: 8, departments: ['67'], now: NOW });
    expect(JSON.stringify(other)).not.toBe(JSON.stringify(first));
    expect(other.places.filter((place, index) => place.name === first.places[index]?.name).length).toBeLessThan(50);
  });

  it('keeps the first places when more are asked for (place N depends on seed and N)', () => {
    const small = generateDirectory({ count: 300, seed: 11, departments: ['75'], now: NOW });
    const large = generateDirectory({ count: 900, seed: 11, departments: ['75'], now: NOW });
    expect(large.places.slice(0, 300)).toEqual(small.places);
  });

  it('makes exactly `count` places with unique lieu_id 1…count in order, and unique ObjectIds', () => {
    const { places, translations } = directory();
    expect(places).toHaveLength(5000);
    expect(places.map((place) => place.lieu_id)).toEqual(Array.from({ length: 5000 }, (_, index) => index + 1));
    const ids = [...places.map((place) => place._id), ...places.flatMap((place) => place.services_all.map((service) => service.serviceObjectId)), ...translations.map((doc) => doc._id)];
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{24}$/);
  });

  it('has LIEU and PARCOURS_MOBILE places, all statuses, PRO visibility, itineraries with stops', () => {
    const { places } = directory();
    const statuses = new Set(places.map((place) => place.status));
    expect([...statuses].sort()).toEqual(['DRAFT', 'OFFLINE', 'ONLINE', 'PERMANENTLY_CLOSED']);
    expect(places.filter((place) => place.status === 'ONLINE').length / places.length).toBeGreaterThan(0.85);
    expect(places.some((place) => place.visibility === 'PRO')).toBe(true);
    const itineraries = places.filter((place) => place.placeType === 'PARCOURS_MOBILE');
    expect(itineraries.length).toBeGreaterThan(50);
    for (const itinerary of itineraries) {
      expect(itinerary.parcours.length).toBeGreaterThanOrEqual(2);
      // API.md §2.8: the root position is the first stop.
      expect(itinerary.position).toEqual(itinerary.parcours[0]?.position);
    }
    for (const place of places.filter((candidate) => candidate.placeType === 'LIEU')) expect(place.parcours).toEqual([]);
  });

  it('puts every place and stop within ~3 km of a real town of one of the requested departments', () => {
    const { places } = directory();
    const requested = new Set(['67', '68', '75', '974', '973']);
    const seen = new Set<string>();
    for (const place of places) {
      for (const position of [place.position, ...place.parcours.map((stop) => stop.position)]) {
        expect(requested.has(position.departmentCode)).toBe(true);
        seen.add(position.departmentCode);
        const department = findDepartment(position.departmentCode);
        if (department === undefined) throw new Error(`unknown department ${position.departmentCode}`);
        const town = department.towns.find((candidate) => candidate.inseeCode === position.cityCode);
        if (town === undefined) throw new Error(`lieu_id ${place.lieu_id}: city code ${position.cityCode} is not a town of ${department.code}`);
        expect(position.postalCode).toBe(town.postalCode);
        expect(position.city).toBe(town.name);
        expect(position.timeZone).toBe(department.timeZone);
        expect(position.region).toBe(department.regionName);
        expect(haversineKm(position.location.coordinates, [town.longitude, town.latitude])).toBeLessThanOrEqual(SCATTER_KM + 0.01);
        expect(position.address).toBe(position.adresse);
        expect(position.address).toMatch(new RegExp(`^\\d+( bis)? .+, ${town.postalCode} ${town.name}$`));
      }
    }
    expect([...seen].sort()).toEqual(['67', '68', '75', '973', '974']);
  });

  it('dates records within the last two years, created before they were updated, in ISO form', () => {
    const { places } = directory();
    const twoYearsAgo = NOW.getTime() - 731 * 86_400_000;
    for (const place of places) {
      if (place.updatedAt !== undefined) {
        expect(place.updatedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
        expect(Date.parse(place.updatedAt)).toBeGreaterThanOrEqual(twoYearsAgo);
        expect(Date.parse(place.updatedAt)).toBeLessThanOrEqual(NOW.getTime());
        if (place.createdAt !== undefined) expect(place.createdAt <= place.updatedAt).toBe(true);
      }
    }
  });

  it('uses no real contact: example.org addresses and ARCEP fiction or special phone numbers', () => {
    for (const place of directory().places) {
      const { mail, website } = place.entity;
      if (mail) expect(mail).toMatch(/@example\.org$/);
      if (website) expect(website).toMatch(/^https:\/\/[a-z0-9-]+\.example\.org\/$/);
      for (const phone of place.entity.phones) {
        const digits = (phone.phoneNumber ?? '').replace(/\D/g, '');
        if (phone.isSpecialPhoneNumber) expect(['115', '119', '3919']).toContain(digits);
        else expect(digits.replace(/^0/, '')).toMatch(/^(19900|26191|35301|46571|53649|63998)\d{4}$/);
      }
    }
  });

  it('explains bad options: the field, the value and what is expected', () => {
    expect(() => generateDirectory({ count: 5, seed: 1, departments: ['67'], now: NOW })).toThrow(/count is 5; expected an integer from 10 to 100000/);
    expect(() => generateDirectory({ count: 10, seed: 1, departments: ['99'], now: NOW })).toThrow(/departments contains "99"/);
    expect(() => generateDirectory({ count: 10, seed: 1, departments: [], now: NOW })).toThrow(/departments is empty/);
    expect(() => generateDirectory({ count: 10, seed: 1, departments: ['67'], now: new Date('nope') })).toThrow(/now is not a valid Date/);
  });
});
