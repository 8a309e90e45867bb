export { parsePlanText } from './parse-plan-text';
export type { ParsedPlan, ParsedPlanText } from './parse-plan-text';
export { splitUnitList, parseUnitClause, cutTrailingClause } from './unit-parentheses';
export type { UnitRoles } from './unit-parentheses';
export { parseHandlingSlip } from './handling-slip';
export type { HandlingSlip, SlipEntry } from './handling-slip';
