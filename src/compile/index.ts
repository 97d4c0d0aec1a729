/** The compile stage's public surface: agreements in, problems and the resolved model out. */
export { compileAgreements, strictProblems, type Compilation, type CompileOptions } from './compile.js';
export type {
  AggregateKind,
  AggregateSpec,
  CompiledAgreement,
  CompiledItem,
  CompiledMeasure,
  CompiledObjective,
  CompiledParty,
  CompiledPause,
  CompiledReport,
  CreditTiers,
  DependencyRef,
  GoodRule,
  MeasureKind,
  Unit,
} from './model.js';
