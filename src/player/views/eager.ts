import Menu from '../components/Menu.svelte';
import CasesView from '../evaluation/cases/CasesView.svelte';
import FeedbackView from '../evaluation/feedback/FeedbackView.svelte';
import OutcomeView from '../evaluation/outcome/OutcomeView.svelte';
import TestView from '../evaluation/TestView.svelte';
import type { AnyComponent, ViewName } from '../state/views.svelte.ts';
import Glossary from '../tools/Glossary.svelte';
import Notes from '../tools/Notes.svelte';
import Print from '../tools/Print.svelte';
import Regulations from '../tools/Regulations.svelte';
import Search from '../tools/Search.svelte';
import Cover from './Cover.svelte';
import Done from './Done.svelte';
import Home from './Home.svelte';
import NotFound from './NotFound.svelte';

// server rendering: every screen at hand
export const eagerViews: Record<ViewName, AnyComponent> = {
  home: Home,
  cover: Cover,
  done: Done,
  print: Print,
  search: Search,
  glossary: Glossary,
  regulations: Regulations,
  notes: Notes,
  test: TestView,
  cases: CasesView,
  feedback: FeedbackView,
  outcome: OutcomeView,
  'not-found': NotFound,
  menu: Menu,
};
