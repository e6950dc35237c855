export { createLshIndex, type LshIndex, type LshMatch } from './lsh-index';
export { type LshParams, lshCollisionProbability, optimalLshParams } from './lsh-params';
export {
  createMinHasher,
  estimateJaccard,
  type MinHasher,
  type MinHasherSettings,
} from './minhash';
