// The public surface of the course model and compiler (pinned by index.test.ts).
export { type CompileOptions, type CompileResult, compileCourse } from './compile/course.ts';
export { type Diagnostic, formatDiagnostic } from './diagnostics.ts';
export * from './model.ts';
