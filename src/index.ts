/** allpath's public API: the contract, the knowledge base and the engine. */
export * from './contract/index.js';
export {
  evaluate, assess, checkOrders, deriveFacts, extractFacts, test, and, or, negate, type Tri, type Outcome,
} from './engine/index.js';
export { KNOWLEDGE, KNOWLEDGE_VERSION, NOTICE, SOURCES, type Knowledge, type Source } from './knowledge/index.js';
