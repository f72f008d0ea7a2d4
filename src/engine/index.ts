export { evaluate, deriveFacts, assess } from './evaluate.js';
export { checkOrders } from './orders.js';
export { extractFacts } from './facts.js';
export { test, and, or, negate, type Tri, type Outcome } from './logic.js';
