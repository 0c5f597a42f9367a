import type { Library, MaterialData, Outline } from './data/public-course.ts';

/** What every HTML page of the player carries for the app to start from (in #lentera-boot). */
export interface Boot {
  outline: Outline;
  /** the whole outline's data file, when `outline` is a slice of it */
  outlineFile?: string;
  /** the route path the HTML was rendered for */
  route: string;
  /** the data the page was rendered from, so the app hydrates without another request */
  materials?: MaterialData[];
  library?: Library;
}

export const BOOT_ID = 'lentera-boot';
export const APP_ID = 'app';

/** JSON safe inside a <script> element */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
