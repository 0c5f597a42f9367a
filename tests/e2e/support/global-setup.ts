import { buildPlayer, E2E_SITE, exportCourse } from './site.ts';

// built once for all e2e files: the player, and the BerAKHLAK course exported as a static site
export default async function setup(): Promise<void> {
  await buildPlayer();
  await exportCourse({ source: 'content/berakhlak', out: E2E_SITE });
}
