import { REDACTED } from './redacted.ts';

/**
 * Street suffixes from USPS Publication 28 (appendix C1) and the street-name generators Synthea uses, with the
 * common abbreviations; full words also match in the plural (Streets, Ways).
 */
const suffixes = [
  'Alley', 'Annex', 'Arcade', 'Avenue', 'Ave', 'Bayou', 'Beach', 'Bend', 'Bluff', 'Boulevard', 'Blvd', 'Branch', 'Bridge',
  'Brook', 'Burg', 'Bypass', 'Byway', 'Camp', 'Canyon', 'Cape', 'Causeway', 'Center', 'Circle', 'Cir', 'Cliff', 'Club',
  'Common', 'Commons', 'Corner', 'Course', 'Court', 'Ct', 'Cove', 'Creek', 'Crescent', 'Crest', 'Crossing', 'Crossroad',
  'Curve', 'Dale', 'Dam', 'Divide', 'Drive', 'Dr', 'Estate', 'Estates', 'Expressway', 'Expy', 'Extension', 'Falls',
  'Ferry', 'Field', 'Fields', 'Flat', 'Flats', 'Ford', 'Forest', 'Forge', 'Fork', 'Fort', 'Freeway', 'Fwy', 'Garden',
  'Gardens', 'Gateway', 'Glen', 'Green', 'Grove', 'Harbor', 'Haven', 'Heights', 'Highway', 'Hwy', 'Hill', 'Hills',
  'Hollow', 'Inlet', 'Island', 'Isle', 'Junction', 'Key', 'Knoll', 'Knolls', 'Lake', 'Lakes', 'Landing', 'Lane', 'Ln',
  'Light', 'Lights', 'Loaf', 'Lock', 'Locks', 'Lodge', 'Loop', 'Mall', 'Manor', 'Meadow', 'Meadows', 'Mews', 'Mill',
  'Mills', 'Mission', 'Motorway', 'Mount', 'Mountain', 'Neck', 'Orchard', 'Oval', 'Overpass', 'Park', 'Parkway', 'Pkwy',
  'Pass', 'Passage', 'Path', 'Pike', 'Pine', 'Pines', 'Place', 'Pl', 'Plain', 'Plains', 'Plaza', 'Point', 'Points',
  'Port', 'Prairie', 'Radial', 'Ramp', 'Ranch', 'Rapids', 'Rest', 'Ridge', 'River', 'Road', 'Rd', 'Route', 'Row', 'Rue',
  'Run', 'Shoal', 'Shoals', 'Shore', 'Shores', 'Skyway', 'Spring', 'Springs', 'Spur', 'Square', 'Sq', 'Station',
  'Stravenue', 'Stream', 'Street', 'St', 'Summit', 'Terrace', 'Ter', 'Throughway', 'Trace', 'Track', 'Trafficway',
  'Trail', 'Trl', 'Tunnel', 'Turnpike', 'Underpass', 'Union', 'Valley', 'Viaduct', 'View', 'Views', 'Village', 'Ville',
  'Vista', 'Walk', 'Wall', 'Way', 'Well', 'Wells', 'Parade', 'Promenade', 'Esplanade', 'Via', 'Land', 'Gate', 'Close',
  'Quay', 'Wharf', 'Vale', 'Glade', 'Heath', 'Rise', 'Reach', 'Nook', 'Lawn',
];
const units = ['Apt', 'Apartment', 'Unit', 'Suite', 'Ste', 'Floor', 'Fl', 'Room', 'Rm', 'Building', 'Bldg'];

const bothCases = (words: readonly string[]) => words.flatMap((word) => [word, word.toUpperCase()]).join('|');
const withPlurals = (words: readonly string[]) => words.map((word) => (word.length > 3 && !word.endsWith('s') ? `${word}s?` : word));

/**
 * A house number, one to four capitalised street-name words (or an ordinal like 5th), a street suffix and an
 * optional unit: "740 Conn Village Apt 2", "1016 Bednar Path Suite 26", "12 W 5th Street". Case matters, so
 * "by 3 pm we reached the way out" stays.
 */
const streetAddress = new RegExp(
  '(?<![\\w-])\\d{1,6}[A-Za-z]?' +
    '(?:\\s+(?:N|S|E|W|NE|NW|SE|SW|North|South|East|West)\\.?)?' +
    "(?:\\s+(?:[A-Z][A-Za-z'’.-]*|\\d+(?:st|nd|rd|th))){1,4}" +
    `\\s+(?:${bothCases(withPlurals(suffixes))})\\.?` +
    `(?:,?\\s+(?:(?:${bothCases(units)})\\.?\\s*#?|#\\s*)[A-Za-z0-9-]+)?` +
    '(?![A-Za-z0-9])',
  'g',
);

export function redactStreetAddresses(text: string): string {
  return text.replace(streetAddress, REDACTED);
}
