export { CONTROLLED_CONDENSE_PROMPT } from './controlled-condense';
export { CONTROLLED_CONTINUE_PROMPT } from './controlled-continue';
export { CONTROLLED_PLAN_PROMPT } from './controlled-plan';
export { CONTROLLED_WRITE_PROMPT } from './controlled-write';
export { FAITHFUL_PLAN_PROMPT } from './faithful-plan';
export { FAITHFUL_WRITE_PROMPT } from './faithful-write';
