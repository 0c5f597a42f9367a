// Moved to src/evaluation/learner-state.ts (a pure rule the server shares); this stays only for
// src/player/render.ts, whose import can point there directly.
export { emptyLearnerState } from '../../evaluation/learner-state.ts';
