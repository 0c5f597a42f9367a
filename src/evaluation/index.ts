// the public surface of src/evaluation: pure rules shared by the server, the player and the dashboard

export type {
  AssembleOptions,
  AssemblyError,
  AssemblyErrorCode,
  AssemblyResult,
  AssemblyWarning,
  AssemblyWarningCode,
  Blueprint,
  ParallelFormsResult,
  TestForm,
} from './assembly.ts';
export { assembleForm, drawParallelForms } from './assembly.ts';
export type { BankItem, CognitiveLevel, QuestionStub } from './bank.ts';
export { COGNITIVE_LEVELS, HIGHER_ORDER_LEVELS, isHigherOrder, toBankItem } from './bank.ts';
export type {
  ActivityByPage,
  ChildState,
  CompletionOption,
  CompletionSettings,
  CompletionVia,
  CourseProgress,
  MaterialProgress,
  MaterialStub,
  PageActivity,
  PageCompletion,
  PageStub,
  RollUpOptions,
} from './completion.ts';
export {
  courseProgress,
  DEFAULT_MIN_READ_SECONDS,
  DEFAULT_MIN_WATCHED_FRACTION,
  isComplete,
  materialProgress,
  pageCompletion,
} from './completion.ts';
export type { ClassGain, Gain, GainBand, GainExclusion, ParticipantScores } from './gain.ts';
export { classGain, GAIN_BANDS, gainBand, normalizedGain } from './gain.ts';
export type {
  AnalysedItem,
  AttemptResponse,
  DifficultyCategory,
  DiscriminationCategory,
  ItemAnalysisReport,
  ItemStatistics,
  OptionAnalysis,
  Reliability,
} from './item-analysis.ts';
export {
  difficultyCategory,
  discriminationCategory,
  ITEM_ANALYSIS_THRESHOLDS,
  itemAnalysis,
} from './item-analysis.ts';
export type {
  CombinedScore,
  Disagreement,
  RaterRole,
  RaterWeights,
  Rating,
  RatingSummary,
  RoleMean,
} from './ratings.ts';
export { combineRatings, DISAGREEMENT_LEVELS, levelToScore, RATER_ROLES } from './ratings.ts';
export type {
  FinalResult,
  PredikatBand,
  ResultComponents,
  ResultIssue,
  ResultPolicy,
  ResultReason,
} from './result.ts';
export { composeResult, predikatFor } from './result.ts';
export type { Answers, AttemptScore, ItemOutcome, ScoreBreakdown } from './scoring.ts';
export { scoreAttempt } from './scoring.ts';
