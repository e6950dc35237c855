export {
  type CallSettings,
  createScheduler,
  type ScheduleOptions,
  type Scheduler,
  type SchedulerSettings,
  type SchedulerStats,
  type SchedulerTaskContext,
  schedulerSettingsSchema,
  type TaskUsage,
} from './create-scheduler';
export { parseRetryAfter, rateLimitInfo } from './rate-limit-error';
export { TokenBucket } from './token-bucket';
