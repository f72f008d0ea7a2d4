export { evaluate, deriveFacts } from './evaluate.js';
export { extractFacts } from './facts.js';
export { test, and, or, negate, type Tri, type Outcome } from './logic.js';
