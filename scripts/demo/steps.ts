/** The demo's steps, in order. Each feature adds its own file under steps/ and one line here. */
import type { DemoStep } from './demo-context.js';
import { usersStep } from './steps/01-users.js';
import { registerStep } from './steps/10-register.js';
import { fundingStep } from './steps/20-funding.js';
import { reconciliationStep } from './steps/30-reconciliation.js';
import { reportsStep } from './steps/40-reports.js';

export const DEMO_STEPS: DemoStep[] = [usersStep, registerStep, fundingStep, reconciliationStep, reportsStep];
