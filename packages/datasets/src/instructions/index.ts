export { type Instruction, instructionRowSchema } from './instruction';
export { instructionId } from './instruction-id';
export { readInstructions } from './read-instructions';
