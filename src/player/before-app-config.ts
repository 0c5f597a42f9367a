// Shared by the server renderer, which writes it into a study page, and the page's own script
// (src/player/before-app.ts), which reads it before the app has loaded.

/** where a study page keeps the settings of its script that runs before the app (src/player/before-app.ts) */
export const BEFORE_APP_ID = 'lentera-before-app';

/** What a study page's script needs before the app has loaded. */
export interface BeforeAppConfig {
  /** the app's entry script and the chunks this page needs, relative to the document */
  script: string;
  preload: string[];
  /** localStorage key of the events kept for the app (src/player/tracker/before-app-events.ts) */
  key: string;
  material: string;
  page: string;
}
