/** The core's one call: compiled agreements in, finished results out (measured, attributed, credited). */
export { evaluate, type EvaluateOptions, type Evaluation } from './evaluate.js';
