import { defineChannels } from '../define';
import { DashboardQuerySchema, DashboardSchema } from '../schemas/dashboard';

/** 概览. */
export const dashboardChannels = defineChannels({
  /** Counts by kind, plan, lead unit and light; overdue and due-soon lists; reporting rate; changes since the last period. */
  'dashboard:get': { input: DashboardQuerySchema, output: DashboardSchema },
});
