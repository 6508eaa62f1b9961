import type { ListingSiteKey, Settings } from '../../schema';

/**
 * Room for the badges from the page's first paint. The listing's script runs once the page is
 * parsed, after the browser has painted its entries: each badge put in then pushed every entry
 * below it down by a line, on every listing. A stylesheet put in at document start gives each
 * entry's title an empty line of the badge's size; it goes in the task that attaches the badges,
 * or finds there are none to attach.
 */
const PLACED = 'data-paperlens-badges';

/**
 * At document start: holds a badge's line after every element `titles` selects, at once (the
 * settings come after the first paint of a small page). The settings, read meanwhile, give the
 * room back at once when the site's switch is off, long before the listing's script would.
 */
export function holdBadgeRoom(titles: string, site: ListingSiteKey, settings: Promise<Settings>): void {
  const style = document.createElement('style');
  // The badge host's box (badge.css): a 20px line with 2px margins.
  style.textContent = `html:not([${PLACED}]) :is(${titles})::after{content:"";display:block;height:20px;margin:2px 0}`;
  document.documentElement.append(style);
  void settings.then(
    ({ sites }) => {
      if (!sites[site]) releaseBadgeRoom(document);
    },
    () => undefined,
  );
}

/** The badges are in (or none will be): the room held for them goes. */
export function releaseBadgeRoom(doc: Document): void {
  doc.documentElement.setAttribute(PLACED, '');
}

/** Whether the room held for the badges was given back: a badge line that opens from now on moves the page. */
export function badgeRoomReleased(doc: Document): boolean {
  return doc.documentElement.hasAttribute(PLACED);
}
