import type { ViewLoader, ViewName } from '../state/views.svelte.ts';

// the browser's loaders: each screen is its own chunk
export const viewLoaders: Record<ViewName, ViewLoader> = {
  home: () => import('./Home.svelte'),
  cover: () => import('./Cover.svelte'),
  done: () => import('./Done.svelte'),
  print: () => import('../tools/Print.svelte'),
  search: () => import('../tools/Search.svelte'),
  glossary: () => import('../tools/Glossary.svelte'),
  regulations: () => import('../tools/Regulations.svelte'),
  notes: () => import('../tools/Notes.svelte'),
  test: () => import('../evaluation/TestView.svelte'),
  cases: () => import('../evaluation/cases/CasesView.svelte'),
  feedback: () => import('../evaluation/feedback/FeedbackView.svelte'),
  outcome: () => import('../evaluation/outcome/OutcomeView.svelte'),
  'not-found': () => import('./NotFound.svelte'),
  menu: () => import('../components/Menu.svelte'),
};
